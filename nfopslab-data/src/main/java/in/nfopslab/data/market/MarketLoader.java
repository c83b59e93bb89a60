package in.nfopslab.data.market;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.calendar.Session;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.core.market.SecondBars;
import in.nfopslab.data.cache.BarsCache;
import in.nfopslab.data.cache.SecondsCache;
import in.nfopslab.data.catalog.PackedCatalog;
import in.nfopslab.data.meta.MetaTables;
import in.nfopslab.data.read.BarReader;
import in.nfopslab.data.read.DataFileException;
import in.nfopslab.data.read.DataWarning;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens trading days of one symbol as {@link ParquetDayMarket}s: one catalog scan and one seconds
 * cache shared by every day. Thread-safe; each opened day market is for one thread.
 */
public final class MarketLoader {
  private static final Logger LOG = LoggerFactory.getLogger(MarketLoader.class);

  private final PackedCatalog catalog;
  private final MetaTables meta;
  private final SecondsCache cache;

  /** Spot and futures bars; null: read from the packed files every time. */
  private final BarsCache bars;

  private final BarReader reader;

  /**
   * Trading days the caller will open, ascending (empty: unknown); lets a cache miss build the next
   * ones too.
   */
  private final List<LocalDate> planned;

  /**
   * A loader that reads spot and futures from the packed files every time (only option chains are
   * cached).
   */
  public MarketLoader(
      PackedCatalog catalog, MetaTables meta, SecondsCache cache, BarReader reader) {
    this(catalog, meta, cache, null, reader, List.of());
  }

  /** A loader whose spot and futures bars go through {@code bars}. */
  public MarketLoader(
      PackedCatalog catalog,
      MetaTables meta,
      SecondsCache cache,
      BarsCache bars,
      BarReader reader) {
    this(catalog, meta, cache, requireNonNull(bars, "bars is null"), reader, List.of());
  }

  private MarketLoader(
      PackedCatalog catalog,
      MetaTables meta,
      SecondsCache cache,
      BarsCache bars,
      BarReader reader,
      List<LocalDate> planned) {
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.meta = requireNonNull(meta, "meta is null");
    this.cache = requireNonNull(cache, "cache is null");
    this.bars = bars;
    this.reader = requireNonNull(reader, "reader is null");
    this.planned = List.copyOf(planned);
  }

  /**
   * The same loader, told which trading days will be opened (a run's days). A chain that is not in
   * the cache is then built together with the same expiry's next planned days (up to the cache's
   * days per read), reading each packed file once for all of them; they are written to the cache
   * and the later days load from there. Without a plan, every miss builds its own day.
   */
  public MarketLoader planning(List<LocalDate> days) {
    return new MarketLoader(catalog, meta, cache, bars, reader, days);
  }

  public static MarketLoader open(LabPaths paths, MetaTables meta, Symbol symbol) {
    BarReader reader = new BarReader();
    return new MarketLoader(
        PackedCatalog.load(paths, symbol),
        meta,
        new SecondsCache(paths, reader),
        new BarsCache(paths, reader),
        reader);
  }

  public PackedCatalog catalog() {
    return catalog;
  }

  public SecondsCache cache() {
    return cache;
  }

  /**
   * The spot and futures cache, or null when this loader reads them from the packed files every
   * time.
   */
  public BarsCache barsCache() {
    return bars;
  }

  public MetaTables meta() {
    return meta;
  }

  /** Trade dates that have spot data and are trading days of the calendar, ascending. */
  public List<LocalDate> tradingDays(LocalDate from, LocalDate to) {
    List<LocalDate> out = new ArrayList<>();
    for (LocalDate d : catalog.spotFiles().subMap(from, true, to, true).keySet()) {
      if (meta.calendar().isTradingDay(d)) {
        out.add(d);
      } else {
        LOG.info("{} has spot data but is not a trading day in meta/holidays.csv: skipped", d);
      }
    }
    return out;
  }

  /** Opens one day: reads spot (required) and the nearest futures (optional). */
  public ParquetDayMarket openDay(LocalDate date) throws DataFileException {
    Session session = meta.sessions().sessionFor(date);
    List<DataWarning> warnings = new ArrayList<>();
    SecondBars spot = readSpot(date, session, warnings);
    Path futFile = catalog.nearestFutures(date);
    SecondBars fut = null;
    if (futFile != null) {
      fut = read(BarsCache.Kind.FUTURES, futFile, session, warnings);
      if (fut.firstTrade() < 0) {
        fut = null;
      }
    }
    for (DataWarning w : warnings) {
      LOG.info("{}", w);
    }
    return new ParquetDayMarket(
        catalog, cache, session, spot, fut, fut == null ? null : futFile, upcoming(date));
  }

  /** Sessions of the planned days after {@code date}, as many as one read builds with it. */
  private List<Session> upcoming(LocalDate date) {
    List<Session> out = new ArrayList<>();
    int i = java.util.Collections.binarySearch(planned, date);
    for (int k = (i < 0 ? -i - 1 : i + 1);
        k < planned.size() && out.size() < cache.daysPerRead() - 1;
        k++) {
      out.add(meta.sessions().sessionFor(planned.get(k)));
    }
    return out;
  }

  /**
   * The spot bars of one day alone (previous days' spot for realised volatility), without futures
   * or options.
   */
  public SecondBars readSpot(LocalDate date) throws DataFileException {
    List<DataWarning> warnings = new ArrayList<>();
    SecondBars spot = readSpot(date, meta.sessions().sessionFor(date), warnings);
    for (DataWarning w : warnings) {
      LOG.info("{}", w);
    }
    return spot;
  }

  private SecondBars readSpot(LocalDate date, Session session, List<DataWarning> warnings)
      throws DataFileException {
    Path spotFile = catalog.spotFile(date);
    if (spotFile == null) {
      throw new DataFileException(
          catalog.symbol() == null
              ? Path.of("spot")
              : Path.of("packed/spot/" + catalog.symbol() + "/date=" + date),
          DataFileException.Fault.NOT_FOUND,
          "no spot file for " + catalog.symbol() + " on " + date);
    }
    SecondBars spot = read(BarsCache.Kind.SPOT, spotFile, session, warnings);
    if (spot.firstTrade() < 0) {
      throw new DataFileException(
          spotFile, DataFileException.Fault.EMPTY, "no spot ticks inside the session of " + date);
    }
    return spot;
  }

  private SecondBars read(
      BarsCache.Kind kind, Path file, Session session, List<DataWarning> warnings)
      throws DataFileException {
    return bars == null || catalog.symbol() == null
        ? reader.readDay(file, session, warnings)
        : bars.load(catalog.symbol(), kind, file, session, warnings);
  }
}
