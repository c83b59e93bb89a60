package in.nfopslab.orchestrator;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.calendar.ExpiryCalendar;
import in.nfopslab.core.calendar.ExpiryEntry;
import in.nfopslab.core.calendar.ExpiryType;
import in.nfopslab.core.calendar.Session;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.data.cache.SecondsCache;
import in.nfopslab.data.catalog.PackedCatalog;
import in.nfopslab.data.market.MarketLoader;
import in.nfopslab.data.meta.MetaTables;
import in.nfopslab.data.read.DataFileException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code nfops cache warm}: fills the seconds cache for a date range in parallel, one job per (day, expiry), for
 * the expiries strategies use: the nearest, the next and the nearest monthly that have files. A job that fails
 * (a bad file) is reported and the others go on.
 */
public final class CacheWarmer {
  /** What to warm. */
  public record Config(LabPaths paths, Symbol symbol, LocalDate start, LocalDate end, int workers,
      Progress.Mode progress) {
    public Config {
      requireNonNull(paths, "paths is null");
      requireNonNull(symbol, "symbol is null");
      if (workers < 1) {
        throw new IllegalArgumentException("--max-workers must be at least 1, got " + workers);
      }
    }
  }

  /** What happened. */
  public record Result(int days, int entries, long built, long hits, List<String> failures, Duration elapsed) {}

  private CacheWarmer() {}

  public static Result warm(Config config, MetaTables meta, PrintStream err) throws InterruptedException {
    long t0 = System.nanoTime();
    MarketLoader loader = MarketLoader.open(config.paths(), meta, config.symbol());
    PackedCatalog catalog = loader.catalog();
    LocalDate start = config.start() != null ? config.start() : firstOr(catalog, LocalDate.MIN);
    LocalDate end = config.end() != null ? config.end() : lastOr(catalog, LocalDate.MAX);
    List<LocalDate> days = start.isAfter(end) ? List.of() : loader.tradingDays(start, end);
    ExpiryCalendar calendar = meta.expiryCalendar();
    SecondsCache cache = loader.cache();
    List<Callable<String>> jobs = new ArrayList<>();
    for (LocalDate d : days) {
      Session session = meta.sessions().sessionFor(d);
      for (LocalDate e : expiriesToWarm(catalog, calendar, config.symbol(), d)) {
        jobs.add(() -> {
          try {
            cache.load(catalog, session, e);
            return null;
          } catch (DataFileException ex) {
            return d + " exp " + e + ": " + ex.getMessage();
          }
        });
      }
    }
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    try (Progress progress = new Progress("cache warm " + config.symbol(), jobs.size(), config.progress(), err,
        Duration.ofSeconds(10))) {
      List<Callable<String>> counted = new ArrayList<>();
      for (Callable<String> job : jobs) {
        counted.add(() -> {
          String failure;
          try {
            failure = job.call();
          } catch (Exception ex) {
            failure = ex.toString();
          }
          if (failure != null) {
            failures.add(failure);
          }
          progress.step(failure == null);
          return failure;
        });
      }
      TaskPool.runAll(config.workers(), counted);
    } catch (java.util.concurrent.ExecutionException ex) {
      failures.add(ex.getCause().toString());
    }
    List<String> sorted = new ArrayList<>(failures);
    Collections.sort(sorted);
    return new Result(days.size(), jobs.size(), cache.builds(), cache.hits(), sorted,
        Duration.ofNanos(System.nanoTime() - t0));
  }

  /** The nearest, the next and the nearest monthly expiry on or after {@code day} that have option files. */
  public static List<LocalDate> expiriesToWarm(PackedCatalog catalog, ExpiryCalendar calendar, Symbol symbol, LocalDate day) {
    List<LocalDate> available = catalog.optionExpiriesFrom(day);
    Set<LocalDate> out = new LinkedHashSet<>();
    for (int i = 0; i < Math.min(2, available.size()); i++) {
      out.add(available.get(i));
    }
    for (LocalDate e : available) {
      ExpiryEntry entry = calendar.entry(symbol, e);
      if (entry != null && entry.type() == ExpiryType.MONTHLY) {
        out.add(e);
        break;
      }
    }
    return new ArrayList<>(out);
  }

  private static LocalDate firstOr(PackedCatalog c, LocalDate fallback) {
    return c.spotFiles().isEmpty() ? fallback : c.spotFiles().firstKey();
  }

  private static LocalDate lastOr(PackedCatalog c, LocalDate fallback) {
    return c.spotFiles().isEmpty() ? fallback : c.spotFiles().lastKey();
  }
}
