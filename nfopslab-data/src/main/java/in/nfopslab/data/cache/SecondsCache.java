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
import in.nfopslab.data.read.ParquetArrays;
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
 * The per-second CE/PE cache: one Parquet file per (symbol, expiry, trade date) holding the sparse
 * bars of the whole chain, at {@code cache/seconds/{SYMBOL}/exp={E}/date={D}.parquet}. One file per
 * chain-day instead of one per strike-day (the prototype wrote ~25,000 small files) keeps the file
 * count and the open/footer cost low, and a strategy that looks at one strike usually looks at its
 * neighbours too.
 *
 * <p>An entry records what it was built from (every source file's path, size and modification time,
 * the session bounds and the cache format version) and is rebuilt when any of that changes. Writes
 * are atomic (temporary file, then rename), so concurrent builders of one entry never corrupt it;
 * in one process a per-entry lock also stops the same entry from being built twice at once.
 * Thread-safe.
 */
public final class SecondsCache {
  private static final Logger LOG = LoggerFactory.getLogger(SecondsCache.class);

  /**
   * Default for the most trading days built from one read of a file ({@link #warm}): a week. Each
   * day's chain is held in memory until the group is done (up to ~18 MB per chain-day for the bench
   * preset's 90 strikes a day), so this bounds the memory of a build per worker whatever the date
   * range; fewer days mean less memory and more decoding (a page of a far strike spans many days
   * and is decoded once per group).
   */
  public static final int DEFAULT_DAYS_PER_READ = 5;

  public static final int MAX_DAYS_PER_READ = 31;

  /** Bump when the entry layout or the bar semantics change: every entry is then rebuilt. */
  public static final int FORMAT_VERSION =
      3; // 2: v1 pages, LZ4_RAW, series row ranges; 3: no codec

  static final String META_FORMAT = "nfops.cache.format";
  static final String META_SOURCES = "nfops.cache.sources";
  static final String META_SERIES = "nfops.cache.series";
  static final String META_HAS_OI = "nfops.cache.has_oi";
  static final String META_WARNINGS = "nfops.cache.warnings";

  /**
   * Row range of every series with trades ({@link ChainParquet#formatRows}): what a lazy series
   * load reads.
   */
  static final String META_ROWS = "nfops.cache.rows";

  private final LabPaths paths;
  private final BarReader reader;
  private final int daysPerRead;
  private final ConcurrentHashMap<Path, Object> locks = new ConcurrentHashMap<>();
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong builds = new AtomicLong();
  private static final ThreadLocal<ChainRows[]> ROWS =
      ThreadLocal.withInitial(
          () -> {
            ChainRows[] r = new ChainRows[MAX_DAYS_PER_READ];
            for (int i = 0; i < r.length; i++) {
              r[i] = new ChainRows();
            }
            return r;
          });

  /**
   * @param daysPerRead most trading days built from one read of each file (1..{@value
   *     #MAX_DAYS_PER_READ})
   */
  public SecondsCache(LabPaths paths, BarReader reader, int daysPerRead) {
    this.paths = requireNonNull(paths, "paths is null");
    this.reader = requireNonNull(reader, "reader is null");
    if (daysPerRead < 1 || daysPerRead > MAX_DAYS_PER_READ) {
      throw new IllegalArgumentException(
          "days per read must be 1.." + MAX_DAYS_PER_READ + ", got " + daysPerRead);
    }
    this.daysPerRead = daysPerRead;
  }

  public SecondsCache(LabPaths paths, BarReader reader) {
    this(paths, reader, DEFAULT_DAYS_PER_READ);
  }

  public SecondsCache(LabPaths paths) {
    this(paths, new BarReader());
  }

  /** Most trading days built from one read of each file. */
  public int daysPerRead() {
    return daysPerRead;
  }

  public Path root() {
    return paths.secondsCache();
  }

  public Path entryPath(Symbol symbol, LocalDate expiry, LocalDate date) {
    return paths
        .secondsCache()
        .resolve(symbol.name())
        .resolve("exp=" + expiry)
        .resolve("date=" + date + ".parquet");
  }

  public long hits() {
    return hits.get();
  }

  public long builds() {
    return builds.get();
  }

