package in.nfopslab.data.cache;

import static in.nfopslab.data.read.TickFiles.ist;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.UnixOperatingSystemMXBean;
import in.nfopslab.core.calendar.Session;
import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.core.market.SecondBars;
import in.nfopslab.data.catalog.PackedCatalog;
import in.nfopslab.data.read.BarReader;
import in.nfopslab.data.read.ParquetArrays;
import in.nfopslab.data.read.TickFiles;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lazy series loads from a cached chain against the whole chain, on a generated chain with odd
 * series.
 */
class ChainEntryTest {
  static final Symbol NIFTY = new Symbol("NIFTY");
  static final LocalDate DAY = LocalDate.of(2024, 1, 3);
  static final LocalDate EXPIRY = LocalDate.of(2024, 1, 4);
  static final Session SESSION = new Session(DAY, LocalTime.of(9, 15), LocalTime.of(15, 30));
  static final int FIRST = 20_000;
  static final int LAST = 21_000; // 21 strikes x 2 types = 42 series, more than WHOLE_CHAIN_AFTER
  static final int NO_TICKS_TODAY = 20_300; // CE: a file whose ticks are all on the previous day
  static final int PRE_OPEN_ONLY = 20_450; // PE: today's ticks all before 09:15
  static final int NO_OI_COLUMN = 20_600; // CE: a file without an oi column

  @TempDir Path root;
  LabPaths paths;
  PackedCatalog catalog;

  @BeforeEach
  void lab() throws Exception {
    paths = LabPaths.of(root);
    Random random = new Random(11);
    for (OptionType t : OptionType.values()) {
      for (int k = FIRST; k <= LAST; k += 50) {
        Path f = paths.optionFile(NIFTY, EXPIRY, t, k);
        Files.createDirectories(f.getParent());
        List<TickFiles.Tick> ticks = new ArrayList<>();
        ticks.add(new TickFiles.Tick(ist(DAY.minusDays(1), "10:00:00"), 77.0, 1, 5L)); // not today
        if (!(t == OptionType.CE && k == NO_TICKS_TODAY)) {
          if (t == OptionType.PE && k == PRE_OPEN_ONLY) {
            ticks.add(new TickFiles.Tick(ist(DAY, "09:00:00"), 80.0, 3, 9L));
          } else {
            // from a few hundred to ~9,000 seconds with trades: series inside one page and across
            // several
            int every = 2 + random.nextInt(40);
            for (int s = random.nextInt(every); s < 22_501; s += every + random.nextInt(3)) {
              long at = ist(DAY, "09:15:00") + s * 1_000_000_000L + random.nextInt(900_000_000);
              Long oi =
                  random.nextInt(7) == 0
                      ? null
                      : Long.valueOf(1000 + random.nextInt(50_000)); // nulls in oi
              ticks.add(
                  new TickFiles.Tick(
                      at, 10 + random.nextInt(20_000) / 100.0, random.nextInt(50), oi));
            }
          }
        }
        TickFiles.write(
            f, TickFiles.Encoding.UTC_MICROS, !(t == OptionType.CE && k == NO_OI_COLUMN), ticks);
      }
    }
    catalog = PackedCatalog.scan(paths, NIFTY);
    new SecondsCache(paths).load(catalog, SESSION, EXPIRY); // the entry every test starts from
  }

  private List<long[]> allSeries() {
    List<long[]> out = new ArrayList<>();
    for (OptionType t : OptionType.values()) {
      for (int k : catalog.optionFiles(EXPIRY, t).keySet()) {
        out.add(new long[] {t.ordinal(), k});
      }
    }
    return out;
  }

  private ChainEntry open(SecondsCache cache) throws Exception {
    return cache.open(catalog, SESSION, EXPIRY, List.of());
  }

  private static void assertSameBars(SecondBars actual, SecondBars expected, String what) {
    if (expected == null) {
      assertThat(actual).as(what).isNull();
      return;
    }
    assertThat(actual).as(what).isNotNull();
    // Arrays.equals: NaN closes (before the first trade) compare equal, and 22,501-element arrays
    // compare fast
    assertThat(Arrays.equals(actual.closeArray(), expected.closeArray()))
        .as(what + " close")
        .isTrue();
    assertThat(Arrays.equals(actual.volumeArray(), expected.volumeArray()))
        .as(what + " volume")
        .isTrue();
    assertThat(Arrays.equals(actual.ticksArray(), expected.ticksArray()))
        .as(what + " ticks")
        .isTrue();
    assertThat(Arrays.equals(actual.oiArray(), expected.oiArray())).as(what + " oi").isTrue();
  }

