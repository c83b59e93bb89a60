package in.nfopslab.orchestrator;

import in.nfopslab.core.calendar.ExpiryCalendar;
import in.nfopslab.core.engine.DayMarkets;
import in.nfopslab.core.engine.EngineConfig;
import in.nfopslab.core.engine.SpotHistory;
import in.nfopslab.core.instrument.LotSizes;
import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.core.market.DayMarket;
import in.nfopslab.core.market.MarketDataException;
import in.nfopslab.core.market.SecondBars;
import in.nfopslab.data.catalog.PackedCatalog;
import in.nfopslab.data.market.MarketLoader;
import in.nfopslab.data.meta.LotSizeCsv;
import in.nfopslab.data.meta.MetaTables;
import in.nfopslab.data.read.DataFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every run over a lab needs, opened once: meta tables, the data loader, the trading days of
 * the requested range (default: what the data covers) and their tasks. Shared by {@code nfops run}
 * and {@code nfops sweep}.
 */
record RunContext(
    LabPaths paths,
    Symbol symbol,
    MetaTables meta,
    MarketLoader loader,
    ExpiryCalendar calendar,
    LotSizes lots,
    int strikeStep,
    LocalDate start,
    LocalDate end,
    List<LocalDate> days,
    List<RunTask> tasks,
    List<LocalDate> labDays,
    Map<Symbol, Optional<SpotHistory>> others,
    Map<Symbol, PackedCatalog> otherCatalogs,
    String metaKey) {

  static RunContext open(LabPaths paths, Symbol symbol, LocalDate from, LocalDate to) {
    MetaTables meta = MetaTables.load(paths.meta());
    if (!meta.symbols().contains(symbol)) {
      throw new IllegalArgumentException(
          "unknown symbol "
              + symbol
              + " (meta/"
              + MetaTables.STRIKE_STEPS
              + " knows "
              + new TreeSet<>(meta.symbols().stream().map(Symbol::name).toList())
              + ")");
    }
    MarketLoader loader = MarketLoader.open(paths, meta, symbol);
    PackedCatalog catalog = loader.catalog();
    if (catalog.spotFiles().isEmpty()) {
      throw new IllegalArgumentException(
          "no spot data for " + symbol + " under " + paths.spotDir(symbol));
    }
    LocalDate start = from != null ? from : catalog.spotFiles().firstKey();
    LocalDate end = to != null ? to : catalog.spotFiles().lastKey();
    List<LocalDate> days = loader.tradingDays(start, end);
    if (days.isEmpty()) {
      throw new IllegalArgumentException(
          "no trading days with " + symbol + " spot data between " + start + " and " + end);
    }
    ExpiryCalendar calendar = meta.expiryCalendar();
    List<RunTask> tasks = RunPlanner.plan(symbol, days, calendar, catalog);
    List<LocalDate> labDays =
        start.equals(catalog.spotFiles().firstKey()) && end.equals(catalog.spotFiles().lastKey())
            ? days
            : loader.tradingDays(catalog.spotFiles().firstKey(), catalog.spotFiles().lastKey());
    // a chain built on a miss brings the run's next days of its expiry along (one read of each file
    // for several days)
    return new RunContext(
        paths,
        symbol,
        meta,
        loader.planning(days),
        calendar,
        LotSizeCsv.load(meta),
        meta.strikeStep(symbol),
        start,
        end,
        days,
        tasks,
        List.copyOf(labDays),
        new ConcurrentHashMap<>(),
        new ConcurrentHashMap<>(),
        metaKey(paths));
  }

  /**
   * Name, size and modification time of the lab's meta tables (holidays, sessions, strike steps,
   * lot sizes, expiry rules and calendar...; not the manifest, which only lists the data files the
   * key covers anyway), so a run made with other tables is not reused. Tables the lab does not
   * override come from the jars, which the code fingerprint covers.
   */
  private static String metaKey(LabPaths paths) {
    Path meta = paths.meta();
    if (!Files.isDirectory(meta)) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    try (var s = Files.list(meta)) {
      for (Path f : s.sorted().toList()) {
        String name = f.getFileName().toString();
        if (!name.endsWith(".csv") || f.equals(paths.manifestCsv())) {
          continue;
        }
        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
        b.append(name).append('\t').append(a.size()).append('\t');
        b.append(a.lastModifiedTime().toMillis()).append('\n');
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot list the meta folder " + meta, e);
    }
    return b.toString();
  }

  /**
   * Previous days' spot for strategies whose signals span days (realised volatility): any trading
   * day of the lab before the asked day, also before the run's start, read alone from its spot
   * file.
   */
  SpotHistory history() {
    return history(loader, labDays, this::otherHistory);
  }

  /**
   * The spot history of another underlying of the same lab (a dispersion basket member), from its
   * own packed spot files, or null when the lab has none. Built once per symbol and shared by every
   * task.
   */
  private SpotHistory otherHistory(Symbol underlying) {
    if (underlying.equals(symbol)) {
      return history();
    }
    return others
        .computeIfAbsent(
            underlying,
            u -> {
              MarketLoader other = MarketLoader.open(paths, meta, u);
              if (other.catalog().spotFiles().isEmpty()) {
                return Optional.empty();
              }
              List<LocalDate> otherDays =
                  other.tradingDays(
                      other.catalog().spotFiles().firstKey(),
                      other.catalog().spotFiles().lastKey());
              return Optional.of(
                  history(
                      other, List.copyOf(otherDays), x -> x.equals(u) ? null : otherHistory(x)));
            })
        .orElse(null);
  }

  private static SpotHistory history(
      MarketLoader loader,
      List<LocalDate> days,
      java.util.function.Function<Symbol, SpotHistory> others) {
    return new SpotHistory() {
      @Override
      public List<LocalDate> daysBefore(LocalDate date, int n) {
        int end = firstIndexNotBefore(days, date);
        List<LocalDate> out = new ArrayList<>(n);
        for (int k = end - 1; k >= 0 && out.size() < n; k--) {
          out.add(days.get(k));
        }
        return out;
      }

      @Override
      public SecondBars spot(LocalDate day) {
        try {
          return loader.readSpot(day);
        } catch (DataFileException ex) {
          throw new MarketDataException(ex.getMessage(), ex);
        }
      }

      @Override
      public SpotHistory of(Symbol underlying) {
        return others.apply(underlying);
      }
    };
  }

  private int firstIndexNotBefore(LocalDate date) {
    return firstIndexNotBefore(labDays, date);
  }

  private static int firstIndexNotBefore(List<LocalDate> labDays, LocalDate date) {
    int i = Collections.binarySearch(labDays, date);
    return i >= 0 ? i : -i - 1;
  }

  /** Day markets straight from the loader; a day that cannot be opened throws, naming the file. */
  DayMarkets markets() {
    return d -> open(d);
  }

  /**
   * Day markets kept in memory for the life of the returned supplier (one task), so variant batches
   * share them.
   */
  DayMarkets memoizedMarkets() {
    Map<LocalDate, DayMarket> memo = new HashMap<>();
    return d -> memo.computeIfAbsent(d, this::open);
  }

  private DayMarket open(LocalDate d) {
    try {
      return loader.openDay(d);
    } catch (DataFileException ex) {
      throw new MarketDataException(ex.getMessage(), ex);
    }
  }

  /**
   * Fingerprint of a task's inputs: the engine settings, the code ({@link CodeIdentity}), the lab's
   * meta tables, and path, size and modification time of its spot and futures files and of the
   * option files of every expiry the cache would load for its days. A changed file, table, setting
   * or build makes --resume re-run the pair.
   */
  String dataKey(RunTask task, EngineConfig engine, String code) throws IOException {
    PackedCatalog catalog = loader.catalog();
    TreeSet<Path> files = new TreeSet<>();
    TreeSet<LocalDate> expiries = new TreeSet<>();
    // the spot of the days before the task that strategies may read through the history
    int first = firstIndexNotBefore(task.firstDay());
    for (int k = Math.max(0, first - SpotHistory.MAX_PREVIOUS_DAYS); k < first; k++) {
      Path spot = catalog.spotFile(labDays.get(k));
      if (spot != null) {
        files.add(spot);
      }
    }
    // other underlyings' spot over the same window: a strategy may read them (a dispersion basket)
    LocalDate from =
        first > 0
            ? labDays.get(Math.max(0, first - SpotHistory.MAX_PREVIOUS_DAYS))
            : task.firstDay();
    for (Symbol other : meta.symbols()) {
      if (!other.equals(symbol)) {
        // listed once per run, like the run's own catalog (every task asks)
        PackedCatalog c = otherCatalogs.computeIfAbsent(other, o -> PackedCatalog.load(paths, o));
        files.addAll(c.spotFiles().subMap(from, true, task.lastDay(), true).values());
      }
    }
    for (LocalDate d : task.days()) {
      Path spot = catalog.spotFile(d);
      if (spot != null) {
        files.add(spot);
      }
      Path fut = catalog.nearestFutures(d);
      if (fut != null) {
        files.add(fut);
      }
      expiries.addAll(CacheWarmer.expiriesToWarm(catalog, calendar, task.symbol(), d));
    }
    for (LocalDate e : expiries) {
      for (OptionType type : OptionType.values()) {
        files.addAll(catalog.optionFiles(e, type).values());
      }
    }
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      // the engine settings shape every trade, so a part made with other settings is not reused
      // either
      md.update(("engine\t" + engine + "\n").getBytes(StandardCharsets.UTF_8));
      // and so do the code that made them and the lab's meta tables
      md.update(("code\t" + code + "\nmeta\n" + metaKey + "\n").getBytes(StandardCharsets.UTF_8));
      for (Path f : files) {
        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
        md.update(
            (paths.data().relativize(f.toAbsolutePath())
                    + "\t"
                    + a.size()
                    + "\t"
                    + a.lastModifiedTime().toMillis()
                    + "\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