  /**
   * The chain of {@code expiry} on the session's day: from the cache when the entry is fresh, else
   * built from the packed files and written to the cache. A file that cannot be read fails the
   * whole chain-day, naming the file.
   */
  public ChainDay load(PackedCatalog catalog, Session session, LocalDate expiry)
      throws DataFileException, IOException {
    return load(catalog, session, expiry, List.of());
  }

  /**
   * As {@link #load(PackedCatalog, Session, LocalDate)}; on a miss, the chain is built together
   * with the {@code ahead} days (later trading days the caller expects to need, ascending) that are
   * not cached yet, up to {@link #daysPerRead()} days in one read of each file, and all of them are
   * written to the cache.
   */
  public ChainDay load(
      PackedCatalog catalog, Session session, LocalDate expiry, List<Session> ahead)
      throws DataFileException, IOException {
    return open(catalog, session, expiry, ahead).chain();
  }

  /**
   * The chain of {@code expiry} on the session's day as an entry whose series load on first use. On
   * a hit only the entry's footer is read here (is it fresh, and where is each series); on a miss
   * the chain is built with the {@code ahead} days as {@link #load(PackedCatalog, Session,
   * LocalDate, List)} does, written, and kept in memory.
   */
  public ChainEntry open(
      PackedCatalog catalog, Session session, LocalDate expiry, List<Session> ahead)
      throws DataFileException, IOException {
    Path entry = entryPath(catalog.symbol(), expiry, session.date());
    List<Source> sources = sources(catalog, expiry);
    String fingerprint = fingerprint(sources, session);
    synchronized (locks.computeIfAbsent(entry, k -> new Object())) {
      ChainEntry cached = openIfFresh(catalog, session, expiry, entry, fingerprint);
      if (cached != null) {
        hits.incrementAndGet();
        return cached;
      }
      List<Session> group = new ArrayList<>();
      group.add(session);
      for (Session s : ahead) {
        Path e = entryPath(catalog.symbol(), expiry, s.date());
        if (group.size() == daysPerRead
            || (Files.isRegularFile(e) && fingerprint(sources, s).equals(readFingerprint(e)))) {
          break; // stop at the first day already cached: the group stays consecutive
        }
        group.add(s);
      }
      List<ChainDay> built = build(catalog, sources, group);
      for (int d = 0; d < group.size(); d++) {
        write(
            entryPath(catalog.symbol(), expiry, group.get(d).date()),
            built.get(d),
            sources,
            group.get(d));
        builds.incrementAndGet();
      }
      return new ChainEntry(this, catalog, session, expiry, built.get(0));
    }
  }

  /**
   * Builds the chain of {@code expiry} on the session's day again and writes it, whatever the entry
   * holds: for an entry whose footer looked fresh but whose pages cannot be read.
   */
  ChainDay rebuild(PackedCatalog catalog, Session session, LocalDate expiry)
      throws DataFileException, IOException {
    Path entry = entryPath(catalog.symbol(), expiry, session.date());
    List<Source> sources = sources(catalog, expiry);
    synchronized (locks.computeIfAbsent(entry, k -> new Object())) {
      ChainDay built = build(catalog, sources, List.of(session)).get(0);
      write(entry, built, sources, session);
      builds.incrementAndGet();
      return built;
    }
  }

  /** True when the entry exists and was built from exactly the current source files. */
  public boolean isFresh(PackedCatalog catalog, Session session, LocalDate expiry)
      throws IOException {
    Path entry = entryPath(catalog.symbol(), expiry, session.date());
    return Files.isRegularFile(entry)
        && fingerprint(sources(catalog, expiry), session).equals(readFingerprint(entry));
  }

  /**
   * The entry from its footer alone when it is fresh; null when it is missing, stale or unreadable
   * (logged).
   */
  private ChainEntry openIfFresh(
      PackedCatalog catalog, Session session, LocalDate expiry, Path entry, String fingerprint) {
    if (!Files.isRegularFile(entry)) {
      return null;
    }
    try {
      ParquetArrays.Footer footer = ParquetArrays.footer(entry);
      Map<String, String> kv = footer.keyValue();
      if (!Integer.toString(FORMAT_VERSION).equals(kv.get(META_FORMAT))
          || !fingerprint.equals(kv.get(META_SOURCES))) {
        LOG.debug("seconds cache entry {} is stale: rebuilding", entry);
        return null;
      }
      Map<Long, long[]> rows = ChainParquet.parseRows(kv.get(META_ROWS), footer.rows());
      return new ChainEntry(
          this, catalog, session, expiry, footer, rows, "true".equals(kv.get(META_HAS_OI)));
    } catch (IOException | RuntimeException ex) {
      LOG.warn("seconds cache entry {} is unreadable ({}): rebuilding", entry, ex.getMessage());
      return null;
    }
  }