  @Test
  void everyLazySeriesEqualsTheWholeChainsSeries() throws Exception {
    ChainDay whole = new SecondsCache(paths).load(catalog, SESSION, EXPIRY);
    assertThat(whole.rows())
        .isGreaterThan(3 * ChainParquet.FORMAT.pageRows()); // several pages per column
    int traded = 0;
    for (long[] s : allSeries()) {
      OptionType t = OptionType.values()[(int) s[0]];
      int k = (int) s[1];
      SecondsCache cache = new SecondsCache(paths);
      ChainEntry entry = open(cache); // a fresh entry per series: each is a lazy load of one series
      SecondBars lazy = entry.bars(t, k);
      assertThat(entry.isWhole()).as("%s %d read alone", t, k).isFalse();
      assertThat(cache.builds()).isZero();
      assertSameBars(lazy, whole.bars(t, k), t + " " + k);
      traded += lazy == null ? 0 : 1;
    }
    assertThat(traded).isEqualTo(allSeries().size() - 2);
    assertThat(open(new SecondsCache(paths)).bars(OptionType.CE, NO_TICKS_TODAY)).isNull();
    assertThat(open(new SecondsCache(paths)).bars(OptionType.PE, PRE_OPEN_ONLY)).isNull();
  }

  @Test
  void lazySeriesEqualTheBarsReadStraightFromTheFiles() throws Exception {
    ChainEntry entry = open(new SecondsCache(paths));
    for (int k : List.of(FIRST, NO_OI_COLUMN, LAST)) {
      SecondBars direct =
          new BarReader()
              .readDay(
                  catalog.optionFiles(EXPIRY, OptionType.CE).get(k), SESSION, new ArrayList<>());
      SecondBars lazy = entry.bars(OptionType.CE, k);
      assertThat(Arrays.equals(lazy.closeArray(), direct.closeArray())).isTrue();
      assertThat(lazy.volumeArray()).containsExactly(direct.volumeArray());
      assertThat(lazy.ticksArray()).containsExactly(direct.ticksArray());
    }
  }

  /**
   * A series from the cache, lazy or from the whole chain, is held sparse (no per-second arrays)
   * and read second by second through a cursor, as the engine reads it, gives the bars built
   * straight from the tick file at every second.
   */
  @Test
  void cachedSeriesAreSparseAndReadLikeTheFilesAtEverySecond() throws Exception {
    ChainDay whole = new SecondsCache(paths).load(catalog, SESSION, EXPIRY);
    ChainEntry entry = open(new SecondsCache(paths));
    for (int k : List.of(FIRST, NO_OI_COLUMN, LAST)) {
      SecondBars direct =
          new BarReader()
              .readDay(
                  catalog.optionFiles(EXPIRY, OptionType.CE).get(k), SESSION, new ArrayList<>());
      for (SecondBars cached :
          List.of(entry.bars(OptionType.CE, k), whole.bars(OptionType.CE, k))) {
        assertThat(cached.isSparse()).isTrue();
        assertThat(cached.tradeSeconds()).isEqualTo(direct.tradeSeconds());
        // (no hasOi check: an entry has an oi column for all its series when any has one; a file
        // without one reads as oi 0 either way)
        assertThat(cached.firstTrade()).isEqualTo(direct.firstTrade());
        SecondBars.Cursor c = cached.cursor();
        for (int s = 0; s < direct.length(); s++) {
          if (Double.doubleToRawLongBits(c.close(s)) != Double.doubleToRawLongBits(direct.close(s))
              || c.volume(s) != direct.volume(s)
              || c.ticks(s) != direct.ticks(s)
              || c.oi(s) != direct.oi(s)) {
            throw new AssertionError("CE " + k + " differs from the file's bars at second " + s);
          }
        }
      }
    }
  }

  @Test
  void manySeriesOfOneChainSwitchToOneWholeReadWithTheSameBars() throws Exception {
    ChainDay whole = new SecondsCache(paths).load(catalog, SESSION, EXPIRY);
    ChainEntry entry = open(new SecondsCache(paths));
    int reads = 0;
    for (long[] s : allSeries()) {
      OptionType t = OptionType.values()[(int) s[0]];
      int k = (int) s[1];
      SecondBars b = entry.bars(t, k);
      reads += b == null ? 0 : 1;
      assertThat(entry.isWhole())
          .as("after %d series", reads)
          .isEqualTo(reads > ChainEntry.WHOLE_CHAIN_AFTER);
      assertThat(entry.holdsOpenFile())
          .as("file open after %d series", reads)
          .isEqualTo(reads > 0 && !entry.isWhole()); // released once the chain is read whole
      assertSameBars(b, whole.bars(t, k), t + " " + k);
      assertSameBars(entry.bars(t, k), b, "asked again");
    }
    assertThat(entry.chain().strikes(OptionType.CE))
        .containsExactlyElementsOf(catalog.optionFiles(EXPIRY, OptionType.CE).keySet());
  }

