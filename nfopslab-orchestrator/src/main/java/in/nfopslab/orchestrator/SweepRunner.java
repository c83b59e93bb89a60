package in.nfopslab.orchestrator;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.engine.DayMarkets;
import in.nfopslab.core.engine.Engine;
import in.nfopslab.core.engine.EngineConfig;
import in.nfopslab.core.engine.EngineInput;
import in.nfopslab.core.engine.EngineResult;
import in.nfopslab.core.engine.StrategyResult;
import in.nfopslab.core.engine.StrategyRun;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.io.AtomicFiles;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.strategy.StrategyFactory;
import in.nfopslab.core.strategy.StrategyRegistry;
import in.nfopslab.core.trade.TradeLeg;
import in.nfopslab.data.trades.TradeParquet;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code nfops sweep}: one strategy, every combination of a parameter grid, over the same loaded
 * market. Tasks run in parallel; inside a task the variants run in batches over the task's day
 * markets, which are loaded once and kept for the task, so data is read once per task whatever the
 * grid size, and memory grows with the batch size, not the grid. A sweep with fewer tasks than
 * workers (a week or two) splits its variants into smaller batches that run in parallel, each
 * reading the task's data, so every worker has work. Each (batch, task) is written as a part
 * (trades, then status), so --resume works as for runs.
 *
 * <p>Outputs under {@code results/sweep_{strategy}_{SYMBOL}_{START}_{END}/}: {@code
 * trades-NNNN.parquet} (one per batch; every leg carries its params_id), {@code status.parquet},
 * {@code summary.csv} and {@code summary.md}.
 */
public final class SweepRunner {
  private static final Logger LOG = LoggerFactory.getLogger(SweepRunner.class);
  private static final Comparator<TradeLeg> ORDER =
      Comparator.comparing(TradeLeg::paramsId)
          .thenComparing(TradeLeg::tradeDate)
          .thenComparing(TradeLeg::entryTs)
          .thenComparingLong(TradeLeg::tradeId)
          .thenComparingInt(TradeLeg::leg);

  /** What to sweep. */
  public record Config(
      LabPaths paths,
      Symbol symbol,
      String strategy,
      List<String> grid,
      List<String> fixedParams,
      LocalDate start,
      LocalDate end,
      int maxWorkers,
      int batchSize,
      boolean resume,
      EngineConfig engine,
      Progress.Mode progress) {
    public Config {
      requireNonNull(paths, "paths is null");
      requireNonNull(symbol, "symbol is null");
      requireNonNull(strategy, "strategy is null");
      grid = List.copyOf(grid);
      fixedParams = List.copyOf(fixedParams);
      if (grid.isEmpty()) {
        throw new IllegalArgumentException("a sweep needs at least one --grid name=v1,v2,...");
      }
      if (maxWorkers < 1 || batchSize < 1) {
        throw new IllegalArgumentException("--max-workers and --batch-size must be at least 1");
      }
      if (start != null && end != null && start.isAfter(end)) {
        throw new IllegalArgumentException("--start " + start + " is after --end " + end);
      }
    }
  }

  /** What a sweep produced. */
  public record Result(
      String sweepId,
      int variants,
      int tasks,
      int days,
      List<SweepSummary> summaries,
      Path dir,
      Path summaryCsv,
      Path summaryMd,
      long failedPairs,
      Duration elapsed,
      Duration engineTime) {
    /** Variant-days per second of engine time: how fast the grid goes through the market. */
    public double variantDaysPerSecond() {
      double s = engineTime.toNanos() / 1e9;
      return s > 0 ? (double) variants * days / s : 0;
    }
  }

  private final StrategyRegistry registry;

  public SweepRunner(StrategyRegistry registry) {
    this.registry = requireNonNull(registry, "registry is null");
  }

