package in.nfopslab.bench.bars;

import in.nfopslab.core.calendar.Session;
import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.core.market.SecondBars;
import in.nfopslab.data.cache.ChainDay;
import in.nfopslab.data.cache.ChainEntry;
import in.nfopslab.data.cache.SecondsCache;
import in.nfopslab.data.catalog.PackedCatalog;
import in.nfopslab.data.market.MarketLoader;
import in.nfopslab.data.meta.MetaTables;
import in.nfopslab.data.read.BarReader;
import in.nfopslab.data.read.DataFileException;
import in.nfopslab.orchestrator.CacheWarmer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cold per-second bar building over a lab's option files, by this project's reader ({@code --engine
 * java}) or by DuckDB through JDBC ({@code --engine duckdb}); scripts/bench-bars.sh runs both and
 * the Polars peer on the same files and prints them side by side (docs/PERFORMANCE.md).
 *
 * <p>The Java side does what {@code nfops cache warm} does before it writes the cache: for every
 * trading day and every expiry it would warm (nearest, next, nearest monthly), the chain-day's
 * per-second bars of every strike file of that expiry for that day's session ({@link
 * SecondsCache#build}), on a pool of exactly {@code --workers} threads. DuckDB does the same
 * aggregation in one SQL query over all option files (bars per file and IST second inside the
 * session). Each prints one line: {@code engine=... rows=... bars=... volume=... close_paise=...
 * oi=... seconds=... rows_per_s=...} plus memory, per pass ({@code --passes N} repeats the work in
 * the same process: pass 1 includes JIT compilation and class loading).
 */
public final class BarsBench {
  private BarsBench() {}

  /** What the Java side does with each chain-day. */
  enum Mode {
    /** Build the bars from the packed files (what a cache miss costs before the write). */
    BUILD,
    /** Build and write the cache entries ({@code nfops cache warm} on an empty cache). */
    BUILD_AND_WRITE,
    /** Load every chain-day from the cache whole (run java-write first). */
    READ,
    /**
     * Open every chain-day from the cache and load {@code --series} series of it, those nearest the
     * middle of the strike list, one at a time: what a warm run does (a warm run of all 14
     * strategies on the bench lab loaded 377 series from 42 chain-days, 2 to 23 each, none whole).
     */
    READ_SERIES
  }

  /** The mode of a Java engine name, or null for another engine. */
  static Mode javaMode(String engine) {
    return switch (engine) {
      case "java" -> Mode.BUILD;
      case "java-write" -> Mode.BUILD_AND_WRITE;
      case "java-read" -> Mode.READ;
      case "java-series" -> Mode.READ_SERIES;
      default -> null;
    };
  }

  /** The lab with its outputs (and so the seconds cache) under {@code --cache DIR} when given. */
  static LabPaths cachePaths(LabPaths lab, String cacheOut) {
    return cacheOut.isEmpty()
        ? lab
        : new LabPaths(lab.root(), lab.data(), lab.meta(), Path.of(cacheOut));
  }

