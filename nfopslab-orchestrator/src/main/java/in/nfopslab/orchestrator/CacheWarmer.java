package in.nfopslab.orchestrator;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.calendar.ExpiryCalendar;
import in.nfopslab.core.calendar.ExpiryEntry;
import in.nfopslab.core.calendar.ExpiryType;
import in.nfopslab.core.calendar.Session;
import in.nfopslab.core.instrument.OptionType;
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
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code nfops cache warm}: fills the seconds cache for a date range in parallel, for the expiries
 * strategies use: the nearest, the next and the nearest monthly that have files. One job per expiry
 * and group of up to {@link SecondsCache#daysPerRead()} consecutive trading days, so each packed
 * file is read once per group rather than once per day; then one job per day for the spot and
 * nearest futures bars ({@link in.nfopslab.data.cache.BarsCache}). A job that fails (a bad file) is
 * reported and the others go on.
 */
public final class CacheWarmer {
  /** What to warm. */
  public record Config(
      LabPaths paths,
      Symbol symbol,
      LocalDate start,
      LocalDate end,
      int workers,
      Progress.Mode progress) {
    public Config {
      requireNonNull(paths, "paths is null");
      requireNonNull(symbol, "symbol is null");
      if (workers < 1) {
        throw new IllegalArgumentException("--max-workers must be at least 1, got " + workers);
      }
    }
  }

  /**
   * What happened: chain-day entries ({@code entries} planned, {@code built}, {@code hits} already
   * fresh) and spot and futures entries ({@code barsBuilt}, {@code barsHits}).
   */
  public record Result(
      int days,
      int entries,
      long built,
      long hits,
      long barsBuilt,
      long barsHits,
      List<String> failures,
      Duration elapsed) {}

  private CacheWarmer() {}

  /** One expiry on consecutive trading days, built from one read of each of its files. */
  public record Job(LocalDate expiry, List<Session> sessions) {
    public Job {
      requireNonNull(expiry, "expiry is null");
      sessions = List.copyOf(sessions);
    }

    String label() {
      LocalDate first = sessions.get(0).date();
      LocalDate last = sessions.get(sessions.size() - 1).date();
      return (first.equals(last) ? first.toString() : first + ".." + last) + " exp " + expiry;
    }
  }

  public static Result warm(Config config, MetaTables meta, PrintStream err)
      throws InterruptedException {
    long t0 = System.nanoTime();
    MarketLoader loader = MarketLoader.open(config.paths(), meta, config.symbol());
    PackedCatalog catalog = loader.catalog();
    LocalDate start = config.start() != null ? config.start() : firstOr(catalog, LocalDate.MIN);
    LocalDate end = config.end() != null ? config.end() : lastOr(catalog, LocalDate.MAX);
    List<LocalDate> days = start.isAfter(end) ? List.of() : loader.tradingDays(start, end);
    SecondsCache cache = loader.cache();
    List<Job> jobs =
        new ArrayList<>(plan(catalog, meta, config.symbol(), days, cache.daysPerRead()));
    // biggest first (files x days), so the pool does not wait on one long job at the end
    jobs.sort(
        Comparator.comparingLong(
            (Job j) -> -(long) j.sessions().size() * optionFiles(catalog, j.expiry())));
    int entries = 0;
    for (Job j : jobs) {
      entries += j.sessions().size();
    }
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    try (Progress progress =
        new Progress(
            "cache warm " + config.symbol(),
            entries + days.size(),
            config.progress(),
            err,
            Duration.ofSeconds(10))) {
      List<Callable<String>> counted = new ArrayList<>();
      for (Job job : jobs) {
        counted.add(
            () -> {
              String failure = null;
              try {
                cache.warm(catalog, job.sessions(), job.expiry());
              } catch (DataFileException ex) {
                failure = job.label() + ": " + ex.getMessage();
              } catch (Exception ex) {
                failure = job.label() + ": " + ex;
              }
              if (failure != null) {
                failures.add(failure);
              }
              for (int i = 0; i < job.sessions().size(); i++) {
                progress.step(failure == null);
              }
              return failure;
            });
      }
      // each day's spot and nearest futures bars, written to the cache as a run opens the day
      // (small jobs, last)
      for (LocalDate day : days) {
        counted.add(
            () -> {
              String failure = null;
              try {
                loader.openDay(day).close();
              } catch (DataFileException ex) {
                failure = day + " spot/futures: " + ex.getMessage();
              } catch (Exception ex) {
                failure = day + " spot/futures: " + ex;
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
    return new Result(
        days.size(),
        entries,
        cache.builds(),
        cache.hits(),
        loader.barsCache().builds(),
        loader.barsCache().hits(),
        sorted,
        Duration.ofNanos(System.nanoTime() - t0));
  }

  /**
   * The chain-days to warm for {@code days} (ascending trading days), as jobs: per expiry (those of
   * {@link #expiriesToWarm}), runs of consecutive days of at most {@code daysPerRead}.
   */
  public static List<Job> plan(
      PackedCatalog catalog,
      MetaTables meta,
      Symbol symbol,
      List<LocalDate> days,
      int daysPerRead) {
    Map<LocalDate, List<Integer>> daysByExpiry = new TreeMap<>();
    for (int i = 0; i < days.size(); i++) {
      for (LocalDate e : expiriesToWarm(catalog, meta.expiryCalendar(), symbol, days.get(i))) {
        daysByExpiry.computeIfAbsent(e, k -> new ArrayList<>()).add(i);
      }
    }
    List<Job> jobs = new ArrayList<>();
    for (Map.Entry<LocalDate, List<Integer>> e : daysByExpiry.entrySet()) {
      List<Session> group = new ArrayList<>();
      int previous = -2;
      for (int i : e.getValue()) {
        if (!group.isEmpty() && (i != previous + 1 || group.size() == daysPerRead)) {
          jobs.add(new Job(e.getKey(), group));
          group.clear();
        }
        group.add(meta.sessions().sessionFor(days.get(i)));
        previous = i;
      }
      if (!group.isEmpty()) {
        jobs.add(new Job(e.getKey(), group));
      }
    }
    return jobs;
  }

  /**
   * The nearest, the next and the nearest monthly expiry on or after {@code day} that have option
   * files.
   */
  public static List<LocalDate> expiriesToWarm(
      PackedCatalog catalog, ExpiryCalendar calendar, Symbol symbol, LocalDate day) {
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

  private static int optionFiles(PackedCatalog catalog, LocalDate expiry) {
    int n = 0;
    for (OptionType t : OptionType.values()) {
      n += catalog.optionFiles(expiry, t).size();
    }
    return n;
  }

  private static LocalDate firstOr(PackedCatalog c, LocalDate fallback) {
    return c.spotFiles().isEmpty() ? fallback : c.spotFiles().firstKey();
  }

  private static LocalDate lastOr(PackedCatalog c, LocalDate fallback) {
    return c.spotFiles().isEmpty() ? fallback : c.spotFiles().lastKey();
  }
}
