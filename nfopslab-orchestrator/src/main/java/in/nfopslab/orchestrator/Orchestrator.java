package in.nfopslab.orchestrator;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.engine.Engine;
import in.nfopslab.core.engine.EngineConfig;
import in.nfopslab.core.engine.EngineEvent;
import in.nfopslab.core.engine.EngineInput;
import in.nfopslab.core.engine.EngineResult;
import in.nfopslab.core.engine.StrategyResult;
import in.nfopslab.core.engine.StrategyRun;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.io.AtomicFiles;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.strategy.StrategyRegistry;
import in.nfopslab.core.trade.StanceRow;
import in.nfopslab.core.trade.TradeLeg;
import in.nfopslab.data.trades.StanceParquet;
import in.nfopslab.data.trades.TradeParquet;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@code nfops run}: plans tasks (trading days grouped by nearest expiry), runs every selected
 * strategy over each task's days on one shared market on its own ForkJoinPool, and merges per-pair
 * parts into per-strategy trade files and the run status table.
 *
 * <p>Each (strategy, task) pair is written as a part as soon as it finishes, atomically, under
 * {@code backtests/parts/{runId}/}: one trade part whose footer holds the pair's status row ({@link
 * RunPart}). A pair that throws fails alone. {@code --resume} reuses the parts of pairs already
 * done with the same parameters and the same input files, so a killed run continues where it
 * stopped and ends with the outputs of an uninterrupted run. The final files are rebuilt from all
 * parts, sorted, so the outputs do not depend on the worker count or the order tasks finished.
 */
public final class Orchestrator {
  private static final Logger LOG = LoggerFactory.getLogger(Orchestrator.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private static final Comparator<TradeLeg> TRADE_ORDER =
      Comparator.comparing(TradeLeg::tradeDate)
          .thenComparing(TradeLeg::entryTs)
          .thenComparingLong(TradeLeg::tradeId)
          .thenComparingInt(TradeLeg::leg);

  private static final Comparator<StanceRow> STANCE_ORDER =
      Comparator.comparing(StanceRow::tradeDate).thenComparing(StanceRow::ts);

  private final StrategyRegistry registry;

  public Orchestrator(StrategyRegistry registry) {
    this.registry = requireNonNull(registry, "registry is null");
  }

  public RunSummary run(RunConfig config, PrintStream err)
      throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    List<StrategyRun> runs =
        StrategySelection.select(
            registry, config.symbol(), config.include(), config.exclude(), config.params());
    RunContext ctx = RunContext.open(config.paths(), config.symbol(), config.start(), config.end());
    LocalDate start = ctx.start();
    LocalDate end = ctx.end();
    List<RunTask> tasks = ctx.tasks();
    String runId = config.symbol() + "_" + start + "_" + end;
    Path partsDir = config.paths().out().resolve("parts").resolve(runId);
    Path logsDir = config.paths().logs();
    OutputFolder.requireWritable(config.paths().out());
    Files.createDirectories(logsDir);
    Path runLog =
        logsDir.resolve(
            "run_"
                + runId
                + "_"
                + STAMP.format(Instant.now())
                + "_"
                + ProcessHandle.current().pid()
                + ".log");

    // which pairs run now, and which are reused from earlier parts
    Map<RunTask, List<StrategyRun>> pending = new LinkedHashMap<>();
    Map<RunTask, String> dataKeys = new LinkedHashMap<>();
    int reused = 0;
    int toRun = 0;
    String code = CodeIdentity.ofRun(runs.stream().map(r -> r.factory().getClass()));
    for (RunTask task : tasks) {
      String key = ctx.dataKey(task, config.engine(), code);
      dataKeys.put(task, key);
      List<StrategyRun> list = new ArrayList<>();
      for (StrategyRun r : runs) {
        boolean selected =
            config.onlyPairs() == null
                || config.onlyPairs().contains(r.config().name() + "|" + task.id());
        if (!selected || (config.resume() && doneBefore(partsDir, r, task, key))) {
          reused++; // merged from its earlier part (or reported as not run when there is none)
        } else {
          list.add(r);
          toRun++;
        }
      }
      if (!list.isEmpty()) {
        pending.put(task, list);
      }
    }

    AtomicLong done = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    final int total = toRun;
    try (LabLock lock = LabLock.acquire(config.paths().out(), "nfops run " + runId);
        RunLog logFile = RunLog.attach(runLog);
        RunState state =
            new RunState(
                config.paths().out(),
                runId,
                "run",
                runLog,
                () -> new long[] {total, done.get(), failed.get()});
        Progress progress =
            new Progress("run " + runId, total, config.progress(), err, Duration.ofSeconds(30))) {
      state.put("status_file", statusFile(config, start, end).toString());
      state.putAll(describe(config, start, end, partsDir));
      LOG.info(
          "run {}: {} days in {} tasks, {} strategies, {} pairs to run, {} reused, {} workers",
          runId,
          ctx.days().size(),
          tasks.size(),
          runs.size(),
          total,
          reused,
          config.maxWorkers());
      List<Callable<Void>> jobs = new ArrayList<>();
      for (Map.Entry<RunTask, List<StrategyRun>> e : pending.entrySet()) {
        RunTask task = e.getKey();
        List<StrategyRun> list = e.getValue();
        jobs.add(
            () -> {
              int bad = runTask(config, ctx, partsDir, logsDir, task, list, dataKeys.get(task));
              failed.addAndGet(bad);
              for (int i = 0; i < list.size(); i++) {
                done.incrementAndGet();
                progress.step(i >= bad);
              }
              return null;
            });
      }
      try {
        TaskPool.runAll(config.maxWorkers(), jobs);
      } catch (ExecutionException ex) {
        throw new IOException(
            "a task could not record its result: " + TaskPool.reason(ex.getCause()), ex.getCause());
      }
      RunSummary summary =
          merge(config, runs, tasks, partsDir, runId, start, end, runLog, total, reused, t0);
      state.put("status_file", summary.statusFile().toString());
      if (config.nextSymbols().isEmpty()) {
        state.finish("finished");
      } else {
        state.handOver();
      }
      LOG.info(
          "run {} finished: {} ok, {} failed, {} skipped in {} s",
          runId,
          summary.count(StatusRow.OK),
          summary.count(StatusRow.FAILED),
          summary.count(StatusRow.SKIPPED),
          summary.elapsed().toSeconds());
      return summary;
    }
  }

