package in.nfopslab.data.market;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.calendar.Session;
import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.market.DayMarket;
import in.nfopslab.core.market.MarketDataException;
import in.nfopslab.core.market.SecondBars;
import in.nfopslab.data.cache.ChainDay;
import in.nfopslab.data.cache.ChainEntry;
import in.nfopslab.data.cache.SecondsCache;
import in.nfopslab.data.catalog.PackedCatalog;
import in.nfopslab.data.read.DataFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link DayMarket} over packed Parquet: spot and futures bars are read when the day is opened,
 * option chains are opened on first use through the seconds cache (one expiry at a time): a cached
 * chain loads each series when it is first asked for (see {@link ChainEntry}), a chain not cached
 * yet is built whole. An option chain that cannot be read throws {@link MarketDataException} naming
 * the file. The cached chains it opened keep their entry file open for series loads until {@link
 * #close()}.
 */
public final class ParquetDayMarket implements DayMarket {
  private static final Logger LOG = LoggerFactory.getLogger(ParquetDayMarket.class);

  private final PackedCatalog catalog;
  private final SecondsCache cache;
  private final Session session;
  private final SecondBars spot;
  private final SecondBars futures;
  private final Path futuresFile;
  private final Map<LocalDate, ChainEntry> chains = new HashMap<>();
  private final List<Session> upcoming;

  ParquetDayMarket(
      PackedCatalog catalog,
      SecondsCache cache,
      Session session,
      SecondBars spot,
      SecondBars futures,
      Path futuresFile,
      List<Session> upcoming) {
    this.upcoming = List.copyOf(upcoming);
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.cache = requireNonNull(cache, "cache is null");
    this.session = requireNonNull(session, "session is null");
    this.spot = requireNonNull(spot, "spot is null");
    this.futures = futures;
    this.futuresFile = futuresFile;
  }

  @Override
  public Symbol symbol() {
    return catalog.symbol();
  }

  @Override
  public LocalDate date() {
    return session.date();
  }

  @Override
  public Session session() {
    return session;
  }

  @Override
  public SecondBars spot() {
    return spot;
  }

  @Override
  public SecondBars futures() {
    return futures;
  }

  /** The expiry of the futures file the bars came from (its {@code exp=} partition), or null. */
  @Override
  public LocalDate futuresExpiry() {
    if (futuresFile == null) {
      return null;
    }
    for (Map.Entry<LocalDate, Path> e : catalog.futuresFiles().entrySet()) {
      if (e.getValue().equals(futuresFile)) {
        return e.getKey();
      }
    }
    return null;
  }

  /** The futures file the futures bars came from, or null. */
  public Path futuresFile() {
    return futuresFile;
  }

  @Override
  public List<LocalDate> expiries() {
    return Collections.unmodifiableList(catalog.optionExpiriesFrom(session.date()));
  }

  @Override
  public NavigableSet<Integer> strikes(LocalDate expiry, OptionType type) {
    return Collections.unmodifiableNavigableSet(
        new TreeSet<>(catalog.optionFiles(expiry, type).keySet()));
  }

  @Override
  public SecondBars option(LocalDate expiry, OptionType type, int strike) {
    if (catalog.optionFiles(expiry, type).get(strike) == null) {
      return null;
    }
    ChainEntry e = entry(expiry);
    try {
      return e.bars(type, strike);
    } catch (DataFileException ex) {
      throw new MarketDataException(ex.getMessage(), ex);
    } catch (IOException ex) {
      throw cannotLoad(expiry, ex);
    }
  }

  /** The whole chain of one expiry today (read whole once per day market). */
  public ChainDay chain(LocalDate expiry) {
    ChainEntry e = entry(expiry);
    try {
      return e.chain();
    } catch (DataFileException ex) {
      throw new MarketDataException(ex.getMessage(), ex);
    } catch (IOException ex) {
      throw cannotLoad(expiry, ex);
    }
  }

  private ChainEntry entry(LocalDate expiry) {
    ChainEntry c = chains.get(expiry);
    if (c == null) {
      try {
        // the expiry's files hold ticks up to the expiry day: later planned days are built with
        // this one
        List<Session> ahead = new ArrayList<>();
        for (Session s : upcoming) {
          if (!s.date().isAfter(expiry)) {
            ahead.add(s);
          }
        }
        c = cache.open(catalog, session, expiry, ahead);
      } catch (DataFileException e) {
        throw new MarketDataException(e.getMessage(), e);
      } catch (IOException e) {
        throw cannotLoad(expiry, e);
      }
      chains.put(expiry, c);
    }
    return c;
  }

  /** Closes the entry files the day's chains hold open; the chains stay usable. */
  @Override
  public void close() {
    for (Map.Entry<LocalDate, ChainEntry> e : chains.entrySet()) {
      try {
        e.getValue().close();
      } catch (IOException ex) {
        LOG.warn("closing the {} chain of {}: {}", e.getKey(), session.date(), ex.getMessage());
      }
    }
  }

  private MarketDataException cannotLoad(LocalDate expiry, IOException e) {
    return new MarketDataException(
        "cannot load the " + expiry + " chain of " + session.date() + ": " + e.getMessage(), e);
  }
}
