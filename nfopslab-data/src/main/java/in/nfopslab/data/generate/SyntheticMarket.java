package in.nfopslab.data.generate;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.calendar.ExpiryCalendar;
import in.nfopslab.core.calendar.SessionSchedule;
import in.nfopslab.core.calendar.TradingCalendar;
import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.io.AtomicFiles;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.data.meta.ExpiryCalendarCsv;
import in.nfopslab.data.meta.MetaTables;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The synthetic market generator: writes a lab's packed spot, futures and option files, the expiry
 * calendar it used, the packed manifest and the truth sidecar (see docs/DATA_GENERATOR.md).
 *
 * <p>Order of work: the spot days of each symbol are generated first (sequentially per symbol,
 * since each day opens from the previous close; the symbols in parallel) and kept, a month being a
 * few megabytes. Then every packed file is one task on a fixed pool of {@code maxWorkers} threads;
 * an option file streams its contract's days one after the other, so no more than one day of one
 * contract is being generated per thread. Every random stream is derived from the seed and what it
 * drives (symbol, day, series), so the bytes do not depend on the number of threads.
 */
public final class SyntheticMarket {
  public static final String TRUTH_FILE = "generator_truth.parquet";
  private static final Logger LOG = LoggerFactory.getLogger(SyntheticMarket.class);
  private static final String[] PACKED_KINDS = {"spot", "futures", "options"};

  private final GeneratorConfig config;
  private final MetaTables meta;
  private final Map<String, String> fileMetadata;

  private SyntheticMarket(GeneratorConfig config, MetaTables meta) {
    this.config = requireNonNull(config, "config is null");
    this.meta = requireNonNull(meta, "meta is null");
    Map<String, String> m = new LinkedHashMap<>();
    m.put("nfopslab.generator", "synthetic-market/1");
    m.put("nfopslab.generator.seed", Long.toString(config.seed()));
    m.put("nfopslab.generator.preset", config.preset().label());
    this.fileMetadata = Map.copyOf(m);
  }

  /**
   * Generates the lab described by {@code config}, with the meta tables of its meta folder (else
   * the bundled ones).
   */
  public static GenerationReport generate(GeneratorConfig config) throws IOException {
    return generate(config, MetaTables.load(config.paths().meta()));
  }

  public static GenerationReport generate(GeneratorConfig config, MetaTables meta)
      throws IOException {
    return new SyntheticMarket(config, meta).run();
  }

  /** The first file found under data/packed, if any: a lab that already holds packed data. */
  private static Optional<Path> existingPackedFile(LabPaths paths) throws IOException {
    Path packed = paths.packed();
    if (!Files.isDirectory(packed)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.walk(packed)) {
      return files.filter(Files::isRegularFile).findFirst();
    }
  }

