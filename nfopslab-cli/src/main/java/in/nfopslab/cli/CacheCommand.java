package in.nfopslab.cli;

import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.io.AtomicFiles;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.data.cache.BarsCache;
import in.nfopslab.data.meta.MetaTables;
import in.nfopslab.orchestrator.CacheWarmer;
import in.nfopslab.orchestrator.LabLock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nfops cache}: the per-second cache under backtests/cache/seconds (option chains, spot and
 * futures).
 */
@Command(
    name = "cache",
    mixinStandardHelpOptions = true,
    description =
        "Manage the per-second cache of option chains, spot and futures (backtests/cache/seconds).",
    subcommands = {CacheCommand.Warm.class, CacheCommand.Status.class, CacheCommand.Clear.class})
final class CacheCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code nfops cache warm}. */
  @Command(
      name = "warm",
      mixinStandardHelpOptions = true,
      description =
          "Build the cache for a date range in parallel (nearest, next and monthly expiries of each day,"
              + " spot and nearest futures).")
  static final class Warm implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin LabOptions lab;
    @Mixin RangeOptions range;
    @Mixin WorkerOptions workers;

    @Override
    public Integer call() throws Exception {
      range.checked();
      LabPaths paths = lab.paths();
      MetaTables meta = MetaTables.load(paths.meta());
      PrintWriter out = spec.commandLine().getOut();
      boolean failed = false;
      for (Symbol symbol : range.all()) {
        CacheWarmer.Result r =
            CacheWarmer.warm(
                new CacheWarmer.Config(
                    paths, symbol, range.start, range.end, workers.workers(), workers.progress),
                meta,
                System.err);
        out.printf(
            Locale.ROOT,
            "cache warm %s: %d days, %d chain-days (%d built, %d already cached), spot and futures"
                + " %d built, %d already cached, %d failed, %.1f s%n",
            symbol,
            r.days(),
            r.entries(),
            r.built(),
            r.hits(),
            r.barsBuilt(),
            r.barsHits(),
            r.failures().size(),
            r.elapsed().toMillis() / 1000.0);
        for (String f : r.failures()) {
          out.println("  failed: " + f);
        }
        failed |= !r.failures().isEmpty();
      }
      out.println("cache: " + paths.secondsCache());
      out.flush();
      return failed ? 1 : 0;
    }
  }

  /** {@code nfops cache status}. */
  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Entries, size and date range per symbol.")
  static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin LabOptions lab;

    @Override
    public Integer call() throws IOException {
      Path root = lab.paths().secondsCache();
      PrintWriter out = spec.commandLine().getOut();
      if (!Files.isDirectory(root)) {
        out.println("cache is empty (" + root + " does not exist)");
        out.flush();
        return 0;
      }
      TreeMap<String, long[]> bySymbol = new TreeMap<>();
      TreeMap<String, String[]> range = new TreeMap<>();
      long temps = 0;
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
          if (AtomicFiles.isTemporary(f)) {
            temps++;
            continue;
          }
          Path rel = root.relativize(f);
          if (rel.getNameCount() != 3) {
            continue;
          }
          String sym = rel.getName(0).toString();
          // {SYMBOL}/exp=E/date=D.parquet (a chain-day), {SYMBOL}/spot|futures/date=D.parquet (bars
          // of one day)
          String folder = rel.getName(1).toString();
          long[] agg = bySymbol.computeIfAbsent(sym, k -> new long[4]);
          agg[
              folder.equals(BarsCache.Kind.SPOT.folder())
                  ? 1
                  : folder.equals(BarsCache.Kind.FUTURES.folder()) ? 2 : 0]++;
          agg[3] += Files.size(f);
          String date = rel.getName(2).toString().replace("date=", "").replace(".parquet", "");
          String[] r = range.computeIfAbsent(sym, k -> new String[] {date, date});
          r[0] = date.compareTo(r[0]) < 0 ? date : r[0];
          r[1] = date.compareTo(r[1]) > 0 ? date : r[1];
        }
      }
      out.printf(
          Locale.ROOT,
          "%-10s %10s %6s %8s %10s  %s%n",
          "symbol",
          "chain-days",
          "spot",
          "futures",
          "MiB",
          "trade dates");
      for (var e : bySymbol.entrySet()) {
        String[] r = range.get(e.getKey());
        long[] a = e.getValue();
        out.printf(
            Locale.ROOT,
            "%-10s %10d %6d %8d %10.1f  %s .. %s%n",
            e.getKey(),
            a[0],
            a[1],
            a[2],
            a[3] / 1048576.0,
            r[0],
            r[1]);
      }
      if (temps > 0) {
        out.println(
            temps
                + " temporary files left by interrupted writers (nfops cache clear removes them)");
      }
      out.println("cache: " + root);
      out.flush();
      return 0;
    }
  }

  /** {@code nfops cache clear}. */
  @Command(
      name = "clear",
      mixinStandardHelpOptions = true,
      description = "Delete the cache (or one symbol's part).")
  static final class Clear implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin LabOptions lab;

    @Option(
        names = "--symbol",
        converter = SymbolConverter.class,
        description = "Only this symbol.")
    Symbol symbol;

    @Override
    public Integer call() throws IOException {
      Path root = lab.paths().secondsCache();
      Path target = symbol == null ? root : root.resolve(symbol.name());
      long files = 0;
      long bytes = 0;
      if (Files.isDirectory(target)) {
        // a run on this lab reads and writes these entries: refuse while one holds the lab
        try (LabLock lock = LabLock.acquire(lab.paths().out(), "nfops cache clear")) {
          List<Path> all = new ArrayList<>();
          try (Stream<Path> s = Files.walk(target)) {
            s.sorted(Comparator.reverseOrder()).forEach(all::add);
          }
          for (Path p : all) {
            if (Files.isRegularFile(p)) {
              files++;
              bytes += Files.size(p);
            }
            Files.deleteIfExists(p);
          }
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          Locale.ROOT, "removed %d files (%.1f MiB) from %s%n", files, bytes / 1048576.0, target);
      out.flush();
      return 0;
    }
  }
}
