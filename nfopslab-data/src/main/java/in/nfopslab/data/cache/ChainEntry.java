package in.nfopslab.data.cache;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.calendar.Session;
import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.market.SecondBars;
import in.nfopslab.data.catalog.PackedCatalog;
import in.nfopslab.data.read.DataFileException;
import in.nfopslab.data.read.ParquetArrays;
import java.io.Closeable;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chain-day of the seconds cache as a day market uses it. After a cache hit only the entry's
 * footer has been read (freshness, and the row range of every series with trades); a series is then
 * loaded on first use by reading only the pages that hold its rows. Once more than {@link
 * #WHOLE_CHAIN_AFTER} series of the chain have been asked for, the rest of the chain is read at
 * once instead (one read of every page beats many small ones). After a miss the chain was just
 * built and every series comes from memory.
 *
 * <p>Series read one by one share one open file ({@link ParquetArrays.Reader}: the file is opened
 * and its offset index read once, not per series), kept open until {@link #close()}: the day market
 * closes its entries when the day is done. A series asked for after that, or from another thread
 * than the one that opened the file, is read with a file handle of its own, as before.
 *
 * <p>An entry whose pages turn out unreadable (truncated or corrupt past the footer) is rebuilt
 * from the packed files with a warning, as a bad entry found at open is. Thread-safe.
 */
public final class ChainEntry implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(ChainEntry.class);

  /**
   * Series read one by one before the rest of the chain is read whole. A lazy series read costs
   * about 1/34 of a whole chain read (bench preset, {@code CacheFormatBench}, see
   * docs/DATA_LAYER.md). Switching after about that many (the ski-rental rule) keeps the worst
   * case, a day market that ends up using every series, within twice the cost of reading the chain
   * whole at once, while a strategy that uses a few series of a chain (most do) reads a few pages.
   */
  static final int WHOLE_CHAIN_AFTER = 32;

  private final SecondsCache cache;
  private final PackedCatalog catalog;
  private final Session session;
  private final LocalDate expiry;
  private ParquetArrays.Footer footer; // set while the chain is on disk only
  private Map<Long, long[]> rows; // the footer's series rows
  private boolean hasOi;
  private ChainDay chain; // set once the whole chain is in memory
  private final Map<Long, SecondBars> series = new HashMap<>();
  private int seriesReads;
  private ParquetArrays.Reader reader; // open for series reads, until the chain is whole or closed
  private boolean closed;

  /** A chain just built (a cache miss): everything is in memory. */
  ChainEntry(
      SecondsCache cache,
      PackedCatalog catalog,
      Session session,
      LocalDate expiry,
      ChainDay chain) {
    this(cache, catalog, session, expiry);
    this.chain = requireNonNull(chain, "chain is null");
  }

  /** A fresh entry on disk whose footer has been read. */
  ChainEntry(
      SecondsCache cache,
      PackedCatalog catalog,
      Session session,
      LocalDate expiry,
      ParquetArrays.Footer footer,
      Map<Long, long[]> rows,
      boolean hasOi) {
    this(cache, catalog, session, expiry);
    this.footer = requireNonNull(footer, "footer is null");
    this.rows = requireNonNull(rows, "rows is null");
    this.hasOi = hasOi;
  }

  private ChainEntry(SecondsCache cache, PackedCatalog catalog, Session session, LocalDate expiry) {
    this.cache = requireNonNull(cache, "cache is null");
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.session = requireNonNull(session, "session is null");
    this.expiry = requireNonNull(expiry, "expiry is null");
  }

  /** The (sparse) bars of one series, or null when it has no trade that day. */
  public synchronized SecondBars bars(OptionType type, int strike)
      throws DataFileException, IOException {
    if (chain != null) {
      return chain.bars(type, strike);
    }
    long key = ChainDay.key(type.ordinal(), strike);
    long[] r = rows.get(key);
    if (r == null) {
      return null; // the footer says: no trade today
    }
    SecondBars b = series.get(key);
    if (b != null) {
      return b;
    }
    if (seriesReads >= WHOLE_CHAIN_AFTER) {
      LOG.debug(
          "{}: {} series read one by one, reading the whole chain", footer.file(), seriesReads);
      return chain().bars(type, strike);
    }
    try {
      b = readSeries(r);
    } catch (IOException | RuntimeException e) {
      rebuild(e);
      return chain.bars(type, strike);
    }
    seriesReads++;
    LOG.debug("{}: {} {} read alone ({} rows)", footer.file(), type, strike, r[1] - r[0]);
    series.put(key, b);
    return b;
  }

  private SecondBars readSeries(long[] r) throws IOException {
    if (closed || (reader != null && !reader.isOwnedByCurrentThread())) {
      return ChainParquet.readSeries(footer, session.seconds(), r, hasOi);
    }
    if (reader == null) {
      reader = ChainParquet.openSeries(footer);
    }
    return ChainParquet.readSeries(reader, session.seconds(), r, hasOi);
  }

  /**
   * Closes the file kept open for series reads, if any. The entry stays usable: later reads open
   * the file for each read.
   */
  @Override
  public synchronized void close() throws IOException {
    closed = true;
    closeReader();
  }

  /** True while a file is held open for series reads (for tests). */
  synchronized boolean holdsOpenFile() {
    return reader != null;
  }

  private void closeReader() throws IOException {
    ParquetArrays.Reader r = reader;
    reader = null;
    if (r != null) {
      r.close();
    }
  }

  private void closeQuietly() {
    try {
      closeReader();
    } catch (IOException e) {
      LOG.debug("closing {}: {}", footer.file(), e.getMessage());
    }
  }

  /** The whole chain, read from the entry (or rebuilt if it cannot be read) on first use. */
  public synchronized ChainDay chain() throws DataFileException, IOException {
    if (chain == null) {
      closeQuietly();
      try {
        chain = ChainParquet.read(footer, session.seconds()).chain();
      } catch (IOException | RuntimeException e) {
        rebuild(e);
      }
      footer = null;
      rows = null;
      series.clear();
    }
    return chain;
  }

  /** True once the whole chain is in memory (built, or read whole). */
  synchronized boolean isWhole() {
    return chain != null;
  }

  private void rebuild(Exception cause) throws DataFileException, IOException {
    LOG.warn(
        "seconds cache entry {} is unreadable ({}): rebuilding", footer.file(), cause.getMessage());
    closeQuietly();
    chain = cache.rebuild(catalog, session, expiry);
    footer = null;
    rows = null;
    series.clear();
  }
}
