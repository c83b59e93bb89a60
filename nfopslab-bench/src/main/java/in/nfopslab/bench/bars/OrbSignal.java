package in.nfopslab.bench.bars;

import in.nfopslab.core.calendar.Session;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.core.market.SecondBars;
import in.nfopslab.data.catalog.PackedCatalog;
import in.nfopslab.data.market.MarketLoader;
import in.nfopslab.data.meta.MetaTables;
import in.nfopslab.data.read.BarReader;
import in.nfopslab.data.read.DataWarning;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The opening-range breakout's signal (the orb strategy's defaults) from spot, per symbol and day,
 * by this project's reader ({@code --engine orb-java}) or DuckDB SQL ({@code --engine orb-duckdb});
 * bench/polars/orb.mjs is the Polars side. Range: the per-second spot closes from 09:15:00 to
 * 09:29:59; signal: the first second from 09:30:00 to 11:00:00 whose close is above the range high
 * (up) or below its low (down). Each prints days, ups, downs and the sum of the signal seconds
 * (seconds after the open), so the three can be checked against each other.
 */
final class OrbSignal {
  static final int RANGE_END = 900; // first second after the range (09:30:00)
  static final int ENTRY_END = 6300; // 11:00:00, inclusive

  private OrbSignal() {}

  /** One day's spot file. */
  record Day(Path file, Session session) {}

  static List<Day> days(LabPaths paths, MetaTables meta, List<Symbol> symbols) {
    List<Day> out = new ArrayList<>();
    for (Symbol symbol : symbols) {
      MarketLoader loader = MarketLoader.open(paths, meta, symbol);
      PackedCatalog catalog = loader.catalog();
      if (catalog.spotFiles().isEmpty()) {
        continue;
      }
      for (LocalDate d :
          loader.tradingDays(catalog.spotFiles().firstKey(), catalog.spotFiles().lastKey())) {
        out.add(new Day(catalog.spotFile(d), meta.sessions().sessionFor(d)));
      }
    }
    return out;
  }

  static String runJava(LabPaths paths, MetaTables meta, List<Symbol> symbols, int workers)
      throws Exception {
    List<Day> days = days(paths, meta, symbols);
    BarReader reader = new BarReader();
    AtomicInteger next = new AtomicInteger();
    long[] total = new long[4];
    try (MemoryWatch mem = new MemoryWatch()) {
      ForkJoinPool pool = new ForkJoinPool(workers);
      long t0 = System.nanoTime();
      mem.startCpu();
      try {
        List<Future<long[]>> parts = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
          parts.add(
              pool.submit(
                  () -> {
                    long[] c = new long[4];
                    List<DataWarning> warnings = new ArrayList<>();
                    for (int i = next.getAndIncrement();
                        i < days.size();
                        i = next.getAndIncrement()) {
                      Day d = days.get(i);
                      add(c, reader.readDay(d.file(), d.session(), warnings));
                      warnings.clear();
                    }
                    return c;
                  }));
        }
        for (Future<long[]> f : parts) {
          long[] c = f.get();
          for (int k = 0; k < 4; k++) {
            total[k] += c[k];
          }
        }
      } finally {
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
      }
      return line("orb-java", workers, total, System.nanoTime() - t0, mem);
    }
  }

  /** Adds one day: days, ups, downs, sum of signal seconds. */
  static void add(long[] c, SecondBars b) {
    double hi = Double.NEGATIVE_INFINITY;
    double lo = Double.POSITIVE_INFINITY;
    for (int s = 0; s < RANGE_END; s++) {
      if (b.ticks(s) > 0) {
        hi = Math.max(hi, b.close(s));
        lo = Math.min(lo, b.close(s));
      }
    }
    c[0]++;
    if (hi == Double.NEGATIVE_INFINITY) {
      return;
    }
    for (int s = RANGE_END; s <= ENTRY_END && s < b.length(); s++) {
      if (b.ticks(s) > 0) {
        double x = b.close(s);
        if (x > hi || x < lo) {
          c[x > hi ? 1 : 2]++;
          c[3] += s;
          return;
        }
      }
    }
  }

  static String runDuckDb(LabPaths paths, MetaTables meta, List<Symbol> symbols, int workers)
      throws Exception {
    List<Day> days = days(paths, meta, symbols);
    int open = days.get(0).session().openSecondOfDay();
    StringBuilder files = new StringBuilder();
    for (Day d : days) {
      files
          .append(files.length() == 0 ? "" : ", ")
          .append('\'')
          .append(d.file().toAbsolutePath().toString().replace("'", "''"))
          .append('\'');
    }
    String sql =
        "WITH t AS (SELECT file_index AS fi, file_row_number AS rn,"
            + " epoch_ns(\"timestamp\") // 1000000000 + 19800 - "
            + open
            + " - (epoch_ns(\"timestamp\") // 1000000000 + 19800) // 86400 * 86400 AS s,"
            + " close FROM read_parquet(["
            + files
            + "]) WHERE close > 0),"
            + " sec AS (SELECT fi, s, arg_max(close, rn) AS c FROM t WHERE s >= 0 AND s <= "
            + ENTRY_END
            + " GROUP BY fi, s),"
            + " rng AS (SELECT fi, max(c) AS hi, min(c) AS lo FROM sec WHERE s < "
            + RANGE_END
            + " GROUP BY fi),"
            + " brk AS (SELECT rng.fi, min(CASE WHEN sec.c > hi OR sec.c < lo THEN sec.s END) AS s1 FROM rng"
            + "   LEFT JOIN sec ON sec.fi = rng.fi AND sec.s >= "
            + RANGE_END
            + " GROUP BY rng.fi),"
            + " sig AS (SELECT brk.fi, brk.s1, sec.c > rng.hi AS up FROM brk JOIN rng USING (fi)"
            + "   LEFT JOIN sec ON sec.fi = brk.fi AND sec.s = brk.s1)"
            + " SELECT "
            + days.size()
            + ", count(*) FILTER (WHERE s1 IS NOT NULL AND up),"
            + " count(*) FILTER (WHERE s1 IS NOT NULL AND NOT up), coalesce(sum(s1), 0) FROM sig";
    try (MemoryWatch mem = new MemoryWatch();
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute("SET threads = " + workers);
      long t0 = System.nanoTime();
      mem.startCpu();
      long[] total = new long[4];
      try (ResultSet rs = st.executeQuery(sql)) {
        rs.next();
        for (int k = 0; k < 4; k++) {
          total[k] = rs.getLong(k + 1);
        }
      }
      return line("orb-duckdb", workers, total, System.nanoTime() - t0, mem);
    }
  }

  static String line(String engine, int workers, long[] c, long nanos, MemoryWatch mem) {
    return String.format(
        Locale.ROOT,
        "engine=%s workers=%d days=%d ups=%d downs=%d signal_seconds=%d seconds=%.3f"
            + " cpu_s=%.2f heap_peak_mb=%.0f rss_peak_mb=%.0f",
        engine,
        workers,
        c[0],
        c[1],
        c[2],
        c[3],
        nanos / 1e9,
        mem.cpuSeconds(),
        mem.peakUsedBytes() / 1048576.0,
        MemoryWatch.peakRssBytes() / 1048576.0);
  }
}