  /** Open file descriptors of this process. */
  static long openFiles() {
    return ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getOpenFileDescriptorCount();
  }

  @Test
  void seriesReadsShareOneOpenFileThatCloseReleases() throws Exception {
    assumeTrue(ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean);
    ChainDay whole = new SecondsCache(paths).load(catalog, SESSION, EXPIRY);
    List<long[]> series = allSeries();
    long before = openFiles();
    ChainEntry entry = open(new SecondsCache(paths));
    assertThat(entry.holdsOpenFile()).as("the footer alone was read").isFalse();
    for (int i = 0; i < 8; i++) {
      OptionType t = OptionType.values()[(int) series.get(i)[0]];
      int k = (int) series.get(i)[1];
      assertSameBars(entry.bars(t, k), whole.bars(t, k), t + " " + k);
      assertThat(openFiles() - before).as("open files after %d series", i + 1).isEqualTo(1);
    }
    assertThat(entry.holdsOpenFile()).isTrue();
    // a read from another thread than the one that opened the file has a handle of its own
    long[] other = series.get(8);
    OptionType ot = OptionType.values()[(int) other[0]];
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      assertSameBars(
          thread.submit(() -> entry.bars(ot, (int) other[1])).get(),
          whole.bars(ot, (int) other[1]),
          "from another thread");
    } finally {
      thread.shutdown();
    }
    assertThat(openFiles() - before).isEqualTo(1);

