package in.nfopslab.data.cache;

import static in.nfopslab.data.read.TickFiles.ist;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.nfopslab.core.calendar.Session;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.core.market.SecondBars;
import in.nfopslab.data.cache.BarsCache.Kind;
import in.nfopslab.data.read.BarReader;
import in.nfopslab.data.read.DataFileException;
import in.nfopslab.data.read.TickFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarsCacheTest {
  static final Symbol NIFTY = new Symbol("NIFTY");
  static final LocalDate DAY = LocalDate.of(2024, 1, 3);
  static final Session SESSION = new Session(DAY, LocalTime.of(9, 15), LocalTime.of(15, 30));

  @TempDir Path root;
  LabPaths paths;
  Path spot;
  Path futures;

  @BeforeEach
  void lab() throws Exception {
    paths = LabPaths.of(root);
    spot = paths.spotFile(NIFTY, DAY);
    futures = paths.futuresFile(NIFTY, LocalDate.of(2024, 1, 25));
    write(spot, 1.0, false, 600);
    write(futures, 1.0, true, 0);
  }

  /**
   * Ticks from {@code firstSecond} on (no bar before it: close NaN there), a few per second, some
   * seconds empty.
   */
  private static void write(Path f, double scale, boolean withOi, int firstSecond)
      throws Exception {
    Files.createDirectories(f.getParent());
    Files.deleteIfExists(f);
    List<TickFiles.Tick> ticks = new ArrayList<>();
    for (int s = firstSecond; s < 22_501; s += 1 + s % 3) {
      ticks.add(
          new TickFiles.Tick(
              ist(DAY, "09:15:00") + s * 1_000_000_000L + 250_000_000L,
              scale * (21_000 + (s % 101) * 0.05),
              s % 7,
              5_000L + s));
    }
    TickFiles.write(f, TickFiles.Encoding.UTC_MICROS, withOi, ticks);
  }

  private static void assertSameBars(SecondBars actual, SecondBars expected) {
    assertThat(actual.closeArray()).containsExactly(expected.closeArray());
    assertThat(actual.volumeArray()).containsExactly(expected.volumeArray());
    assertThat(actual.ticksArray()).containsExactly(expected.ticksArray());
    assertThat(actual.hasOi()).isEqualTo(expected.hasOi());
    if (expected.hasOi()) {
      assertThat(actual.oiArray()).containsExactly(expected.oiArray());
    }
    assertThat(actual.firstTrade()).isEqualTo(expected.firstTrade());
  }

  private static SecondBars direct(Path file) throws DataFileException {
    return new BarReader().readDay(file, SESSION, new ArrayList<>());
  }

  @Test
  void cachedBarsEqualBarsReadStraightFromTheFiles() throws Exception {
    for (Kind kind : Kind.values()) {
      Path source = kind == Kind.SPOT ? spot : futures;
      BarsCache cold = new BarsCache(paths, new BarReader());
      SecondBars built = cold.load(NIFTY, kind, source, SESSION, new ArrayList<>());
      assertThat(cold.builds()).isEqualTo(1);
      assertThat(Files.isRegularFile(cold.entryPath(NIFTY, kind, DAY))).isTrue();

      BarsCache warm = new BarsCache(paths, new BarReader());
      SecondBars cached = warm.load(NIFTY, kind, source, SESSION, new ArrayList<>());
      assertThat(warm.hits()).isEqualTo(1);
      assertThat(warm.builds()).isZero();
      assertSameBars(built, direct(source));
      assertSameBars(cached, direct(source));
    }
    assertThat(
            Double.isNaN(
                new BarsCache(paths, new BarReader())
                    .load(NIFTY, Kind.SPOT, spot, SESSION, new ArrayList<>())
                    .close(0)))
        .as("no close before the first trade")
        .isTrue();
  }

  @Test
  void aChangedSourceFileRebuildsTheEntry() throws Exception {
    new BarsCache(paths, new BarReader()).load(NIFTY, Kind.SPOT, spot, SESSION, new ArrayList<>());
    write(spot, 2.0, false, 0);
    Files.setLastModifiedTime(spot, FileTime.fromMillis(1_000_000));
    BarsCache cache = new BarsCache(paths, new BarReader());
    assertThat(cache.isFresh(NIFTY, Kind.SPOT, spot, SESSION)).isFalse();
    SecondBars b = cache.load(NIFTY, Kind.SPOT, spot, SESSION, new ArrayList<>());
    assertThat(cache.builds()).isEqualTo(1);
    assertSameBars(b, direct(spot));
    assertThat(cache.isFresh(NIFTY, Kind.SPOT, spot, SESSION)).isTrue();
  }

  @Test
  void anotherSessionRebuildsTheEntry() throws Exception {
    new BarsCache(paths, new BarReader()).load(NIFTY, Kind.SPOT, spot, SESSION, new ArrayList<>());
    Session later = new Session(DAY, LocalTime.of(9, 15), LocalTime.of(15, 40));
    BarsCache cache = new BarsCache(paths, new BarReader());
    SecondBars b = cache.load(NIFTY, Kind.SPOT, spot, later, new ArrayList<>());
    assertThat(cache.builds()).isEqualTo(1);
    assertThat(b.length()).isEqualTo(later.seconds());
  }

  @Test
  void aCorruptEntryIsRebuilt() throws Exception {
    BarsCache first = new BarsCache(paths, new BarReader());
    first.load(NIFTY, Kind.FUTURES, futures, SESSION, new ArrayList<>());
    Path entry = first.entryPath(NIFTY, Kind.FUTURES, DAY);
    byte[] bytes = Files.readAllBytes(entry);
    Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // truncated
    BarsCache cache = new BarsCache(paths, new BarReader());
    SecondBars b = cache.load(NIFTY, Kind.FUTURES, futures, SESSION, new ArrayList<>());
    assertThat(cache.builds()).isEqualTo(1);
    assertSameBars(b, direct(futures));
    assertThat(new BarsCache(paths, new BarReader()).isFresh(NIFTY, Kind.FUTURES, futures, SESSION))
        .isTrue();
  }

  @Test
  void aBadSourceFileRaisesTheReadersErrorNamingTheFileAndWritesNoEntry() throws Exception {
    Files.writeString(spot, "not parquet");
    BarsCache cache = new BarsCache(paths, new BarReader());
    assertThatThrownBy(() -> cache.load(NIFTY, Kind.SPOT, spot, SESSION, new ArrayList<>()))
        .isInstanceOf(DataFileException.class)
        .hasMessageContaining(spot.getFileName().toString())
        .extracting(e -> ((DataFileException) e).fault())
        .isEqualTo(DataFileException.Fault.NOT_PARQUET);
    assertThat(Files.exists(cache.entryPath(NIFTY, Kind.SPOT, DAY))).isFalse();
  }

  @Test
  void concurrentBuildersLeaveOneValidEntryAndNoTemporaryFiles() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    SecondBars expected = direct(futures);
    try {
      List<Future<SecondBars>> fs = new ArrayList<>();
      BarsCache shared = new BarsCache(paths, new BarReader());
      for (int i = 0; i < 8; i++) {
        // one instance shared by threads (its per-entry lock), and instances of their own (like
        // other processes)
        BarsCache use = i % 2 == 0 ? shared : new BarsCache(paths, new BarReader());
        fs.add(
            pool.submit(() -> use.load(NIFTY, Kind.FUTURES, futures, SESSION, new ArrayList<>())));
      }
      for (Future<SecondBars> f : fs) {
        assertSameBars(f.get(), expected);
      }
    } finally {
      pool.shutdown();
    }
    try (Stream<Path> files = Files.walk(paths.secondsCache())) {
      assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .containsExactly("date=" + DAY + ".parquet");
    }
    assertThat(new BarsCache(paths, new BarReader()).isFresh(NIFTY, Kind.FUTURES, futures, SESSION))
        .isTrue();
  }
}