  /**
   * Whether a pair's earlier part can stand for it under --resume: done, not failed, and made from
   * the same data key (only then is the part's footer read).
   */
  private static boolean doneBefore(Path partsDir, StrategyRun r, RunTask task, String key) {
    StatusRow before = new RunPart(partsDir, r.config(), task).readStatus();
    return before != null
        && before.dataKey().equals(key)
        && !before.status().equals(StatusRow.FAILED);
  }

  /** Runs the pending strategies of one task; returns how many failed. Writes each pair's part. */
  private static int runTask(
      RunConfig config,
      RunContext ctx,
      Path partsDir,
      Path logsDir,
      RunTask task,
      List<StrategyRun> runs,
      String dataKey)
      throws IOException {
    MDC.put("task", task.id());
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    try {
      EngineResult result;
      try {
        result =
            Engine.run(
                new EngineInput(
                    config.symbol(),
                    task.days(),
                    ctx.markets(),
                    runs,
                    config.engine(),
                    ctx.lots(),
                    ctx.calendar(),
                    ctx.strikeStep(),
                    ctx.history()));
      } catch (RuntimeException ex) {
        // the shared market could not be loaded (e.g. a bad spot file): every pair of the task
        // fails with it
        LOG.warn("task {} failed: {}", task.id(), ex.getMessage());
        int bad = 0;
        for (StrategyRun r : runs) {
          Path log = writeFailureLog(logsDir, r.config(), task, ex.getMessage(), ex, List.of());
          new RunPart(partsDir, r.config(), task)
              .writeFailed(
                  row(
                      r.config(),
                      task,
                      StatusRow.FAILED,
                      ex.getMessage(),
                      log,
                      started,
                      t0,
                      0,
                      dataKey));
          bad++;
        }
        return bad;
      }
      int bad = 0;
      for (StrategyResult sr : result.results()) {
        StrategyRun r = find(runs, sr);
        RunPart part = new RunPart(partsDir, r.config(), task);
        if (sr.ok()) {
          boolean stance = r.factory().descriptor().writesStance();
          // trades counts trade legs, or stance rows for a strategy that writes stances
          long written = sr.trades().size() + (stance ? sr.stances().size() : 0);
          part.writeOk(
              row(r.config(), task, StatusRow.OK, "", null, started, t0, written, dataKey),
              sr.trades(),
              sr.stances());
        } else {
          String msg = sr.failure().message();
          LOG.warn("{} on task {} failed: {}", r.config().name(), task.id(), msg);
          Path log =
              writeFailureLog(logsDir, r.config(), task, msg, sr.failure().cause(), sr.events());
          part.writeFailed(
              row(r.config(), task, StatusRow.FAILED, msg, log, started, t0, 0, dataKey));
          bad++;
        }
      }
      return bad;
    } finally {
      MDC.remove("task");
    }
  }

