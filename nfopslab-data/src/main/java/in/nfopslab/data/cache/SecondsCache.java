package in.nfopslab.data.cache;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.calendar.Session;
import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.data.catalog.PackedCatalog;
import in.nfopslab.data.read.BarBuilder;
import in.nfopslab.data.read.BarReader;
import in.nfopslab.data.read.DataFileException;
import in.nfopslab.data.read.DataWarning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
  private static final ThreadLocal<ChainRows> ROWS = ThreadLocal.withInitial(ChainRows::new);

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
      ChainDay built = build(sources, session);
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

  /**
   * The chain of {@code expiry} on the session's day built from the packed files, without looking at or writing the
   * cache (what a cold load costs; benchmarks and checks use it).
   */
  public ChainDay build(PackedCatalog catalog, Session session, LocalDate expiry) throws DataFileException, IOException {
    return build(sources(catalog, expiry), session);
  }

  private ChainDay build(List<Source> sources, Session session) throws DataFileException {
    ChainRows rows = ROWS.get();
    rows.clear();
    boolean anyOi = false;
    List<DataWarning> warnings = new ArrayList<>();
    for (Source s : sources) {
      rows.series(s.type.ordinal(), s.strike);
      // sparse: only the seconds with trades, straight into the chain's columns
      anyOi |= reader.readDay(s.file, session, warnings, rows);
    }
    for (DataWarning w : warnings) {
      LOG.info("{}", w);
    }
    ChainDay chain = rows.toChain(session.seconds(), anyOi, series(sources));
    rows.trim();
    return chain;
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

  /**
   * The chain-day being built, as growable primitive columns reused by the thread's next build (so building
   * allocates the final arrays and little else). Receives each series' bars from the reader in order.
   */
  private static final class ChainRows implements BarBuilder.Sink {
    /** Columns above this many bars are not kept for the next build. */
    private static final int MAX_RETAINED = 1 << 21;

    int[] type = new int[4096];
    int[] strike = new int[4096];
    int[] second = new int[4096];
    double[] close = new double[4096];
    long[] volume = new long[4096];
    int[] ticks = new int[4096];
    long[] oi = new long[4096];
    int n;
    int curType;
    int curStrike;

    void clear() {
      n = 0;
    }

    void series(int t, int k) {
      curType = t;
      curStrike = k;
    }

    @Override
    public void bar(int sec, double c, long v, int count, long o) {
      if (n == type.length) {
        grow();
      }
      final int i = n++;
      type[i] = curType;
      strike[i] = curStrike;
      second[i] = sec;
      close[i] = c;
      volume[i] = v;
      ticks[i] = count;
      oi[i] = o;
    }

    private void grow() {
      int c = type.length * 2;
      type = Arrays.copyOf(type, c);
      strike = Arrays.copyOf(strike, c);
      second = Arrays.copyOf(second, c);
      close = Arrays.copyOf(close, c);
      volume = Arrays.copyOf(volume, c);
      ticks = Arrays.copyOf(ticks, c);
      oi = Arrays.copyOf(oi, c);
    }

    ChainDay toChain(int seconds, boolean anyOi, List<long[]> series) {
      return new ChainDay(seconds, Arrays.copyOf(type, n), Arrays.copyOf(strike, n), Arrays.copyOf(second, n),
          Arrays.copyOf(close, n), Arrays.copyOf(volume, n), Arrays.copyOf(ticks, n), anyOi ? Arrays.copyOf(oi, n) : null,
          series);
    }

    void trim() {
      if (type.length > MAX_RETAINED) {
        ChainRows fresh = new ChainRows();
        type = fresh.type;
        strike = fresh.strike;
        second = fresh.second;
        close = fresh.close;
        volume = fresh.volume;
        ticks = fresh.ticks;
        oi = fresh.oi;
      }
      n = 0;
    }
  }
}