  static String readFingerprint(Path entry) {
    try {
      Map<String, String> kv = ParquetArrays.footer(entry).keyValue();
      return Integer.toString(FORMAT_VERSION).equals(kv.get(META_FORMAT))
          ? kv.get(META_SOURCES)
          : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Fills the cache for {@code expiry} on {@code sessions} (ascending trading days): entries that
   * are fresh are left alone, the others are built and written. Missing days that follow each other
   * are built together, up to {@link #daysPerRead()} at a time, so each packed file is read once
   * per group instead of once per day (see {@link BarReader#readDays}). Returns how many entries
   * were built. Entries are written atomically; two processes warming the same entry both write the
   * same content.
   */
  public int warm(PackedCatalog catalog, List<Session> sessions, LocalDate expiry)
      throws DataFileException, IOException {
    List<Source> sources = sources(catalog, expiry);
    List<Session> group = new ArrayList<>();
    int built = 0;
    int previous = -2;
    for (int i = 0; i < sessions.size(); i++) {
      Session session = sessions.get(i);
      Path entry = entryPath(catalog.symbol(), expiry, session.date());
      if (Files.isRegularFile(entry)
          && fingerprint(sources, session).equals(readFingerprint(entry))) {
        hits.incrementAndGet();
        continue;
      }
      if (!group.isEmpty() && (i != previous + 1 || group.size() == daysPerRead)) {
        built += buildAndWrite(catalog, sources, group, expiry);
        group.clear();
      }
      group.add(session);
      previous = i;
    }
    if (!group.isEmpty()) {
      built += buildAndWrite(catalog, sources, group, expiry);
    }
    return built;
  }

  private int buildAndWrite(
      PackedCatalog catalog, List<Source> sources, List<Session> sessions, LocalDate expiry)
      throws DataFileException {
    List<ChainDay> chains = build(catalog, sources, sessions);
    for (int d = 0; d < sessions.size(); d++) {
      write(
          entryPath(catalog.symbol(), expiry, sessions.get(d).date()),
          chains.get(d),
          sources,
          sessions.get(d));
      builds.incrementAndGet();
    }
    return sessions.size();
  }

  private void write(Path entry, ChainDay built, List<Source> sources, Session session) {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put(META_FORMAT, Integer.toString(FORMAT_VERSION));
    meta.put(META_SOURCES, fingerprint(sources, session));
    meta.put(META_SERIES, ChainParquet.formatSeries(series(sources)));
    meta.put(META_HAS_OI, Boolean.toString(built.oiArray() != null));
    try {
      ChainParquet.write(entry, built, meta);
    } catch (IOException e) {
      // an unwritable cache must not fail the run: the bars are in memory, only the next run pays
      // again
      LOG.warn("cannot write seconds cache entry {}: {}", entry, e.getMessage());
    }
  }

  /**
   * The chain of {@code expiry} on the session's day built from the packed files, without looking
   * at or writing the cache (what a cold load costs; benchmarks and checks use it).
   */
  public ChainDay build(PackedCatalog catalog, Session session, LocalDate expiry)
      throws DataFileException, IOException {
    return build(catalog, sources(catalog, expiry), List.of(session)).get(0);
  }

  /**
   * The chains of {@code expiry} on several trading days (ascending, at most {@link #daysPerRead()}
   * of them), each packed file read once for all of them; nothing is read from or written to the
   * cache.
   */
  public List<ChainDay> build(PackedCatalog catalog, List<Session> sessions, LocalDate expiry)
      throws DataFileException, IOException {
    if (sessions.size() > daysPerRead) {
      throw new IllegalArgumentException(
          "at most " + daysPerRead + " days at once, got " + sessions.size());
    }
    return build(catalog, sources(catalog, expiry), sessions);
  }

  private List<ChainDay> build(PackedCatalog catalog, List<Source> sources, List<Session> sessions)
      throws DataFileException {
    final int days = sessions.size();
    final long from = sessions.get(0).epochNanosAt(0);
    final Session last = sessions.get(days - 1);
    final long to = last.epochNanosAt(last.seconds());
    ChainRows[] rows = ROWS.get();
    for (int d = 0; d < days; d++) {
      rows[d].clear();
    }
    boolean anyOi = false;
    List<DataWarning> warnings = new ArrayList<>();
    for (Source s : sources) {
      if (!catalog.mayHaveTicks(s.file, from, to, s.mtimeMillis)) {
        continue; // the manifest says this file has no tick on these days: listed as a strike, not
        // opened
      }
      for (int d = 0; d < days; d++) {
        rows[d].series(s.type.ordinal(), s.strike);
      }
      // sparse: only the seconds with trades, straight into each day's chain columns
      anyOi |=
          days == 1
              ? reader.readDay(s.file, sessions.get(0), warnings, rows[0])
              : reader.readDays(s.file, sessions, warnings, d -> rows[d]);
    }
    for (DataWarning w : warnings) {
      LOG.info("{}", w);
    }
    List<ChainDay> out = new ArrayList<>(days);
    List<long[]> series = series(sources);
    for (int d = 0; d < days; d++) {
      out.add(rows[d].toChain(sessions.get(d).seconds(), anyOi, series));
    }
    return out;
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
    sb.append("v")
        .append(FORMAT_VERSION)
        .append(' ')
        .append(session.open())
        .append('-')
        .append(session.close());
    for (Source s : sources) {
      sb.append('\n')
          .append(paths.data().relativize(s.file.toAbsolutePath()))
          .append('\t')
          .append(s.size)
          .append('\t')
          .append(s.mtimeMillis);
    }
    return sb.toString();
  }

  /** One source file of a chain. */
  private record Source(OptionType type, int strike, Path file, long size, long mtimeMillis) {}

  /**
   * The chain-day being built, as growable primitive columns. Receives each series' bars from the
   * reader in order. Starts at the size of the thread's previous chain-day in the same slot (chains
   * of one expiry on consecutive days are alike), grows by half, and lets go of its arrays once the
   * chain is made, so a thread holds only the chains it is building.
   */
  private static final class ChainRows implements BarBuilder.Sink {
    private static final int MIN_CAPACITY = 4096;

    private int hint = MIN_CAPACITY;
    int[] type;
    int[] strike;
    int[] second;
    double[] close;
    long[] volume;
    int[] ticks;
    long[] oi;
    int n;
    int curType;
    int curStrike;

    void clear() {
      n = 0;
      allocate(hint);
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

    private void allocate(int c) {
      type = new int[c];
      strike = new int[c];
      second = new int[c];
      close = new double[c];
      volume = new long[c];
      ticks = new int[c];
      oi = new long[c];
    }

    private void grow() {
      int c = type.length + (type.length >> 1);
      type = Arrays.copyOf(type, c);
      strike = Arrays.copyOf(strike, c);
      second = Arrays.copyOf(second, c);
      close = Arrays.copyOf(close, c);
      volume = Arrays.copyOf(volume, c);
      ticks = Arrays.copyOf(ticks, c);
      oi = Arrays.copyOf(oi, c);
    }

    /** The chain, in exactly sized arrays; the builder's own arrays are let go. */
    ChainDay toChain(int seconds, boolean anyOi, List<long[]> series) {
      ChainDay chain =
          new ChainDay(
              seconds,
              Arrays.copyOf(type, n),
              Arrays.copyOf(strike, n),
              Arrays.copyOf(second, n),
              Arrays.copyOf(close, n),
              Arrays.copyOf(volume, n),
              Arrays.copyOf(ticks, n),
              anyOi ? Arrays.copyOf(oi, n) : null,
              series);
      hint = Math.max(MIN_CAPACITY, n + (n >> 3));
      type = null;
      strike = null;
      second = null;
      close = null;
      volume = null;
      ticks = null;
      oi = null;
      n = 0;
      return chain;
    }
  }
}