  private GenerationReport run() throws IOException {
    long started = System.nanoTime();
    LabPaths paths = config.paths();
    TradingCalendar calendar = meta.calendar();
    List<LocalDate> days = calendar.tradingDays(config.start(), config.end());
    if (days.isEmpty()) {
      throw new IllegalArgumentException(
          "no trading days between " + config.start() + " and " + config.end());
    }
    ExpiryCalendar expiries = meta.expiryCalendar();
    List<SymbolProfile> profiles = new ArrayList<>();
    for (Symbol s : config.symbols()) {
      profiles.add(SymbolProfile.of(s, meta.strikeStep(s), days.get(0)));
    }
    clearPackedData(paths);
    LOG.info(
        "generating {} trading days {}..{} of {} into {} ({} workers)",
        days.size(),
        days.get(0),
        days.get(days.size() - 1),
        config.symbols(),
        paths.data(),
        config.maxWorkers());

    ExecutorService pool = Executors.newFixedThreadPool(config.maxWorkers(), threads());
    try {
      List<Market> markets = new ArrayList<>();
      for (Future<Market> f : submitAll(pool, marketTasks(profiles, days))) {
        markets.add(await(f));
      }
      List<Callable<ManifestEntry>> fileTasks = new ArrayList<>();
      for (Market m : markets) {
        fileTasks.addAll(fileTasks(m, calendar, expiries));
      }
      // the truth sidecar is one long sequential file: start it first so it overlaps with the
      // packed files
      Future<Long> truth = pool.submit(() -> writeTruth(markets, calendar));
      List<ManifestEntry> entries = new ArrayList<>(fileTasks.size());
      for (Future<ManifestEntry> f : submitAll(pool, fileTasks)) {
        entries.add(await(f));
      }
      long truthRows = await(truth);

      ManifestCsv.write(paths.manifestCsv(), entries);
      ExpiryCalendarCsv.write(paths.expiryCalendarCsv(), expiries.entries(), calendar);

      long spotRows = 0;
      long futuresRows = 0;
      long optionRows = 0;
      long bytes = 0;
      for (ManifestEntry e : entries) {
        switch (e.kind()) {
          case SPOT:
            spotRows += e.rows();
            break;
          case FUTURES:
            futuresRows += e.rows();
            break;
          default:
            optionRows += e.rows();
        }
        bytes += Files.size(paths.data().resolve(e.path()));
      }
      GenerationReport report =
          new GenerationReport(
              paths,
              days.size(),
              entries.size(),
              spotRows,
              futuresRows,
              optionRows,
              bytes,
              truthRows,
              System.nanoTime() - started);
      LOG.info(
          "generated {} files, {} rows in {} s",
          report.files(),
          report.packedRows(),
          String.format("%.1f", report.seconds()));
      return report;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Refuses to touch a lab with packed data unless overwriting; then removes the spot, futures and
   * options trees.
   */
  private void clearPackedData(LabPaths paths) throws IOException {
    Optional<Path> existing = existingPackedFile(paths);
    if (existing.isEmpty()) {
      return;
    }
    if (!config.overwrite()) {
      throw new IllegalStateException(
          paths.packed()
              + " already holds packed data (e.g. "
              + paths.packed().relativize(existing.get())
              + "); refusing to overwrite it (use --force to replace the lab's spot, futures and options data)");
    }
    for (String kind : PACKED_KINDS) {
      deleteTree(paths.packed().resolve(kind));
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The generated days of one symbol and the contracts planned on them. */
  private record Market(SymbolProfile profile, List<SpotDay> days, ContractPlan plan) {}

  private List<Callable<Market>> marketTasks(List<SymbolProfile> profiles, List<LocalDate> days) {
    SessionSchedule sessions = meta.sessions();
    ExpiryCalendar expiries = meta.expiryCalendar();
    List<Callable<Market>> tasks = new ArrayList<>();
    for (SymbolProfile profile : profiles) {
      tasks.add(
          () -> {
            List<DayRegime> regimes = DayRegimes.generate(profile, days, config.seed());
            List<SpotDay> spotDays = new ArrayList<>(days.size());
            double[] opens = new double[days.size()];
            double previousClose = Double.NaN;
            for (int i = 0; i < days.size(); i++) {
              SpotDay day =
                  SpotModel.day(
                      profile,
                      regimes.get(i),
                      sessions.sessionFor(days.get(i)),
                      previousClose,
                      config.seed());
              spotDays.add(day);
              opens[i] = day.open();
              previousClose = day.close();
            }
            ContractPlan plan =
                ContractPlan.of(
                    profile.symbol(),
                    days,
                    opens,
                    profile.strikeStep(),
                    config.sizes().strikesEachSide(),
                    expiries);
            return new Market(profile, List.copyOf(spotDays), plan);
          });
    }
    return tasks;
  }

  private List<Callable<ManifestEntry>> fileTasks(
      Market m, TradingCalendar calendar, ExpiryCalendar expiries) {
    List<Callable<ManifestEntry>> tasks = new ArrayList<>();
    // the largest files first, so that no long task starts last
    for (ContractPlan.OptionContract c : m.plan().options()) {
      for (OptionType type : OptionType.values()) {
        tasks.add(() -> writeOption(m, c, type, calendar, expiries));
      }
    }
    for (ContractPlan.FuturesContract c : m.plan().futures()) {
      tasks.add(() -> writeFutures(m, c));
    }
    for (SpotDay day : m.days()) {
      tasks.add(() -> writeSpot(day));
    }
    return tasks;
  }

  private ManifestEntry writeSpot(SpotDay day) throws IOException {
    Symbol symbol = day.profile().symbol();
    Path file = config.paths().spotFile(symbol, day.date());
    FileStats stats =
        write(
            file,
            tmp -> TickFileWriter.spot(tmp, symbol, day.date(), fileMetadata),
            w -> SpotTicks.emit(day, config.sizes().spotTicksPerSecond(), config.seed(), w));
    return stats.entry(relative(file), symbol, null, null, null);
  }

  private ManifestEntry writeFutures(Market m, ContractPlan.FuturesContract c) throws IOException {
    Symbol symbol = m.profile().symbol();
    Path file = config.paths().futuresFile(symbol, c.expiry());
    FileStats stats =
        write(
            file,
            tmp -> TickFileWriter.futures(tmp, symbol, c.expiry(), fileMetadata),
            w -> {
              FuturesTicks.State state = new FuturesTicks.State();
              for (int i : c.days()) {
                FuturesTicks.emit(
                    m.days().get(i),
                    c.expiry(),
                    config.sizes().futuresTicksPerSecond(),
                    config.seed(),
                    state,
                    w);
              }
            });
    return stats.entry(relative(file), symbol, null, null, c.expiry());
  }

  private ManifestEntry writeOption(
      Market m,
      ContractPlan.OptionContract c,
      OptionType type,
      TradingCalendar calendar,
      ExpiryCalendar expiries)
      throws IOException {
    Symbol symbol = m.profile().symbol();
    Path file = config.paths().optionFile(symbol, c.expiry(), type, c.strike());
    FileStats stats =
        write(
            file,
            tmp ->
                TickFileWriter.option(
                    tmp, symbol, type, c.strike(), c.expiry(), c.type(), fileMetadata),
            w -> {
              OptionTicks.State state = new OptionTicks.State();
              for (int i : c.days()) {
                SpotDay day = m.days().get(i);
                VolSurface surface =
                    new VolSurface(
                        day, c.expiry(), tradingDaysAfter(calendar, day.date(), c.expiry()));
                String key =
                    symbol
                        + "|"
                        + day.date()
                        + "|option|"
                        + c.expiry()
                        + "|"
                        + type
                        + "|"
                        + c.strike();
                OptionTicks.emit(
                    day,
                    surface,
                    type.isCall(),
                    c.strike(),
                    rank(symbol, day.date(), c.expiry(), expiries),
                    config.sizes(),
                    Seeds.random(config.seed(), key),
                    state,
                    w);
              }
            });
    return stats.entry(relative(file), symbol, type, c.strike(), c.expiry());
  }

  /** One row per (symbol, trade date, expiry, type, strike, minute), in that order. */
  private long writeTruth(List<Market> markets, TradingCalendar calendar) throws IOException {
    long[] rows = new long[1];
    AtomicFiles.write(
        config.paths().meta().resolve(TRUTH_FILE),
        tmp -> {
          try (TruthFileWriter w = new TruthFileWriter(tmp, fileMetadata)) {
            for (Market m : markets) {
              for (int i = 0; i < m.days().size(); i++) {
                writeTruthDay(w, m, i, calendar);
              }
            }
            rows[0] = w.rows();
          }
        });
    return rows[0];
  }

  private static void writeTruthDay(
      TruthFileWriter w, Market m, int dayIndex, TradingCalendar calendar) throws IOException {
    SpotDay day = m.days().get(dayIndex);
    long openNanos = day.session().epochNanosAt(0);
    VolSurface surface = null;
    for (ContractPlan.OptionContract c : m.plan().options()) {
      if (!c.tradesOn(dayIndex)) {
        continue;
      }
      if (surface == null || !surface.expiry().equals(c.expiry())) {
        surface =
            new VolSurface(day, c.expiry(), tradingDaysAfter(calendar, day.date(), c.expiry()));
      }
      for (OptionType type : OptionType.values()) {
        w.contract(m.profile().symbol(), day.date(), c.expiry(), type, c.strike());
        for (int s = 0; s < day.seconds(); s += 60) {
          w.add(
              openNanos + s * 1_000_000_000L,
              day.spot(s),
              surface.years(s),
              VolSurface.RATE,
              VolSurface.DIVIDEND,
              surface.iv(s, c.strike()),
              surface.price(type.isCall(), s, c.strike()));
        }
      }
    }
  }

  private static OptionTicks.Rank rank(
      Symbol symbol, LocalDate day, LocalDate expiry, ExpiryCalendar expiries) {
    if (expiry.equals(expiries.nearest(symbol, day))) {
      return OptionTicks.Rank.NEAREST;
    }
    return expiry.equals(expiries.next(symbol, day)) ? OptionTicks.Rank.NEXT : OptionTicks.Rank.FAR;
  }

  /** Trading days after {@code day} up to and including {@code expiry}. */
  private static int tradingDaysAfter(TradingCalendar calendar, LocalDate day, LocalDate expiry) {
    return calendar.tradingDays(day.plusDays(1), expiry).size();
  }

  private String relative(Path file) {
    return config.paths().data().relativize(file).toString().replace(File.separatorChar, '/');
  }

  /** Rows and time range of a written file. */
  private record FileStats(long rows, long minNanos, long maxNanos) {
    ManifestEntry entry(
        String path, Symbol symbol, OptionType type, Integer strike, LocalDate expiry) {
      return new ManifestEntry(path, symbol, type, strike, expiry, rows, minNanos, maxNanos);
    }
  }

  private interface Opener {
    TickFileWriter open(Path tmp) throws IOException;
  }

  private interface Filler {
    void fill(TickFileWriter writer) throws IOException;
  }

  private static FileStats write(Path target, Opener opener, Filler filler) throws IOException {
    FileStats[] stats = new FileStats[1];
    AtomicFiles.write(
        target,
        tmp -> {
          try (TickFileWriter w = opener.open(tmp)) {
            filler.fill(w);
            stats[0] = new FileStats(w.rows(), w.minNanos(), w.maxNanos());
          }
        });
    return stats[0];
  }

  private static <T> List<Future<T>> submitAll(ExecutorService pool, List<Callable<T>> tasks) {
    List<Future<T>> futures = new ArrayList<>(tasks.size());
    for (Callable<T> t : tasks) {
      futures.add(pool.submit(t));
    }
    return futures;
  }

  private static <T> T await(Future<T> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while generating", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException) {
        throw (IOException) cause;
      }
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IOException(cause);
    }
  }

  private static ThreadFactory threads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "nfops-generate-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