  private static StrategyRun find(List<StrategyRun> runs, StrategyResult sr) {
    for (StrategyRun r : runs) {
      if (r.config().name().equals(sr.strategy()) && r.config().paramsId().equals(sr.paramsId())) {
        return r;
      }
    }
    throw new IllegalStateException(
        "engine returned a result for an unknown strategy " + sr.strategy());
  }

  private static StatusRow row(
      StrategyConfig c,
      RunTask task,
      String status,
      String error,
      Path log,
      Instant started,
      long t0,
      long trades,
      String dataKey) {
    return new StatusRow(
        c.name(),
        c.paramsId(),
        task.symbol().name(),
        task.expiry(),
        task.firstDay(),
        task.lastDay(),
        status,
        error,
        log == null ? "" : log.toString(),
        started,
        Instant.now(),
        (System.nanoTime() - t0) / 1e9,
        trades,
        c.params().canonical(),
        dataKey);
  }

  private static Path writeFailureLog(
      Path logsDir,
      StrategyConfig c,
      RunTask task,
      String message,
      Throwable cause,
      List<EngineEvent> events)
      throws IOException {
    Path log =
        logsDir.resolve(
            "failed_"
                + c.name()
                + "_"
                + c.paramsId()
                + "_"
                + task.id()
                + "_"
                + STAMP.format(Instant.now())
                + "_"
                + ProcessHandle.current().pid()
                + "_"
                + Thread.currentThread().getId()
                + ".log");
    StringWriter sw = new StringWriter();
    PrintWriter pw = new PrintWriter(sw);
    pw.println(
        "strategy: "
            + c.name()
            + " (params "
            + c.params().canonical()
            + ", id "
            + c.paramsId()
            + ")");
    pw.println("task:     " + task.id() + " days " + task.firstDay() + " .. " + task.lastDay());
    pw.println("error:    " + message);
    pw.println();
    for (EngineEvent e : events) {
      pw.println("event: " + e);
    }
    pw.println();
    if (cause != null) {
      cause.printStackTrace(pw);
    }
    pw.flush();
    AtomicFiles.writeString(log, sw.toString());
    return log;
  }

  /** One strategy's merge: its status rows in task order, its name and result file. */
  private record Merged(List<StatusRow> rows, String name, Path out) {}

  /**
   * Rebuilds the result files from the parts: one job per strategy on {@link
   * RunConfig#maxWorkers()} workers, each reading its parts, sorting and writing its file, then the
   * status table from every strategy's rows in strategy order. A strategy whose parts cannot be
   * read fails the merge with the error naming the part, after every other strategy's result file
   * is written; the status table is then not written.
   */
  private RunSummary merge(
      RunConfig config,
      List<StrategyRun> runs,
      List<RunTask> tasks,
      Path partsDir,
      String runId,
      LocalDate start,
      LocalDate end,
      Path runLog,
      int executed,
      int reused,
      long t0)
      throws IOException, InterruptedException {
    Path results = config.paths().results();
    Files.createDirectories(results);
    List<Callable<Merged>> jobs = new ArrayList<>();
    for (StrategyRun r : runs) {
      jobs.add(() -> mergeStrategy(config, runs, r, tasks, partsDir, results, start, end));
    }
    List<Merged> merged;
    try {
      merged = TaskPool.runEach(config.maxWorkers(), jobs);
    } catch (ExecutionException ex) {
      throw TaskPool.rethrow(ex);
    }
    List<StatusRow> rows = new ArrayList<>();
    Map<String, Path> outputs = new TreeMap<>();
    for (Merged m : merged) {
      rows.addAll(m.rows());
      outputs.put(m.name(), m.out());
    }
    Path statusFile = statusFile(config, start, end);
    StatusParquet.write(statusFile, rows);
    return new RunSummary(
        runId,
        start,
        end,
        tasks.size(),
        rows,
        outputs,
        statusFile,
        runLog,
        executed,
        reused,
        Duration.ofNanos(System.nanoTime() - t0));
  }

