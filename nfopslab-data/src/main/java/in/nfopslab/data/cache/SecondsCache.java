package in.nfopslab.data.cache;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.calendar.Session;
import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.core.market.SecondBars;
import in.nfopslab.data.catalog.PackedCatalog;
import in.nfopslab.data.read.BarReader;
import in.nfopslab.data.read.DataFileException;
import in.nfopslab.data.read.DataWarning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-second CE/PE cache: one Parquet file per (symbol, expiry, trade date) holding the sparse bars of the
 * whole chain, at {@code cache/seconds/{SYMBOL}/exp={E}/date={D}.parquet}. One file per chain-day instead of one
 * per strike-day (the prototype wrote ~25,000 small files) keeps the file count and the open/footer cost low,
 * and a strategy that looks at one strike usually looks at its neighbours too.
 *
 * <p>An entry records what it was built from (every source file's path, size and modification time, the session
 * bounds and the cache format version) and is rebuilt when any of that changes. Writes are atomic (temporary
 * file, then rename), so concurrent builders of one entry never corrupt it; in one process a per-entry lock
 * also stops the same entry from being built twice at once. Thread-safe.
 */
public final class SecondsCache {
  private static final Logger LOG = LoggerFactory.getLogger(SecondsCache.class);

  /** Bump when the entry layout or the bar semantics change: every entry is then rebuilt. */
  public static final int FORMAT_VERSION = 1;

  static final String META_FORMAT = "nfops.cache.format";
  static final String META_SOURCES = "nfops.cache.sources";
  static final String META_SERIES = "nfops.cache.series";
  static final String META_HAS_OI = "nfops.cache.has_oi";
  static final String META_WARNINGS = "nfops.cache.warnings";

  private final LabPaths paths;
  private final BarReader reader;
  private final ConcurrentHashMap<Path, Object> locks = new ConcurrentHashMap<>();
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong builds = new AtomicLong();

  public SecondsCache(LabPaths paths, BarReader reader) {
    this.paths = requireNonNull(paths, "paths is null");
    this.reader = requireNonNull(reader, "reader is null");
  }

  public SecondsCache(LabPaths paths) {
    this(paths, new BarReader());
  }

  public Path root() {
    return paths.secondsCache();
  }

  public Path entryPath(Symbol symbol, LocalDate expiry, LocalDate date) {
    return paths.secondsCache().resolve(symbol.name()).resolve("exp=" + expiry).resolve("date=" + date + ".parquet");
  }

  public long hits() {
    return hits.get();
  }

  public long builds() {
    return builds.get();
  }

  /**
   * The chain of {@code expiry} on the session's day: from the cache when the entry is fresh, else built from the
   * packed files and written to the cache. A file that cannot be read fails the whole chain-day, naming the file.
   */
  public ChainDay load(PackedCatalog catalog, Session session, LocalDate expiry) throws DataFileException, IOException {
    Path entry = entryPath(catalog.symbol(), expiry, session.date());
    List<Source> sources = sources(catalog, expiry);
    String fingerprint = fingerprint(sources, session);
    synchronized (locks.computeIfAbsent(entry, k -> new Object())) {
      ChainDay cached = readIfFresh(entry, session, fingerprint);
      if (cached != null) {
        hits.incrementAndGet();
        return cached;
      }
      ChainDay built = build(catalog, sources, session);
      Map<String, String> meta = new LinkedHashMap<>();
      meta.put(META_FORMAT, Integer.toString(FORMAT_VERSION));
      meta.put(META_SOURCES, fingerprint);
      meta.put(META_SERIES, ChainParquet.formatSeries(series(sources)));
      meta.put(META_HAS_OI, Boolean.toString(built.oiArray() != null));
      try {
        ChainParquet.write(entry, built, meta);
      } catch (IOException e) {
        // an unwritable cache must not fail the run: the bars are in memory, only the next run pays again
        LOG.warn("cannot write seconds cache entry {}: {}", entry, e.getMessage());
      }
      builds.incrementAndGet();
      return built;
    }
  }

  /** True when the entry exists and was built from exactly the current source files. */
  public boolean isFresh(PackedCatalog catalog, Session session, LocalDate expiry) throws IOException {
    Path entry = entryPath(catalog.symbol(), expiry, session.date());
    return Files.isRegularFile(entry) && fingerprint(sources(catalog, expiry), session).equals(readFingerprint(entry));
  }