  /**
   * Chain-days of one expiry on consecutive days (every strike file of it), built from one read per
   * file.
   */
  record Job(PackedCatalog catalog, List<Session> sessions, LocalDate expiry, int files) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o =
        Args.parse(
            args,
            Map.of(
                "engine",
                "java",
                "workers",
                Integer.toString(Runtime.getRuntime().availableProcessors()),
                "symbols",
                "NIFTY,BANKNIFTY",
                "start",
                "",
                "end",
                "",
                "root",
                "",
                "passes",
                "1",
                "days-per-read",
                Integer.toString(SecondsCache.DEFAULT_DAYS_PER_READ),
                "cache",
                "",
                "series",
                "9"));
    if (o.get("root").isEmpty()) {
      throw new IllegalArgumentException("--root LAB is required");
    }
    LabPaths paths = LabPaths.of(Path.of(o.get("root")));
    int workers = Integer.parseInt(o.get("workers"));
    List<Symbol> symbols = new ArrayList<>();
    for (String s : o.get("symbols").split(",")) {
      symbols.add(new Symbol(s.trim()));
    }
    MetaTables meta = MetaTables.load(paths.meta());
    LocalDate start = o.get("start").isEmpty() ? LocalDate.MIN : LocalDate.parse(o.get("start"));
    LocalDate end = o.get("end").isEmpty() ? LocalDate.MAX : LocalDate.parse(o.get("end"));
    int passes = Integer.parseInt(o.get("passes"));
    int daysPerRead = Integer.parseInt(o.get("days-per-read"));
    for (int pass = 1; pass <= passes; pass++) {
      // pass 1 is a cold process (JIT, class loading); later passes show the steady state on the
      // same data
      String engine = o.get("engine");
      Mode mode = javaMode(engine);
      String line =
          mode != null
              // the Java engines: building reads the lab's packed files, the others its cache
              ? runJava(
                  mode == Mode.BUILD ? paths : cachePaths(paths, o.get("cache")),
                  meta,
                  symbols,
                  start,
                  end,
                  workers,
                  daysPerRead,
                  mode,
                  Integer.parseInt(o.get("series")))
              : switch (engine) {
                case "duckdb" -> runDuckDb(paths, meta, symbols, start, end, workers);
                case "orb-java" -> OrbSignal.runJava(paths, meta, symbols, workers);
                case "orb-duckdb" -> OrbSignal.runDuckDb(paths, meta, symbols, workers);
                default ->
                    throw new IllegalArgumentException(
                        "--engine java|java-write|java-read|java-series|duckdb|orb-java|orb-duckdb,"
                            + " got "
                            + engine);
              };
      System.out.println(line + " pass=" + pass);
    }
  }

  /** What cache warm would build, in its jobs (per expiry, groups of consecutive days). */
  static List<Job> plan(
      LabPaths paths,
      MetaTables meta,
      List<Symbol> symbols,
      LocalDate start,
      LocalDate end,
      int daysPerRead) {
    List<Job> jobs = new ArrayList<>();
    for (Symbol symbol : symbols) {
      MarketLoader loader = MarketLoader.open(paths, meta, symbol);
      PackedCatalog catalog = loader.catalog();
      if (catalog.spotFiles().isEmpty()) {
        continue;
      }
      LocalDate from =
          start.isBefore(catalog.spotFiles().firstKey()) ? catalog.spotFiles().firstKey() : start;
      LocalDate to =
          end.isAfter(catalog.spotFiles().lastKey()) ? catalog.spotFiles().lastKey() : end;
      for (CacheWarmer.Job j :
          CacheWarmer.plan(catalog, meta, symbol, loader.tradingDays(from, to), daysPerRead)) {
        int files = 0;
        for (OptionType t : OptionType.values()) {
          files += catalog.optionFiles(j.expiry(), t).size();
        }
        jobs.add(new Job(catalog, j.sessions(), j.expiry(), files));
      }
    }
    // biggest first, so the last jobs to finish are short ones (as cache warm does)
    jobs.sort(
        Comparator.comparingLong((Job j) -> (long) j.files() * j.sessions().size()).reversed());
    return jobs;
  }

  static String runJava(
      LabPaths paths,
      MetaTables meta,
      List<Symbol> symbols,
      LocalDate start,
      LocalDate end,
      int workers,
      int daysPerRead,
      Mode mode,
      int seriesPerChain)
      throws Exception {
    List<Job> jobs = plan(paths, meta, symbols, start, end, daysPerRead);
    SecondsCache cache = new SecondsCache(paths, new BarReader(), daysPerRead);
    long fileDays = 0;
    long chainDays = 0;
    for (Job j : jobs) {
      fileDays += (long) j.files() * j.sessions().size();
      chainDays += j.sessions().size();
    }
    AtomicInteger next = new AtomicInteger();
    Checksum total = new Checksum();
    long t0;
    long t1;
    try (MemoryWatch mem = new MemoryWatch()) {
      ForkJoinPool pool = new ForkJoinPool(workers);
      t0 = System.nanoTime();
      mem.startCpu();
      try {
        List<Future<Checksum>> parts = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
          parts.add(
              pool.submit(
                  () -> {
                    Checksum c = new Checksum();
                    for (int i = next.getAndIncrement();
                        i < jobs.size();
                        i = next.getAndIncrement()) {
                      Job j = jobs.get(i);
                      try {
                        switch (mode) {
                          case BUILD -> {
                            for (ChainDay chain :
                                cache.build(j.catalog(), j.sessions(), j.expiry())) {
                              c.add(chain.totals());
                            }
                          }
                          case BUILD_AND_WRITE -> cache.warm(j.catalog(), j.sessions(), j.expiry());
                          case READ -> {
                            for (Session s : j.sessions()) {
                              c.add(cache.load(j.catalog(), s, j.expiry()).totals());
                            }
                          }
                          case READ_SERIES -> {
                            for (Session s : j.sessions()) {
                              c.add(
                                  middleSeries(
                                      cache.open(j.catalog(), s, j.expiry(), List.of()),
                                      j,
                                      seriesPerChain));
                            }
                          }
                          default -> throw new IllegalStateException(mode.toString());
                        }
                      } catch (DataFileException e) {
                        throw new IllegalStateException(e.getMessage(), e);
                      }
                    }
                    return c;
                  }));
        }
        for (Future<Checksum> f : parts) {
          total.add(f.get());
        }
      } finally {
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
      }
      t1 = System.nanoTime();
      String engine =
          switch (mode) {
            case BUILD -> "java";
            case BUILD_AND_WRITE -> "java-write";
            case READ -> "java-read";
            case READ_SERIES -> "java-series";
          };
      return result(
          engine,
          workers,
          "cache_builds="
              + cache.builds()
              + " cache_hits="
              + cache.hits()
              + " days_per_read="
              + daysPerRead
              + " jobs="
              + jobs.size()
              + " chain_days="
              + chainDays
              + " file_days="
              + fileDays,
          total,
          t1 - t0,
          mem);
    }
  }

  /**
   * Totals over the {@code n} traded series nearest the middle of the chain's strikes (CE and PE
   * alternately).
   */
  static ChainDay.Totals middleSeries(ChainEntry entry, Job j, int n) throws Exception {
    try (entry) { // as a day market closes its chains when the day is done
      return middleSeriesOf(entry, j, n);
    }
  }

  private static ChainDay.Totals middleSeriesOf(ChainEntry entry, Job j, int n) throws Exception {
    long bars = 0;
    long ticks = 0;
    long volume = 0;
    long closePaise = 0;
    long oi = 0;
    List<Integer> ce = new ArrayList<>(j.catalog().optionFiles(j.expiry(), OptionType.CE).keySet());
    List<Integer> pe = new ArrayList<>(j.catalog().optionFiles(j.expiry(), OptionType.PE).keySet());
    int loaded = 0;
    for (int step = 0; loaded < n && step < Math.max(ce.size(), pe.size()); step++) {
      for (List<Integer> strikes : List.of(ce, pe)) {
        int i = strikes.size() / 2 + (step % 2 == 0 ? step / 2 : -(step / 2 + 1));
        if (loaded == n || i < 0 || i >= strikes.size()) {
          continue;
        }
        SecondBars b = entry.bars(strikes == ce ? OptionType.CE : OptionType.PE, strikes.get(i));
        if (b == null) {
          continue;
        }
        loaded++;
        SecondBars.Cursor c = b.cursor(); // every second in order, as the engine reads a series
        for (int sec = 0; sec < b.length(); sec++) {
          int t = c.ticks(sec);
          if (t > 0) {
            bars++;
            ticks += t;
            volume += c.volume(sec);
            closePaise += Math.round(c.close(sec) * 100);
            oi += c.oi(sec);
          }
        }
      }
    }
    return new ChainDay.Totals(bars, ticks, volume, closePaise, oi);
  }

  static String runDuckDb(
      LabPaths paths,
      MetaTables meta,
      List<Symbol> symbols,
      LocalDate start,
      LocalDate end,
      int workers)
      throws Exception {
    // one session schedule for the whole range keeps the SQL simple; refuse ranges where it changes
    List<Job> jobs = plan(paths, meta, symbols, start, end, 1);
    if (jobs.isEmpty()) {
      throw new IllegalArgumentException("nothing to do");
    }
    Session first = jobs.get(0).sessions().get(0);
    for (Job j : jobs) {
      for (Session s : j.sessions()) {
        if (!s.open().equals(first.open()) || !s.close().equals(first.close())) {
          throw new IllegalArgumentException(
              "the session changes inside the range: run the DuckDB peer per schedule");
        }
      }
    }
    int openSod = first.open().toSecondOfDay();
    int closeSod = first.close().toSecondOfDay();
    StringBuilder globs = new StringBuilder();
    for (Symbol s : symbols) {
      globs
          .append(globs.length() == 0 ? "" : ", ")
          .append('\'')
          .append(paths.optionsDir(s).toAbsolutePath().toString().replace("'", "''"))
          .append("/*/*/*/*.parquet'");
    }
    String sql = duckDbSql("[" + globs + "]", openSod, closeSod, start, end);
    try (MemoryWatch mem = new MemoryWatch();
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute("SET threads = " + workers);
      long t0 = System.nanoTime();
      mem.startCpu();
      Checksum sum = new Checksum();
      try (ResultSet rs = st.executeQuery(sql)) {
        rs.next();
        sum.bars = rs.getLong(1);
        sum.rows = rs.getLong(2);
        sum.volume = rs.getLong(3);
        sum.closePaise = rs.getLong(4);
        sum.oi = rs.getLong(5);
      }
      long t1 = System.nanoTime();
      return result("duckdb", workers, "threads=" + workers, sum, t1 - t0, mem);
    }
  }

  /**
   * Bars per (file, IST second) inside the session, the same rules as the reader for these files
   * (close > 0, negative volume as 0, last row of the second by file order), summed up to the
   * checksum. Files are told apart by DuckDB's integer {@code file_index} (grouping by the {@code
   * filename} string was twice as slow and took four times the memory); {@code epoch_ns} works for
   * every timestamp unit.
   */
  static String duckDbSql(String files, int openSod, int closeSod, LocalDate start, LocalDate end) {
    String dayFilter = "";
    if (!start.equals(LocalDate.MIN)) {
      dayFilter += " AND s >= " + (start.toEpochDay() * 86_400L + openSod);
    }
    if (!end.equals(LocalDate.MAX)) {
      dayFilter += " AND s <= " + (end.toEpochDay() * 86_400L + closeSod);
    }
    return "SELECT count(*), sum(n), sum(v), sum(round(c * 100)::BIGINT), sum(o) FROM ("
        + " SELECT fi, s, count(*) AS n, sum(greatest(vol_delta, 0)) AS v, arg_max(close, rn) AS c,"
        + " arg_max(oi, rn) AS o FROM ("
        + " SELECT file_index AS fi, file_row_number AS rn, epoch_ns(\"timestamp\") // 1000000000 + 19800 AS s,"
        + " close, vol_delta, oi FROM read_parquet("
        + files
        + "))"
        + " WHERE s % 86400 BETWEEN "
        + openSod
        + " AND "
        + closeSod
        + " AND close > 0"
        + dayFilter
        + " GROUP BY fi, s)";
  }

  static String result(
      String engine, int workers, String extra, Checksum sum, long nanos, MemoryWatch mem) {
    double secs = nanos / 1e9;
    return String.format(
        Locale.ROOT,
        "engine=%s workers=%d %s %s seconds=%.3f rows_per_s=%.0f cpu_s=%.2f heap_peak_mb=%.0f heap_live_peak_mb=%.0f"
            + " gcs=%d xmx_mb=%.0f rss_peak_mb=%.0f",
        engine,
        workers,
        extra,
        sum.format(),
        secs,
        sum.rows / secs,
        mem.cpuSeconds(),
        mem.peakUsedBytes() / 1048576.0,
        mem.peakLiveBytes() / 1048576.0,
        mem.collections(),
        Runtime.getRuntime().maxMemory() / 1048576.0,
        MemoryWatch.peakRssBytes() / 1048576.0);
  }
}