  /** Merges one strategy's parts into its result file; holds only this strategy's rows. */
  private static Merged mergeStrategy(
      RunConfig config,
      List<StrategyRun> runs,
      StrategyRun r,
      List<RunTask> tasks,
      Path partsDir,
      Path results,
      LocalDate start,
      LocalDate end)
      throws IOException {
    boolean stance = r.factory().descriptor().writesStance();
    List<StatusRow> rows = new ArrayList<>();
    List<TradeLeg> all = new ArrayList<>();
    List<StanceRow> stances = new ArrayList<>();
    for (RunTask task : tasks) {
      RunPart.Contents part = new RunPart(partsDir, r.config(), task).read();
      StatusRow status = part.status();
      if (status == null) {
        status =
            row(
                r.config(),
                task,
                StatusRow.SKIPPED,
                "not run (interrupted, or excluded by nfops retry)",
                null,
                null,
                System.nanoTime(),
                0,
                "");
      } else {
        all.addAll(part.legs());
        stances.addAll(part.stances());
      }
      rows.add(status);
    }
    all.sort(TRADE_ORDER);
    String name =
        r.config().name()
            + (runs.stream().filter(x -> x.config().name().equals(r.config().name())).count() > 1
                ? "_" + r.config().paramsId()
                : "");
    String base = name + "_" + config.symbol() + "_" + start + "_" + end;
    Path out = results.resolve(base + ".parquet");
    if (stance) {
      // a stance strategy's result file holds its stance rows (ResultKind tells the two kinds
      // apart)
      stances.sort(STANCE_ORDER);
      StanceParquet.write(out, stances);
      if (!all.isEmpty()) {
        TradeParquet.write(results.resolve(base + "_trades.parquet"), all);
      }
    } else {
      TradeParquet.write(out, all);
    }
    return new Merged(rows, name, out);
  }

  /**
   * What the run was asked to do, for run_state.properties: monitors and {@code nfops status}
   * rebuild a resume command from it.
   */
  private static Map<String, String> describe(
      RunConfig config, LocalDate start, LocalDate end, Path partsDir) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("symbol", config.symbol().name());
    // what the same command runs after this symbol: a resume command must run them too
    m.put(
        "next_symbols", String.join(",", config.nextSymbols().stream().map(Symbol::name).toList()));
    m.put("start", start.toString());
    m.put("end", end.toString());
    m.put("include", String.join(",", config.include()));
    m.put("exclude", String.join(",", config.exclude()));
    m.put("params", String.join("\n", config.params()));
    m.put(
        "engine",
        config.engine().equals(EngineConfig.defaults()) ? "defaults" : config.engine().toString());
    m.put("max_workers", Integer.toString(config.maxWorkers()));
    m.put("data_dir", config.paths().data().toString());
    m.put("meta_dir", config.paths().meta().toString());
    m.put("out_dir", config.paths().out().toString());
    m.put("parts_dir", partsDir.toString());
    return m;
  }

  /**
   * The status rows of the pairs recorded so far under a run's parts folder ({@code
   * backtests/parts/{runId}}), read from the footers of their trade parts: the progress of a run
   * that is still going or was killed. Unreadable or temporary files are left out.
   */
  public static List<StatusRow> partStatuses(Path partsDir) throws IOException {
    return RunPart.statuses(partsDir);
  }

  static Path statusFile(RunConfig config, LocalDate start, LocalDate end) {
    return config
        .paths()
        .results()
        .resolve("run_all_status_" + config.symbol() + "_" + start + "_" + end + ".parquet");
  }
}