  public Result run(Config c, PrintStream err) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    if (!registry.contains(c.strategy())) {
      throw new IllegalArgumentException(
          "unknown strategy '"
              + c.strategy()
              + "' (available: "
              + String.join(", ", registry.names())
              + ")");
    }
    StrategyFactory factory = registry.factory(c.strategy());
    SweepGrid grid = SweepGrid.parse(factory.descriptor(), c.grid());
    String code = CodeIdentity.ofRun(java.util.stream.Stream.of(factory.getClass()));
    List<StrategyConfig> variants = new ArrayList<>();
    List<List<String>> assignments = grid.variants();
    for (List<String> a : assignments) {
      List<String> all = new ArrayList<>(c.fixedParams());
      all.addAll(a);
      variants.add(registry.config(c.strategy(), c.symbol(), all));
    }
    RunContext ctx = RunContext.open(c.paths(), c.symbol(), c.start(), c.end());
    String base = "sweep_" + c.strategy() + "_" + c.symbol() + "_" + ctx.start() + "_" + ctx.end();
    String sweepId = base + "_" + gridHash(variants);
    Path partsDir = c.paths().out().resolve("parts").resolve(sweepId);
    Path outDir = c.paths().results().resolve(base);
    // fewer tasks than workers (a sweep of a week or two): smaller batches, one job each, so that
    // every worker has variants to run; otherwise a job per task runs all its batches
    int tasks = ctx.tasks().size();
    boolean splitTasks = tasks < c.maxWorkers() && variants.size() > 1;
    int batchSize =
        splitTasks
            ? Math.min(c.batchSize(), ceilDiv(variants.size(), ceilDiv(c.maxWorkers(), tasks)))
            : c.batchSize();
    List<List<StrategyConfig>> batches = new ArrayList<>();
    for (int i = 0; i < variants.size(); i += batchSize) {
      batches.add(variants.subList(i, Math.min(variants.size(), i + batchSize)));
    }
    AtomicLong done = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicLong engineNanos = new AtomicLong();
    long total = (long) ctx.tasks().size() * batches.size();
    Path runLog =
        c.paths().logs().resolve("sweep_" + sweepId + "_" + Instant.now().toEpochMilli() + ".log");
    OutputFolder.requireWritable(c.paths().out());
    Files.createDirectories(c.paths().logs());
    try (LabLock lock = LabLock.acquire(c.paths().out(), "nfops sweep " + base);
        RunLog log = RunLog.attach(runLog);
        RunState state =
            new RunState(
                c.paths().out(),
                sweepId,
                "sweep",
                runLog,
                () -> new long[] {total, done.get(), failed.get()});
        Progress progress =
            new Progress(
                "sweep " + c.strategy() + " x" + variants.size(),
                total,
                c.progress(),
                err,
                Duration.ofSeconds(30))) {
      LOG.info(
          "sweep {}: {} variants in {} batches over {} tasks",
          sweepId,
          variants.size(),
          batches.size(),
          ctx.tasks().size());
      List<Callable<Void>> jobs = new ArrayList<>();
      for (RunTask task : ctx.tasks()) {
        for (int first = 0; first < batches.size(); first += splitTasks ? 1 : batches.size()) {
          int from = first;
          int to = splitTasks ? first + 1 : batches.size();
          jobs.add(
              () -> {
                String key = ctx.dataKey(task, c.engine(), code);
                // the job's batches share its day markets: the data is read once per job
                DayMarkets markets = ctx.memoizedMarkets();
                for (int b = from; b < to; b++) {
                  BatchPart part = new BatchPart(partsDir, b, task);
                  // an earlier part is only read when resuming
                  boolean ok = c.resume() && reusable(part.readStatus(), batches.get(b), key);
                  if (!ok) {
                    ok =
                        runBatch(
                            c, ctx, markets, factory, batches.get(b), task, key, part, engineNanos);
                  }
                  done.incrementAndGet();
                  if (!ok) {
                    failed.incrementAndGet();
                  }
                  progress.step(ok);
                }
                return null;
              });
        }
      }
      try {
        TaskPool.runAll(c.maxWorkers(), jobs);
      } catch (ExecutionException ex) {
        throw new IOException(
            "a sweep task failed to record its result: " + TaskPool.reason(ex.getCause()),
            ex.getCause());
      }
      Result r =
          merge(c, ctx, sweepId, batches, assignments, partsDir, outDir, t0, engineNanos.get());
      state.finish("finished");
      return r;
    }
  }

  /**
   * Whether a batch's earlier part can stand for it: its status rows are ok, made from the same
   * data, and for exactly this batch's variants in order (a resume with another --batch-size groups
   * the variants differently, and a batch of the same size may hold other variants).
   */
  private static boolean reusable(List<StatusRow> before, List<StrategyConfig> batch, String key) {
    if (before == null || before.size() != batch.size()) {
      return false;
    }
    for (int i = 0; i < batch.size(); i++) {
      StatusRow r = before.get(i);
      if (!r.paramsId().equals(batch.get(i).paramsId())
          || !r.dataKey().equals(key)
          || !r.status().equals(StatusRow.OK)) {
        return false;
      }
    }
    return true;
  }

  private static boolean runBatch(
      Config c,
      RunContext ctx,
      DayMarkets markets,
      StrategyFactory factory,
      List<StrategyConfig> batch,
      RunTask task,
      String key,
      BatchPart part,
      AtomicLong engineNanos)
      throws IOException {
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    List<StrategyRun> runs = new ArrayList<>(batch.size());
    for (StrategyConfig sc : batch) {
      runs.add(new StrategyRun(factory, sc));
    }
    List<StatusRow> rows = new ArrayList<>();
    List<TradeLeg> trades = new ArrayList<>();
    try {
      EngineResult result =
          Engine.run(
              new EngineInput(
                  c.symbol(),
                  task.days(),
                  markets,
                  runs,
                  c.engine(),
                  ctx.lots(),
                  ctx.calendar(),
                  ctx.strikeStep(),
                  ctx.history()));
      engineNanos.addAndGet(System.nanoTime() - t0);
      for (int i = 0; i < result.results().size(); i++) {
        StrategyResult sr = result.results().get(i);
        StrategyConfig sc = batch.get(i);
        trades.addAll(sr.trades());
        rows.add(
            row(
                sc,
                c.symbol(),
                task,
                sr.ok() ? StatusRow.OK : StatusRow.FAILED,
                sr.ok() ? "" : sr.failure().message(),
                started,
                (System.nanoTime() - t0) / 1e9 / batch.size(),
                sr.trades().size(),
                key));
      }
    } catch (RuntimeException ex) {
      LOG.warn("sweep task {} failed: {}", task.id(), ex.getMessage());
      for (StrategyConfig sc : batch) {
        rows.add(row(sc, c.symbol(), task, StatusRow.FAILED, ex.getMessage(), started, 0, 0, key));
      }
    }
    part.write(trades, rows);
    return rows.stream().allMatch(r -> r.status().equals(StatusRow.OK));
  }

  /** One batch's merge: its status rows in task order, its variants' summaries, failed pairs. */
  private record MergedBatch(
      List<StatusRow> rows, List<SweepSummary> summaries, long failedPairs) {}

  /**
   * Rebuilds the batch trade files from the parts, one job per batch on {@link Config#maxWorkers()}
   * workers, then the status table and summaries in batch order (the same whatever the worker
   * count).
   */
  private Result merge(
      Config c,
      RunContext ctx,
      String sweepId,
      List<List<StrategyConfig>> batches,
      List<List<String>> assignments,
      Path partsDir,
      Path outDir,
      long t0,
      long engineNanos)
      throws IOException, InterruptedException {
    Files.createDirectories(outDir);
    List<Callable<MergedBatch>> jobs = new ArrayList<>();
    int v = 0;
    for (int b = 0; b < batches.size(); b++) {
      final int batch = b;
      final List<List<String>> batchAssignments = assignments.subList(v, v + batches.get(b).size());
      v += batches.get(b).size();
      jobs.add(
          () -> mergeBatch(ctx, batches.get(batch), batchAssignments, partsDir, outDir, batch));
    }
    List<MergedBatch> merged;
    try {
      merged = TaskPool.runEach(c.maxWorkers(), jobs);
    } catch (ExecutionException ex) {
      throw TaskPool.rethrow(ex);
    }
    List<SweepSummary> summaries = new ArrayList<>();
    List<StatusRow> allRows = new ArrayList<>();
    long failedPairs = 0;
    for (MergedBatch m : merged) {
      allRows.addAll(m.rows());
      summaries.addAll(m.summaries());
      failedPairs += m.failedPairs();
    }
    // an earlier sweep of the same strategy and range may have left more batch files than this one
    // wrote
    try (java.util.stream.Stream<Path> old = Files.list(outDir)) {
      for (Path p : (Iterable<Path>) old::iterator) {
        String name = p.getFileName().toString();
        if (name.matches("trades-\\d{4}\\.parquet")
            && Integer.parseInt(name.substring(7, 11)) >= batches.size()) {
          Files.delete(p);
        }
      }
    }
    StatusParquet.write(outDir.resolve("status.parquet"), allRows);
    Path csv = outDir.resolve("summary.csv");
    Path md = outDir.resolve("summary.md");
    writeCsv(csv, summaries);
    writeMarkdown(md, c, ctx, summaries);
    return new Result(
        sweepId,
        summaries.size(),
        ctx.tasks().size(),
        ctx.days().size(),
        summaries,
        outDir,
        csv,
        md,
        failedPairs,
        Duration.ofNanos(System.nanoTime() - t0),
        Duration.ofNanos(engineNanos));
  }

  private static MergedBatch mergeBatch(
      RunContext ctx,
      List<StrategyConfig> variants,
      List<List<String>> assignments,
      Path partsDir,
      Path outDir,
      int b)
      throws IOException {
    List<StatusRow> allRows = new ArrayList<>();
    long failedPairs = 0;
    List<TradeLeg> batchTrades = new ArrayList<>();
    Map<String, Long> failedTasks = new LinkedHashMap<>();
    for (RunTask task : ctx.tasks()) {
      BatchPart part = new BatchPart(partsDir, b, task);
      List<StatusRow> rows = part.readStatus();
      if (rows == null) {
        continue;
      }
      allRows.addAll(rows);
      for (StatusRow r : rows) {
        if (!r.status().equals(StatusRow.OK)) {
          failedTasks.merge(r.paramsId(), 1L, Long::sum);
          failedPairs++;
        }
      }
      batchTrades.addAll(part.readTrades());
    }
    batchTrades.sort(ORDER);
    TradeParquet.write(
        outDir.resolve(String.format(Locale.ROOT, "trades-%04d.parquet", b)), batchTrades);
    Map<String, List<TradeLeg>> byVariant = new LinkedHashMap<>();
    for (TradeLeg l : batchTrades) {
      byVariant.computeIfAbsent(l.paramsId(), k -> new ArrayList<>()).add(l);
    }
    List<SweepSummary> summaries = new ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      StrategyConfig sc = variants.get(i);
      summaries.add(
          SweepSummary.of(
              sc.paramsId(),
              assignments.get(i),
              byVariant.getOrDefault(sc.paramsId(), List.of()),
              failedTasks.getOrDefault(sc.paramsId(), 0L)));
    }
    return new MergedBatch(allRows, summaries, failedPairs);
  }

  private static void writeCsv(Path target, List<SweepSummary> rows) throws IOException {
    List<String> paramNames = rows.isEmpty() ? List.of() : names(rows.get(0).params());
    List<String> header = new ArrayList<>(List.of("params_id"));
    header.addAll(paramNames);
    header.addAll(
        List.of(
            "trades",
            "win_rate",
            "total_points",
            "total_inr",
            "max_drawdown_points",
            "failed_tasks"));
    StringWriter sw = new StringWriter();
    try (CSVPrinter p =
        new CSVPrinter(
            sw,
            CSVFormat.DEFAULT
                .builder()
                .setHeader(header.toArray(String[]::new))
                .setRecordSeparator('\n')
                .get())) {
      for (SweepSummary s : rows) {
        List<Object> rec = new ArrayList<>();
        rec.add(s.paramsId());
        for (String a : s.params()) {
          rec.add(a.substring(a.indexOf('=') + 1));
        }
        rec.addAll(
            List.of(
                s.trades(),
                s.winRate(),
                s.totalPoints(),
                s.totalInr(),
                s.maxDrawdownPoints(),
                s.failedTasks()));
        p.printRecord(rec);
      }
    }
    AtomicFiles.writeString(target, sw.toString());
  }

  private static void writeMarkdown(Path target, Config c, RunContext ctx, List<SweepSummary> rows)
      throws IOException {
    List<SweepSummary> sorted = new ArrayList<>(rows);
    sorted.sort(
        Comparator.comparingDouble(SweepSummary::totalPoints)
            .reversed()
            .thenComparing(SweepSummary::paramsId));
    List<String> paramNames = rows.isEmpty() ? List.of() : names(rows.get(0).params());
    StringBuilder b = new StringBuilder();
    b.append("# Sweep: ")
        .append(c.strategy())
        .append(' ')
        .append(c.symbol())
        .append(' ')
        .append(ctx.start())
        .append(" .. ")
        .append(ctx.end())
        .append("\n\n");
    b.append(rows.size())
        .append(" variants over ")
        .append(ctx.days().size())
        .append(" trading days in ")
        .append(ctx.tasks().size())
        .append(" tasks; points and rupees are gross of fees (run `nfops fees` for net).")
        .append(" Best first")
        .append(rows.size() > 50 ? " (top 50 of " + rows.size() + "; all rows in summary.csv)" : "")
        .append(".\n\n| params_id | ");
    for (String n : paramNames) {
      b.append(n).append(" | ");
    }
    b.append("trades | win rate | total points | total INR | max drawdown (pts) |\n|---|");
    b.append("---|".repeat(paramNames.size())).append("---:|---:|---:|---:|---:|\n");
    for (SweepSummary s : sorted.subList(0, Math.min(50, sorted.size()))) {
      b.append("| ").append(s.paramsId()).append(" | ");
      for (String a : s.params()) {
        b.append(a.substring(a.indexOf('=') + 1)).append(" | ");
      }
      b.append(
          String.format(
              Locale.ROOT,
              "%d | %.1f%% | %.2f | %.0f | %.2f |%n",
              s.trades(),
              100 * s.winRate(),
              s.totalPoints(),
              s.totalInr(),
              s.maxDrawdownPoints()));
    }
    AtomicFiles.writeString(target, b.toString());
  }

  private static List<String> names(List<String> assignments) {
    List<String> out = new ArrayList<>();
    for (String a : assignments) {
      out.add(a.substring(0, a.indexOf('=')));
    }
    return out;
  }

  /** The status row of one variant of a batch on a task (no log file: a sweep keeps none). */
  private static StatusRow row(
      StrategyConfig sc,
      Symbol symbol,
      RunTask task,
      String status,
      String error,
      Instant started,
      double durationS,
      long trades,
      String key) {
    return new StatusRow(
        sc.name(),
        sc.paramsId(),
        symbol.name(),
        task.expiry(),
        task.firstDay(),
        task.lastDay(),
        status,
        error,
        "",
        started,
        Instant.now(),
        durationS,
        trades,
        sc.params().canonical(),
        key);
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  private static String gridHash(List<StrategyConfig> variants) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (StrategyConfig v : variants) {
        md.update(v.paramsId().getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest(), 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The part files of one (batch, task). */
  private static final class BatchPart {
    private final Path trades;
    private final Path status;

    BatchPart(Path partsDir, int batch, RunTask task) {
      Path dir = partsDir.resolve(String.format(Locale.ROOT, "batch-%04d", batch));
      trades = dir.resolve(task.id() + ".trades.parquet");
      status = dir.resolve(task.id() + ".status.parquet");
    }

    List<StatusRow> readStatus() {
      if (!Files.isRegularFile(status) || !Files.isRegularFile(trades)) {
        return null;
      }
      try {
        return StatusParquet.read(status);
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }

    List<TradeLeg> readTrades() throws IOException {
      return TradeParquet.read(trades);
    }

    void write(List<TradeLeg> legs, List<StatusRow> rows) throws IOException {
      Files.deleteIfExists(status);
      TradeParquet.write(trades, legs);
      StatusParquet.write(status, rows);
    }
  }
}
