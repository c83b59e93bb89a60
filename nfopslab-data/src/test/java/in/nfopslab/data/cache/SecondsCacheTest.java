package in.nfopslab.data.cache;

import static in.nfopslab.data.read.TickFiles.ist;
import static in.nfopslab.data.read.TickFiles.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.nfopslab.core.calendar.Session;
import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.core.market.SecondBars;
import in.nfopslab.data.catalog.PackedCatalog;
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

class SecondsCacheTest {
  static final Symbol NIFTY = new Symbol("NIFTY");
  static final LocalDate DAY = LocalDate.of(2024, 1, 3);
  static final LocalDate EXPIRY = LocalDate.of(2024, 1, 4);
  static final Session SESSION = new Session(DAY, LocalTime.of(9, 15), LocalTime.of(15, 30));

  @TempDir Path root;
  LabPaths paths;

  @BeforeEach
  void lab() throws Exception {
    paths = LabPaths.of(root);
    for (OptionType t : OptionType.values()) {
      for (int k = 21_000; k <= 21_200; k += 50) {
        writeOption(t, k, 1.0);
      }
    }
  }

  private void writeOption(OptionType t, int strike, double scale) throws Exception {
    Path f = paths.optionFile(NIFTY, EXPIRY, t, strike);
    Files.createDirectories(f.getParent());
    Files.deleteIfExists(f);
    List<TickFiles.Tick> ticks = new ArrayList<>();
    for (int s = 0; s < 22_501; s += 23 + strike % 11) {
      ticks.add(
          new TickFiles.Tick(
              ist(DAY, "09:15:00") + s * 1_000_000_000L + 123_000L,
              scale * (50 + (s % 97) * 0.05 + (t == OptionType.CE ? 1 : 2)),
              s % 13,
              1000L + s));
    }
    ticks.add(
        tick(ist(DAY.minusDays(1), "10:00:00"), 77.0, 1)); // previous day: not in today's chain
    TickFiles.write(f, TickFiles.Encoding.UTC_MICROS, true, ticks);
  }

  @Test
  void cachedBarsEqualBarsReadStraightFromTheFiles() throws Exception {
    SecondsCache cache = new SecondsCache(paths);
    PackedCatalog catalog = PackedCatalog.scan(paths, NIFTY);
    ChainDay built = cache.load(catalog, SESSION, EXPIRY);
    assertThat(cache.builds()).isEqualTo(1);
    assertThat(Files.isRegularFile(cache.entryPath(NIFTY, EXPIRY, DAY))).isTrue();

    ChainDay again = new SecondsCache(paths).load(catalog, SESSION, EXPIRY);
    for (OptionType t : OptionType.values()) {
      assertThat(again.strikes(t)).containsExactly(21_000, 21_050, 21_100, 21_150, 21_200);
      for (int k : again.strikes(t)) {
        SecondBars direct =
            new BarReader()
                .readDay(catalog.optionFiles(EXPIRY, t).get(k), SESSION, new ArrayList<>());
        for (ChainDay c : List.of(built, again)) {
          SecondBars b = c.bars(t, k);
          assertThat(b.closeArray()).containsExactly(direct.closeArray());
          assertThat(b.volumeArray()).containsExactly(direct.volumeArray());
          assertThat(b.ticksArray()).containsExactly(direct.ticksArray());
          assertThat(b.oiArray()).containsExactly(direct.oiArray());
        }
      }
    }
  }

  @Test
  void secondLoadIsAHit() throws Exception {
    PackedCatalog catalog = PackedCatalog.scan(paths, NIFTY);
    new SecondsCache(paths).load(catalog, SESSION, EXPIRY);
    SecondsCache warm = new SecondsCache(paths);
    warm.load(catalog, SESSION, EXPIRY);
    assertThat(warm.hits()).isEqualTo(1);
    assertThat(warm.builds()).isZero();
    assertThat(warm.isFresh(catalog, SESSION, EXPIRY)).isTrue();
  }

  @Test
  void aChangedSourceFileRebuildsTheEntry() throws Exception {
    PackedCatalog catalog = PackedCatalog.scan(paths, NIFTY);
    new SecondsCache(paths).load(catalog, SESSION, EXPIRY);
    writeOption(OptionType.CE, 21_100, 2.0); // new prices
    Files.setLastModifiedTime(
        paths.optionFile(NIFTY, EXPIRY, OptionType.CE, 21_100), FileTime.fromMillis(1_000_000));
    SecondsCache cache = new SecondsCache(paths);
    assertThat(cache.isFresh(catalog, SESSION, EXPIRY)).isFalse();
    ChainDay c = cache.load(catalog, SESSION, EXPIRY);
    assertThat(cache.builds()).isEqualTo(1);
    SecondBars direct =
        new BarReader()
            .readDay(
                paths.optionFile(NIFTY, EXPIRY, OptionType.CE, 21_100), SESSION, new ArrayList<>());
    assertThat(c.bars(OptionType.CE, 21_100).closeArray()).containsExactly(direct.closeArray());
  }

  @Test
  void concurrentBuildersLeaveOneValidEntryAndNoTemporaryFiles() throws Exception {
    PackedCatalog catalog = PackedCatalog.scan(paths, NIFTY);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<ChainDay>> fs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        SecondsCache own =
            new SecondsCache(paths); // separate instances: no shared lock, like two processes
        fs.add(pool.submit(() -> own.load(catalog, SESSION, EXPIRY)));
      }
      for (Future<ChainDay> f : fs) {
        assertThat(f.get().rows()).isEqualTo(fs.get(0).get().rows());
      }
    } finally {
      pool.shutdown();
    }
    try (Stream<Path> files = Files.walk(paths.secondsCache())) {
      assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .containsExactly("date=" + DAY + ".parquet");
    }
    SecondsCache check = new SecondsCache(paths);
    assertThat(check.isFresh(catalog, SESSION, EXPIRY)).isTrue();
  }

  @Test
  void aBadSourceFileFailsTheChainNamingTheFileAndWritesNoEntry() throws Exception {
    Path bad = paths.optionFile(NIFTY, EXPIRY, OptionType.PE, 21_050);
    Files.writeString(bad, "not parquet");
    PackedCatalog catalog = PackedCatalog.scan(paths, NIFTY);
    SecondsCache cache = new SecondsCache(paths);
    assertThatThrownBy(() -> cache.load(catalog, SESSION, EXPIRY))
        .isInstanceOf(DataFileException.class)
        .hasMessageContaining("strike=21050.parquet");
    assertThat(Files.exists(cache.entryPath(NIFTY, EXPIRY, DAY))).isFalse();
  }
}
