package in.nfopslab.data.cache;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.calendar.Session;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.io.AtomicFiles;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.core.market.SecondBars;
import in.nfopslab.data.parquet.ParquetColumns;
import in.nfopslab.data.read.BarReader;
import in.nfopslab.data.read.DataFileException;
import in.nfopslab.data.read.DataWarning;
import in.nfopslab.data.read.ParquetArrays;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * The per-second bars of one underlying series (spot, or the day's nearest futures) on one trading
 * day, cached so a warm run does not decode the tick files again: {@code
 * cache/seconds/{SYMBOL}/{spot|futures}/date={D}.parquet}, next to the option chain entries of
 * {@link SecondsCache}.
 *
 * <p>An entry holds the dense bars exactly as {@link BarReader#readDay} made them, one row per
 * session second ({@code close} NaN before the first trade), so a hit is a copy of four columns and
 * no bar logic is repeated. It records what it was built from (format version, session bounds, the
 * source file's path relative to the data folder, size and modification time) and is rebuilt when
 * any of that changes; an unreadable entry is rebuilt with a warning. A source that cannot be read
 * raises the reader's {@link DataFileException} naming it; nothing is written then. Writes are
 * atomic (temporary file, then rename); in one process a per-entry lock stops the same entry from
 * being built twice at once. A cache that cannot be written only costs speed (a warning, the bars
 * come from memory). Thread-safe.
 */
public final class BarsCache {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BarsCache.class);

  /** Which series of the underlying; the name is the entry's folder. */
  public enum Kind {
    SPOT("spot"),
    FUTURES("futures");

    private final String folder;

    Kind(String folder) {
      this.folder = folder;
    }

    public String folder() {
      return folder;
    }
  }

  /** Bump when the entry layout or the bar semantics change: every entry is then rebuilt. */
  public static final int FORMAT_VERSION = 1;

  static final String META_FORMAT = "nfops.bars.format";
  static final String META_SOURCE = "nfops.bars.source";
  static final String META_HAS_OI = "nfops.bars.has_oi";

  private static final MessageType SCHEMA =
      new MessageType(
          "bars",
          Types.required(PrimitiveTypeName.DOUBLE).named("close"),
          Types.required(PrimitiveTypeName.INT64).named("volume"),
          Types.required(PrimitiveTypeName.INT32)
              .as(LogicalTypeAnnotation.intType(32, true))
              .named("ticks"),
          Types.required(PrimitiveTypeName.INT64).named("oi"));

  private final LabPaths paths;
  private final BarReader reader;
  private final ConcurrentHashMap<Path, Object> locks = new ConcurrentHashMap<>();
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong builds = new AtomicLong();

  public BarsCache(LabPaths paths, BarReader reader) {
    this.paths = requireNonNull(paths, "paths is null");
    this.reader = requireNonNull(reader, "reader is null");
  }

  public Path entryPath(Symbol symbol, Kind kind, LocalDate date) {
    return paths
        .secondsCache()
        .resolve(symbol.name())
        .resolve(kind.folder())
        .resolve("date=" + date + ".parquet");
  }

  public long hits() {
    return hits.get();
  }

  public long builds() {
    return builds.get();
  }

  /**
   * The bars of {@code source} on the session's day: from the entry when it is fresh, else read
   * from the source (its warnings added to {@code warnings}) and written to the cache.
   */
  public SecondBars load(
      Symbol symbol, Kind kind, Path source, Session session, List<DataWarning> warnings)
      throws DataFileException {
    requireNonNull(source, "source is null");
    Path entry = entryPath(symbol, kind, session.date());
    String fingerprint = fingerprint(source, session);
    synchronized (locks.computeIfAbsent(entry, k -> new Object())) {
      SecondBars cached = fingerprint == null ? null : readIfFresh(entry, session, fingerprint);
      if (cached != null) {
        hits.incrementAndGet();
        return cached;
      }
      SecondBars bars = reader.readDay(source, session, warnings);
      if (fingerprint != null) {
        write(entry, bars, fingerprint);
        builds.incrementAndGet();
      }
      return bars;
    }
  }

  /** True when the entry exists and was built from exactly the current source file. */
  public boolean isFresh(Symbol symbol, Kind kind, Path source, Session session) {
    Path entry = entryPath(symbol, kind, session.date());
    String fingerprint = fingerprint(source, session);
    return fingerprint != null && readIfFresh(entry, session, fingerprint) != null;
  }

  private SecondBars readIfFresh(Path entry, Session session, String fingerprint) {
    if (!Files.isRegularFile(entry)) {
      return null;
    }
    try {
      ParquetArrays.Result r =
          ParquetArrays.read(entry, List.of("volume", "ticks", "oi"), List.of("close"));
      Map<String, String> kv = r.metadata();
      if (!Integer.toString(FORMAT_VERSION).equals(kv.get(META_FORMAT))
          || !fingerprint.equals(kv.get(META_SOURCE))) {
        LOG.info("bars cache entry {} is stale: rebuilding", entry);
        return null;
      }
      if (r.rows() != session.seconds()) {
        throw new IOException(
            r.rows() + " rows for a session of " + session.seconds() + " seconds");
      }
      long[] t = r.longs().get("ticks");
      int[] ticks = new int[t.length];
      for (int i = 0; i < t.length; i++) {
        ticks[i] = (int) t[i];
      }
      long[] oi = Boolean.parseBoolean(kv.get(META_HAS_OI)) ? r.longs().get("oi") : null;
      return new SecondBars(r.doubles().get("close"), r.longs().get("volume"), ticks, oi);
    } catch (IOException | RuntimeException ex) {
      LOG.warn("bars cache entry {} is unreadable ({}): rebuilding", entry, ex.getMessage());
      return null;
    }
  }

  private void write(Path entry, SecondBars bars, String fingerprint) {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put(META_FORMAT, Integer.toString(FORMAT_VERSION));
    meta.put(META_SOURCE, fingerprint);
    meta.put(META_HAS_OI, Boolean.toString(bars.hasOi()));
    try {
      AtomicFiles.write(
          entry,
          tmp ->
              ParquetColumns.write(
                  tmp,
                  SCHEMA,
                  meta,
                  bars.length(),
                  (out, i) -> {
                    ParquetColumns.putDouble(out, "close", 0, bars.close(i));
                    ParquetColumns.putLong(out, "volume", 1, bars.volume(i));
                    ParquetColumns.putInt(out, "ticks", 2, bars.ticks(i));
                    ParquetColumns.putLong(out, "oi", 3, bars.oi(i));
                  },
                  Set.of()));
    } catch (IOException e) {
      // an unwritable cache must not fail the run: the bars are in memory, only the next run pays
      // again
      LOG.warn("cannot write bars cache entry {}: {}", entry, e.getMessage());
    }
  }

  /**
   * What an entry is built from, or null when the source's attributes cannot be read (it is then
   * read directly, so the reader reports the fault by its usual exception).
   */
  private String fingerprint(Path source, Session session) {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(source, BasicFileAttributes.class);
    } catch (IOException e) {
      return null;
    }
    return "v"
        + FORMAT_VERSION
        + ' '
        + session.open()
        + '-'
        + session.close()
        + '\n'
        + paths.data().relativize(source.toAbsolutePath())
        + '\t'
        + a.size()
        + '\t'
        + a.lastModifiedTime().toMillis();
  }
}