    entry.close();
    assertThat(entry.holdsOpenFile()).isFalse();
    assertThat(openFiles()).isEqualTo(before);
    for (int i = 9; i < 12; i++) { // still usable, without holding a file open again
      OptionType t = OptionType.values()[(int) series.get(i)[0]];
      int k = (int) series.get(i)[1];
      assertSameBars(entry.bars(t, k), whole.bars(t, k), "after close " + t + " " + k);
    }
    assertThat(entry.holdsOpenFile()).isFalse();
    assertThat(openFiles()).isEqualTo(before);
    entry.close(); // closing twice is harmless
    assertThat(openFiles()).isEqualTo(before);
  }

  @Test
  void aStaleFormatVersionRebuildsTheEntry() throws Exception {
    Path file = new SecondsCache(paths).entryPath(NIFTY, EXPIRY, DAY);
    ChainParquet.Entry old = ChainParquet.read(ParquetArrays.footer(file), SESSION.seconds());
    Map<String, String> meta = new HashMap<>(old.metadata());
    meta.put(SecondsCache.META_FORMAT, "1");
    meta.remove(SecondsCache.META_ROWS);
    ChainParquet.write(file, old.chain(), meta);
    SecondsCache cache = new SecondsCache(paths);
    SecondBars b = open(cache).bars(OptionType.PE, 20_500);
    assertThat(cache.builds()).isEqualTo(1);
    assertThat(ParquetArrays.footer(file).keyValue().get(SecondsCache.META_FORMAT))
        .isEqualTo(Integer.toString(SecondsCache.FORMAT_VERSION));
    assertSameBars(b, old.chain().bars(OptionType.PE, 20_500), "rebuilt");
  }

  /** The codecs of an entry's column chunks. */
  private static Set<CompressionCodecName> codecs(Path file) throws Exception {
    Set<CompressionCodecName> out = new HashSet<>();
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
      for (BlockMetaData b : r.getFooter().getBlocks()) {
        for (ColumnChunkMetaData c : b.getColumns()) {
          out.add(c.getCodec());
        }
      }
    }
    return out;
  }

  @Test
  void anEntryOfFormat2WithLz4PagesIsRebuiltInTheCurrentFormat() throws Exception {
    Path file = new SecondsCache(paths).entryPath(NIFTY, EXPIRY, DAY);
    assertThat(codecs(file)).containsExactly(ChainParquet.FORMAT.codec());
    ChainParquet.Entry current = ChainParquet.read(ParquetArrays.footer(file), SESSION.seconds());
    // the entry as the previous version wrote it: LZ4_RAW pages, format 2 in its metadata and in
    // its source fingerprint
    Map<String, String> meta = new HashMap<>(current.metadata());
    meta.put(SecondsCache.META_FORMAT, "2");
    String sources = meta.get(SecondsCache.META_SOURCES);
    assertThat(sources).startsWith("v" + SecondsCache.FORMAT_VERSION + " ");
    meta.put(SecondsCache.META_SOURCES, "v2" + sources.substring(sources.indexOf(' ')));
    ChainParquet.write(
        file,
        current.chain(),
        meta,
        new ChainParquet.Format(
            ParquetProperties.WriterVersion.PARQUET_1_0,
            CompressionCodecName.LZ4_RAW,
            Set.of("type", "strike"),
            5_000,
            false));
    assertThat(codecs(file)).containsExactly(CompressionCodecName.LZ4_RAW);

    SecondsCache cache = new SecondsCache(paths);
    assertThat(cache.isFresh(catalog, SESSION, EXPIRY)).as("fresh for cache status").isFalse();
    SecondBars b = open(cache).bars(OptionType.PE, 20_500);
    assertThat(cache.builds()).isEqualTo(1);
    assertThat(ParquetArrays.footer(file).keyValue().get(SecondsCache.META_FORMAT))
        .isEqualTo(Integer.toString(SecondsCache.FORMAT_VERSION));
    assertThat(codecs(file)).containsExactly(ChainParquet.FORMAT.codec());
    assertThat(cache.isFresh(catalog, SESSION, EXPIRY)).isTrue();
    assertSameBars(b, current.chain().bars(OptionType.PE, 20_500), "rebuilt");
  }

  @Test
  void anEntryWrittenWithAnotherCodecIsStillFreshAndGivesTheSameBars() throws Exception {
    Path file = new SecondsCache(paths).entryPath(NIFTY, EXPIRY, DAY);
    ChainParquet.Entry current = ChainParquet.read(ParquetArrays.footer(file), SESSION.seconds());
    for (String setting : List.of("lz4_raw", "zstd", "none")) {
      CompressionCodecName codec = ChainParquet.codec(setting);
      // what NFOPS_CACHE_CODEC=setting writes: the current format with that codec
      ChainParquet.write(
          file,
          current.chain(),
          current.metadata(),
          new ChainParquet.Format(
              ChainParquet.FORMAT.version(),
              codec,
              ChainParquet.FORMAT.dictionary(),
              ChainParquet.FORMAT.pageRows(),
              false));
      assertThat(codecs(file)).as(setting).containsExactly(codec);
      SecondsCache cache = new SecondsCache(paths);
      assertThat(cache.isFresh(catalog, SESSION, EXPIRY)).as(setting).isTrue();
      SecondBars b = open(cache).bars(OptionType.CE, 20_500);
      assertThat(cache.builds()).as(setting).isZero();
      assertSameBars(b, current.chain().bars(OptionType.CE, 20_500), setting);
    }
  }

  @Test
  void theCacheCodecSettingNamesOneOfThreeCodecs() {
    assertThat(ChainParquet.codec(null)).isEqualTo(ChainParquet.FORMAT.codec());
    assertThat(ChainParquet.codec(" ")).isEqualTo(CompressionCodecName.UNCOMPRESSED);
    assertThat(ChainParquet.codec("LZ4_RAW")).isEqualTo(CompressionCodecName.LZ4_RAW);
    assertThat(ChainParquet.codec("zstd")).isEqualTo(CompressionCodecName.ZSTD);
    assertThatThrownBy(() -> ChainParquet.codec("gzip"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NFOPS_CACHE_CODEC is 'gzip': expected none, lz4_raw or zstd");
  }

  @Test
  void aChangedSourceRebuildsTheEntryOnOpen() throws Exception {
    Files.setLastModifiedTime(
        catalog.optionFiles(EXPIRY, OptionType.CE).get(20_500), FileTime.fromMillis(1_000_000));
    SecondsCache cache = new SecondsCache(paths);
    assertThat(open(cache).isWhole()).isTrue(); // built: in memory
    assertThat(cache.builds()).isEqualTo(1);
    SecondsCache again = new SecondsCache(paths);
    assertThat(open(again).isWhole()).isFalse();
    assertThat(again.hits()).isEqualTo(1);
  }

  @Test
  void aTruncatedEntryIsRebuilt() throws Exception {
    ChainDay whole = new SecondsCache(paths).load(catalog, SESSION, EXPIRY);
    Path file = new SecondsCache(paths).entryPath(NIFTY, EXPIRY, DAY);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(ch.size() / 2);
    }
    SecondsCache cache = new SecondsCache(paths);
    assertSameBars(
        open(cache).bars(OptionType.CE, 20_100),
        whole.bars(OptionType.CE, 20_100),
        "after truncation");
    assertThat(cache.builds()).isEqualTo(1);
    assertThat(open(new SecondsCache(paths)).isWhole()).isFalse(); // a good entry again
  }

  @Test
  void corruptPagesBehindAGoodFooterAreRebuiltOnTheLazyReadAndOnTheWholeRead() throws Exception {
    ChainDay whole = new SecondsCache(paths).load(catalog, SESSION, EXPIRY);
    for (boolean lazy : List.of(true, false)) {
      Path file = new SecondsCache(paths).entryPath(NIFTY, EXPIRY, DAY);
      long footerStart = footerStart(file);
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
        byte[] junk = new byte[(int) (footerStart - 4)];
        Arrays.fill(junk, (byte) 0xFF);
        ch.write(
            ByteBuffer.wrap(junk),
            4); // every page (and the page indexes) damaged, the footer intact
      }
      SecondsCache cache = new SecondsCache(paths);
      ChainEntry entry = open(cache);
      assertThat(entry.isWhole()).isFalse(); // the footer still looks fresh
      if (lazy) {
        assertSameBars(
            entry.bars(OptionType.PE, 20_950),
            whole.bars(OptionType.PE, 20_950),
            "lazy after damage");
        assertThat(entry.holdsOpenFile()).as("the damaged file is let go").isFalse();
      } else {
        assertThat(entry.chain().totals()).isEqualTo(whole.totals());
      }
      assertThat(cache.builds()).as("rebuilt (lazy=%s)", lazy).isEqualTo(1);
      assertSameBars(
          open(new SecondsCache(paths)).bars(OptionType.PE, 20_950),
          whole.bars(OptionType.PE, 20_950),
          "from the rebuilt entry");
    }
  }

  /** Where the Thrift footer starts (its length is stored just before the closing magic). */
  private static long footerStart(Path file) throws Exception {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer b = ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      ch.read(b, ch.size() - 8);
      return ch.size() - 8 - b.getInt(0);
    }
  }

  @Test
  void anEntryReplacedAfterItsFooterWasReadIsNotDecodedWithTheOldFooter() throws Exception {
    ChainDay whole = new SecondsCache(paths).load(catalog, SESSION, EXPIRY);
    SecondsCache cache = new SecondsCache(paths);
    ChainEntry entry = open(cache);
    Path file = cache.entryPath(NIFTY, EXPIRY, DAY);
    // another process rewrites the entry meanwhile (same content, new file)
    ChainParquet.write(
        file, whole, ChainParquet.read(ParquetArrays.footer(file), SESSION.seconds()).metadata());
    Files.setLastModifiedTime(
        file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));
    assertSameBars(
        entry.bars(OptionType.CE, 20_050), whole.bars(OptionType.CE, 20_050), "after the rewrite");
  }

  @Test
  void concurrentLoadsOfOneEntryFromManyThreadsGiveTheSameBars() throws Exception {
    ChainDay whole = new SecondsCache(paths).load(catalog, SESSION, EXPIRY);
    SecondsCache shared = new SecondsCache(paths);
    ChainEntry sharedEntry = open(shared);
    List<long[]> series = allSeries();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Integer>> fs = new ArrayList<>();
      for (int th = 0; th < 12; th++) {
        final int seed = th;
        Callable<Integer> task =
            () -> {
              Random r = new Random(seed);
              ChainEntry own = open(seed % 2 == 0 ? shared : new SecondsCache(paths));
              int checked = 0;
              for (int i = 0; i < 30; i++) {
                long[] s = series.get(r.nextInt(series.size()));
                OptionType t = OptionType.values()[(int) s[0]];
                ChainEntry e = i % 3 == 0 ? sharedEntry : own;
                assertSameBars(e.bars(t, (int) s[1]), whole.bars(t, (int) s[1]), t + " " + s[1]);
                checked++;
              }
              if (seed % 4 == 1) {
                assertThat(own.chain().totals()).isEqualTo(whole.totals());
              }
              return checked;
            };
        fs.add(pool.submit(task));
      }
      for (Future<Integer> f : fs) {
        assertThat(f.get()).isEqualTo(30);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(shared.builds()).isZero();
  }
}
