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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@code nfops run}: plans tasks (trading days grouped by nearest expiry), runs every selected
 * strategy over each task's days on one shared market on its own ForkJoinPool, and merges per-pair
 * parts into per-strategy trade files and the run status table. A command over several symbols
 * plans each and runs all their tasks on the one pool ({@link #runAll}).
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

  /** What one symbol of a run command came to: its summary, or why it could not run. */
  public record Outcome(Symbol symbol, RunSummary summary, Exception error) {
    public Outcome {
      requireNonNull(symbol, "symbol is null");
      if ((summary == null) == (error == null)) {
        throw new IllegalArgumentException("an outcome has a summary or an error, not both");
      }
    }
  }

  /**
   * One symbol's share of a run command, planned before anything runs: its strategies, market,
   * tasks, and which pairs run now (the rest are reused from earlier parts).
   */
  private record Plan(
      RunConfig config,
      List<StrategyRun> runs,
      RunContext ctx,
      String runId,
      Path partsDir,
      Map<RunTask, List<StrategyRun>> pending,
      Map<RunTask, String> dataKeys) {
    /** The pairs that run now. */
    int toRun() {
      return pending.values().stream().mapToInt(List::size).sum();
    }

    /** The pairs merged from earlier parts (or reported as not run when there is none). */
    int reused() {
      return ctx.tasks().size() * runs.size() - toRun();
    }
  }

  /** One symbol's run; a symbol that cannot run or merge throws (its message names why). */
  public RunSummary run(RunConfig config, PrintStream err)
      throws IOException, InterruptedException {
    Outcome o = runAll(List.of(config), err).get(0);
    Exception e = o.error();
    if (e instanceof IOException io) {
      throw io;
    }
    if (e instanceof RuntimeException re) {
      throw re;
    }
    if (e != null) {
      throw new IOException(e.getMessage(), e);
    }
    return o.summary();
  }

  /**
   * The run of a command over several symbols ({@code nfops run --symbol NIFTY,BANKNIFTY}): every
   * symbol is planned first, then the tasks of all of them share one pool of {@code maxWorkers}
   * workers, longest first, so no core waits for a symbol's last task while another symbol has
   * work; then each symbol's results are merged. Each symbol keeps its own run id, parts, result
   * files and status table, exactly as a run of that symbol alone; the command has one lab lock,
   * one run log and one {@code run_state.properties}. A symbol that cannot be planned (no data, a
   * bad strategy name) or merged (an unreadable part) gets an outcome with the error and the others
   * go on. The configs must share the output folder and the worker count.
   */
  public List<Outcome> runAll(List<RunConfig> configs, PrintStream err)
      throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Outcome[] outcomes = new Outcome[configs.size()];
    List<Plan> plans = new ArrayList<>();
    List<Integer> planned = new ArrayList<>();
    for (int i = 0; i < configs.size(); i++) {
      RunConfig c = configs.get(i);
      if (i > 0) {
        RunConfig first = configs.get(0);
        if (!c.paths().out().equals(first.paths().out()) || c.maxWorkers() != first.maxWorkers()) {
          throw new IllegalArgumentException(
              "the runs of one command share the output folder and the worker count");
        }
      }
      try {
        Plan plan = plan(c);
        for (Plan other : plans) {
          if (other.runId().equals(plan.runId())) {
            throw new IllegalArgumentException("run " + plan.runId() + " is asked for twice");
          }
        }
        plans.add(plan);
        planned.add(i);
      } catch (IOException | RuntimeException e) {
        outcomes[i] = new Outcome(c.symbol(), null, e);
      }
    }
    if (plans.isEmpty()) {
      return List.of(outcomes);
    }
    RunConfig command = plans.get(0).config();
    Path out = command.paths().out();
    Path logsDir = command.paths().logs();
    OutputFolder.requireWritable(out);
    Files.createDirectories(logsDir);
    String commandId = String.join("+", plans.stream().map(Plan::runId).toList());
    Path runLog =
        logsDir.resolve(
            "run_"
                + commandId
                + "_"
                + STAMP.format(Instant.now())
                + "_"
                + ProcessHandle.current().pid()
                + ".log");
    AtomicLong done = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    final int total = plans.stream().mapToInt(Plan::toRun).sum();
    try (LabLock lock = LabLock.acquire(out, "nfops run " + commandId);
        RunLog logFile = RunLog.attach(runLog);
        RunState state =
            new RunState(
                out, commandId, "run", runLog, () -> new long[] {total, done.get(), failed.get()});
        Progress progress =
            new Progress(
                "run " + commandId, total, command.progress(), err, Duration.ofSeconds(30))) {
      state.putAll(describe(plans));
      for (Plan p : plans) {
        LOG.info(
            "run {}: {} days in {} tasks, {} strategies, {} pairs to run, {} reused, {} workers",
            p.runId(),
            p.ctx().days().size(),
            p.ctx().tasks().size(),
            p.runs().size(),
            p.toRun(),
            p.reused(),
            command.maxWorkers());
      }
      List<Callable<Void>> jobs = new ArrayList<>();
      for (Map.Entry<Plan, RunTask> e : longestFirst(plans)) {
        Plan p = e.getKey();
        RunTask task = e.getValue();
        List<StrategyRun> list = p.pending().get(task);
        jobs.add(
            () -> {
              int bad =
                  runTask(
                      p.config(),
                      p.ctx(),
                      p.partsDir(),
                      logsDir,
                      task,
                      list,
                      p.dataKeys().get(task));
              failed.addAndGet(bad);
              for (int i = 0; i < list.size(); i++) {
                done.incrementAndGet();
                progress.step(i >= bad);
              }
              return null;
            });
      }
      try {
        TaskPool.runAll(command.maxWorkers(), jobs);
      } catch (ExecutionException ex) {
        throw new IOException(
            "a task could not record its result: " + TaskPool.reason(ex.getCause()), ex.getCause());
      }
      List<Outcome> merged = merge(plans, runLog, t0);
      boolean mergedAll = true;
      for (int k = 0; k < plans.size(); k++) {
        Outcome o = merged.get(k);
        outcomes[planned.get(k)] = o;
        if (o.error() != null) {
          mergedAll = false;
          LOG.warn("run {} could not merge its results: {}", plans.get(k).runId(), o.error());
          continue;
        }
        RunSummary summary = o.summary();
        LOG.info(
            "run {} finished: {} ok, {} failed, {} skipped in {} s",
            summary.runId(),
            summary.count(StatusRow.OK),
            summary.count(StatusRow.FAILED),
            summary.count(StatusRow.SKIPPED),
            summary.elapsed().toSeconds());
      }
      // a symbol whose results could not be merged has no status table: the command failed
      state.finish(mergedAll ? "finished" : "failed");
    }
    return List.of(outcomes);
  }

  /** Plans one symbol's run: what runs now, and what is reused from earlier parts. */
  private Plan plan(RunConfig config) throws IOException {
    List<StrategyRun> runs =
        StrategySelection.select(
            registry, config.symbol(), config.include(), config.exclude(), config.params());
    RunContext ctx = RunContext.open(config.paths(), config.symbol(), config.start(), config.end());
    String runId = config.symbol() + "_" + ctx.start() + "_" + ctx.end();
    Path partsDir = config.paths().out().resolve("parts").resolve(runId);
    Map<RunTask, List<StrategyRun>> pending = new LinkedHashMap<>();
    Map<RunTask, String> dataKeys = new LinkedHashMap<>();
    String code = CodeIdentity.ofRun(runs.stream().map(r -> r.factory().getClass()));
    for (RunTask task : ctx.tasks()) {
      String key = ctx.dataKey(task, config.engine(), code);
      dataKeys.put(task, key);
      List<StrategyRun> list = new ArrayList<>();
      for (StrategyRun r : runs) {
        boolean selected =
            config.onlyPairs() == null
                || config.onlyPairs().contains(r.config().name() + "|" + task.id());
        // a pair not run now is merged from its earlier part (or reported as not run without one)
        if (selected && !(config.resume() && doneBefore(partsDir, r, task, key))) {
          list.add(r);
        }
      }
      if (!list.isEmpty()) {
        pending.put(task, list);
      }
    }
    return new Plan(config, runs, ctx, runId, partsDir, pending, dataKeys);
  }

  /**
   * The pending tasks of every symbol, the costliest first (days times strategies to run; ties in
   * symbol, then date order), so the pool ends on short tasks and no worker is left waiting on a
   * long one. The outputs do not depend on this order: they are merged from sorted parts.
   */
  private static List<Map.Entry<Plan, RunTask>> longestFirst(List<Plan> plans) {
    List<Map.Entry<Plan, RunTask>> all = new ArrayList<>();
    for (Plan p : plans) {
      for (RunTask task : p.pending().keySet()) {
        all.add(Map.entry(p, task));
      }
    }
    all.sort(
        Comparator.comparingInt(
                (Map.Entry<Plan, RunTask> e) ->
                    e.getValue().days().size() * e.getKey().pending().get(e.getValue()).size())
            .reversed());
    return all;
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
      // one line per task: where a long run spends its time, and what a monitor can tail
      LOG.info(
          "task {}: {} days, {} strategies, {} failed, {} s",
          task.id(),
          task.days().size(),
          runs.size(),
          bad,
          String.format(Locale.ROOT, "%.2f", (System.nanoTime() - t0) / 1e9));
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

  /**
   * One strategy's merge: its status rows in task order, its name and result file; or the error
   * that stopped it.
   */
  private record Merged(List<StatusRow> rows, String name, Path out, Exception error) {}

  /**
   * Rebuilds every symbol's result files from its parts: one job per (symbol, strategy) on {@link
   * RunConfig#maxWorkers()} workers, each reading its parts, sorting and writing its file, then
   * each symbol's status table from its strategies' rows in strategy order. A strategy whose parts
   * cannot be read fails its symbol's merge with the error naming the part (the first such
   * strategy's, in strategy order), after every other result file is written; that symbol's status
   * table is then not written.
   */
  private List<Outcome> merge(List<Plan> plans, Path runLog, long t0)
      throws IOException, InterruptedException {
    long m0 = System.nanoTime();
    List<Callable<Merged>> jobs = new ArrayList<>();
    for (Plan p : plans) {
      Path results = p.config().paths().results();
      Files.createDirectories(results);
      for (StrategyRun r : p.runs()) {
        jobs.add(
            () -> {
              try {
                return mergeStrategy(p, r, results);
              } catch (IOException | RuntimeException e) {
                return new Merged(List.of(), r.config().name(), null, e);
              }
            });
      }
    }
    List<Merged> merged;
    try {
      merged = TaskPool.runEach(plans.get(0).config().maxWorkers(), jobs);
    } catch (ExecutionException ex) {
      throw TaskPool.rethrow(ex);
    }
    List<Outcome> outcomes = new ArrayList<>();
    int next = 0;
    for (Plan p : plans) {
      List<Merged> mine = merged.subList(next, next + p.runs().size());
      next += p.runs().size();
      outcomes.add(summarise(p, mine, runLog, t0));
    }
    LOG.info(
        "merged the parts of {} strategy runs into their result files and status tables in {} s",
        jobs.size(),
        String.format(Locale.ROOT, "%.2f", (System.nanoTime() - m0) / 1e9));
    return outcomes;
  }

  /** A symbol's outcome from its strategies' merges: its status table written, or the error. */
  private static Outcome summarise(Plan p, List<Merged> merged, Path runLog, long t0) {
    Symbol symbol = p.config().symbol();
    List<StatusRow> rows = new ArrayList<>();
    Map<String, Path> outputs = new TreeMap<>();
    for (Merged m : merged) {
      if (m.error() != null) {
        return new Outcome(symbol, null, m.error());
      }
      rows.addAll(m.rows());
      outputs.put(m.name(), m.out());
    }
    Path statusFile = statusFile(p.config(), p.ctx().start(), p.ctx().end());
    try {
      StatusParquet.write(statusFile, rows);
    } catch (IOException | RuntimeException e) {
      return new Outcome(symbol, null, e);
    }
    return new Outcome(
        symbol,
        new RunSummary(
            p.runId(),
            p.ctx().start(),
            p.ctx().end(),
            p.ctx().tasks().size(),
            rows,
            outputs,
            statusFile,
            runLog,
            p.toRun(),
            p.reused(),
            Duration.ofNanos(System.nanoTime() - t0)),
        null);
  }

  /** Merges one strategy's parts into its result file; holds only this strategy's rows. */
  private static Merged mergeStrategy(Plan p, StrategyRun r, Path results) throws IOException {
    RunConfig config = p.config();
    List<StrategyRun> runs = p.runs();
    Path partsDir = p.partsDir();
    LocalDate start = p.ctx().start();
    LocalDate end = p.ctx().end();
    boolean stance = r.factory().descriptor().writesStance();
    List<StatusRow> rows = new ArrayList<>();
    List<TradeLeg> all = new ArrayList<>();
    List<StanceRow> stances = new ArrayList<>();
    for (RunTask task : p.ctx().tasks()) {
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
    return new Merged(rows, name, out, null);
  }

  /**
   * What the command was asked to do, for run_state.properties: monitors and {@code nfops status}
   * rebuild a resume command from it. With several symbols, {@code symbol}, {@code parts_dir} and
   * {@code status_file} list every symbol's, comma-separated in the order given; {@code start} and
   * {@code end} are the range asked for, or the range every symbol's data covers when none was
   * asked and they agree (empty otherwise: a resume then takes each symbol's range again). The
   * other options are the command's, the same for every symbol.
   */
  private static Map<String, String> describe(List<Plan> plans) {
    RunConfig config = plans.get(0).config();
    Map<String, String> m = new LinkedHashMap<>();
    m.put("symbol", joined(plans, p -> p.config().symbol().name()));
    m.put("start", range(plans, RunConfig::start, p -> p.ctx().start()));
    m.put("end", range(plans, RunConfig::end, p -> p.ctx().end()));
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
    m.put("parts_dir", joined(plans, p -> p.partsDir().toString()));
    m.put(
        "status_file",
        joined(plans, p -> statusFile(p.config(), p.ctx().start(), p.ctx().end()).toString()));
    return m;
  }

  private static String joined(List<Plan> plans, Function<Plan, String> value) {
    return String.join(",", plans.stream().map(value).toList());
  }

  private static String range(
      List<Plan> plans, Function<RunConfig, LocalDate> asked, Function<Plan, LocalDate> covered) {
    LocalDate a = asked.apply(plans.get(0).config());
    if (a != null) {
      return a.toString();
    }
    Set<LocalDate> all = new TreeSet<>(plans.stream().map(covered).toList());
    return all.size() == 1 ? all.iterator().next().toString() : "";
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