  private ChainDay readIfFresh(Path entry, Session session, String fingerprint) {
    if (!Files.isRegularFile(entry)) {
      return null;
    }
    try {
      ChainParquet.Entry e = ChainParquet.read(entry, session.seconds(), null);
      if (!Integer.toString(FORMAT_VERSION).equals(e.metadata().get(META_FORMAT))
          || !fingerprint.equals(e.metadata().get(META_SOURCES))) {
        LOG.debug("seconds cache entry {} is stale: rebuilding", entry);
        return null;
      }
      return e.chain();
    } catch (IOException | RuntimeException ex) {
      LOG.warn("seconds cache entry {} is unreadable ({}): rebuilding", entry, ex.getMessage());
      return null;
    }
  }

  static String readFingerprint(Path entry) {
    try (org.apache.parquet.hadoop.ParquetFileReader r = org.apache.parquet.hadoop.ParquetFileReader.open(
        new org.apache.parquet.io.LocalInputFile(entry))) {
      Map<String, String> kv = r.getFooter().getFileMetaData().getKeyValueMetaData();
      return Integer.toString(FORMAT_VERSION).equals(kv.get(META_FORMAT)) ? kv.get(META_SOURCES) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private ChainDay build(PackedCatalog catalog, List<Source> sources, Session session) throws DataFileException {
    long from = session.epochNanosAt(0);
    long to = session.epochNanosAt(session.seconds());
    int seconds = session.seconds();
    IntList type = new IntList();
    IntList strike = new IntList();
    IntList second = new IntList();
    DoubleList close = new DoubleList();
    LongList volume = new LongList();
    IntList ticks = new IntList();
    LongList oi = new LongList();
    boolean anyOi = false;
    List<DataWarning> warnings = new ArrayList<>();
    for (Source s : sources) {
      if (!catalog.mayHaveTicks(s.file, from, to, s.mtimeMillis)) {
        continue; // the manifest says this file has no tick today: listed as a strike, not opened
      }
      SecondBars b = reader.readDay(s.file, session, warnings);
      anyOi |= b.hasOi();
      for (int t = 0; t < seconds; t++) {
        int n = b.ticks(t);
        if (n > 0) {
          type.add(s.type.ordinal());
          strike.add(s.strike);
          second.add(t);
          close.add(b.close(t));
          volume.add(b.volume(t));
          ticks.add(n);
          oi.add(b.oi(t));
        }
      }
    }
    for (DataWarning w : warnings) {
      LOG.info("{}", w);
    }
    return new ChainDay(seconds, type.toArray(), strike.toArray(), second.toArray(), close.toArray(),
        volume.toArray(), ticks.toArray(), anyOi ? oi.toArray() : null, series(sources));
  }

  private static List<long[]> series(List<Source> sources) {
    List<long[]> out = new ArrayList<>(sources.size());
    for (Source s : sources) {
      out.add(new long[] {s.type.ordinal(), s.strike});
    }
    return out;
  }

  private List<Source> sources(PackedCatalog catalog, LocalDate expiry) throws IOException {
    List<Source> out = new ArrayList<>();
    for (OptionType t : OptionType.values()) {
      NavigableMap<Integer, Path> files = catalog.optionFiles(expiry, t);
      for (Map.Entry<Integer, Path> e : files.entrySet()) {
        BasicFileAttributes a = Files.readAttributes(e.getValue(), BasicFileAttributes.class);
        out.add(new Source(t, e.getKey(), e.getValue(), a.size(), a.lastModifiedTime().toMillis()));
      }
    }
    return out;
  }

  private String fingerprint(List<Source> sources, Session session) {
    StringBuilder sb = new StringBuilder(sources.size() * 96);
    sb.append("v").append(FORMAT_VERSION).append(' ').append(session.open()).append('-').append(session.close());
    for (Source s : sources) {
      sb.append('\n').append(paths.data().relativize(s.file.toAbsolutePath())).append('\t').append(s.size)
          .append('\t').append(s.mtimeMillis);
    }
    return sb.toString();
  }

  /** One source file of a chain. */
  private record Source(OptionType type, int strike, Path file, long size, long mtimeMillis) {}

  /** Growable primitive arrays, so building allocates per chain, not per bar. */
  private static final class IntList {
    int[] a = new int[1024];
    int n;

    void add(int v) {
      if (n == a.length) {
        a = java.util.Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(a, n);
    }
  }

  private static final class LongList {
    long[] a = new long[1024];
    int n;

    void add(long v) {
      if (n == a.length) {
        a = java.util.Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    long[] toArray() {
      return java.util.Arrays.copyOf(a, n);
    }
  }

  private static final class DoubleList {
    double[] a = new double[1024];
    int n;

    void add(double v) {
      if (n == a.length) {
        a = java.util.Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    double[] toArray() {
      return java.util.Arrays.copyOf(a, n);
    }
  }
}
