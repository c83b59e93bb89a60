import in.nfopslab.core.calendar.Session;
import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.core.market.SecondBars;
import in.nfopslab.data.catalog.PackedCatalog;
import in.nfopslab.data.market.MarketLoader;
import in.nfopslab.data.meta.MetaTables;
import in.nfopslab.data.read.BarReader;
import in.nfopslab.data.read.DataWarning;
import in.nfopslab.orchestrator.CacheWarmer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Before/after of the read path with one program: dense per-second bars of every (option file, day) that cache warm
 * would build, one BarReader.readDay per file-day (an API both the old and the new reader have), on N threads.
 * Run it with `java -cp <a build's jars> PerDayBars.java LAB WORKERS` against each build (docs/PERFORMANCE.md).
 */
public class PerDayBars {
  record Job(Path file, Session session) {}

  public static void main(String[] a) throws Exception {
    LabPaths paths = LabPaths.of(Path.of(a[0]));
    int workers = Integer.parseInt(a[1]);
    MetaTables meta = MetaTables.load(paths.meta());
    List<Job> jobs = new ArrayList<>();
    for (String sym : new String[] {"NIFTY", "BANKNIFTY"}) {
      Symbol s = new Symbol(sym);
      MarketLoader loader = MarketLoader.open(paths, meta, s);
      PackedCatalog c = loader.catalog();
      for (LocalDate d : loader.tradingDays(c.spotFiles().firstKey(), c.spotFiles().lastKey())) {
        Session session = meta.sessions().sessionFor(d);
        for (LocalDate e : CacheWarmer.expiriesToWarm(c, meta.expiryCalendar(), s, d)) {
          for (OptionType t : OptionType.values()) {
            for (Path f : c.optionFiles(e, t).values()) {
              jobs.add(new Job(f, session));
            }
          }
        }
      }
    }
    BarReader reader = new BarReader();
    AtomicInteger next = new AtomicInteger();
    ForkJoinPool pool = new ForkJoinPool(workers);
    long t0 = System.nanoTime();
    List<Future<long[]>> parts = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      parts.add(pool.submit(() -> {
        long[] sum = new long[2];
        List<DataWarning> warnings = new ArrayList<>();
        for (int i = next.getAndIncrement(); i < jobs.size(); i = next.getAndIncrement()) {
          SecondBars b = reader.readDay(jobs.get(i).file(), jobs.get(i).session(), warnings);
          warnings.clear();
          for (int sec = 0; sec < b.length(); sec++) {
            sum[0] += b.ticks(sec);
            sum[1] += b.volume(sec);
          }
        }
        return sum;
      }));
    }
    long rows = 0;
    long volume = 0;
    for (Future<long[]> f : parts) {
      rows += f.get()[0];
      volume += f.get()[1];
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    System.out.printf("perday workers=%d file_days=%d rows=%d volume=%d seconds=%.3f rows_per_s=%.0f%n", workers,
        jobs.size(), rows, volume, secs, rows / secs);
  }
}
