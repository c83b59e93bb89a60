package in.nfopslab.data.market;

import static in.nfopslab.data.read.TickFiles.ist;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.UnixOperatingSystemMXBean;
import in.nfopslab.core.calendar.Session;
import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.core.market.SecondBars;
import in.nfopslab.data.cache.SecondsCache;
import in.nfopslab.data.catalog.PackedCatalog;
import in.nfopslab.data.read.TickFiles;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing a day market releases the cache files its option chains held open. */
class ParquetDayMarketTest {
  static final Symbol NIFTY = new Symbol("NIFTY");
  static final LocalDate DAY = LocalDate.of(2024, 1, 3);
  static final List<LocalDate> EXPIRIES =
      List.of(LocalDate.of(2024, 1, 4), LocalDate.of(2024, 1, 11));
  static final Session SESSION = new Session(DAY, LocalTime.of(9, 15), LocalTime.of(15, 30));

  @TempDir Path root;
  PackedCatalog catalog;
  SecondsCache cache;

  @BeforeEach
  void lab() throws Exception {
    LabPaths paths = LabPaths.of(root);
    for (LocalDate expiry : EXPIRIES) {
      for (OptionType t : OptionType.values()) {
        for (int k = 21_000; k <= 21_200; k += 50) {
          Path f = paths.optionFile(NIFTY, expiry, t, k);
          Files.createDirectories(f.getParent());
          List<TickFiles.Tick> ticks = new ArrayList<>();
          for (int s = k % 7; s < 22_000; s += 13 + k % 11) {
            long at = ist(DAY, "09:15:00") + s * 1_000_000_000L;
            ticks.add(new TickFiles.Tick(at, 50 + s / 1000.0, 1 + s % 5, 1000L + s));
          }
          TickFiles.write(f, TickFiles.Encoding.UTC_MICROS, true, ticks);
        }
      }
    }
    catalog = PackedCatalog.scan(paths, NIFTY);
    cache = new SecondsCache(paths);
    for (LocalDate expiry : EXPIRIES) {
      cache.load(catalog, SESSION, expiry, List.of()); // fills the cache: the markets below hit it
    }
  }

  private ParquetDayMarket market() {
    int n = SESSION.seconds();
    double[] close = new double[n];
    Arrays.fill(close, 21_100.0);
    int[] ticks = new int[n];
    Arrays.fill(ticks, 1);
    SecondBars spot = new SecondBars(close, new long[n], ticks, null);
    return new ParquetDayMarket(catalog, cache, SESSION, spot, null, null, List.of());
  }

  private static long openFiles() {
    return ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getOpenFileDescriptorCount();
  }

  @Test
  void closingTheMarketClosesTheFilesOfItsChainsAndKeepsItsBars() throws Exception {
    assumeTrue(ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean);
    long before = openFiles();
    ParquetDayMarket m = market();
    List<SecondBars> read = new ArrayList<>();
    for (LocalDate expiry : EXPIRIES) {
      read.add(m.option(expiry, OptionType.CE, 21_050));
      read.add(m.option(expiry, OptionType.PE, 21_150));
    }
    assertThat(read).doesNotContainNull();
    assertThat(openFiles() - before).as("one open entry per chain").isEqualTo(EXPIRIES.size());

    m.close();
    assertThat(openFiles()).isEqualTo(before);
    // the bars handed out stay valid, and the market still answers (same bars)
    SecondBars again = m.option(EXPIRIES.get(0), OptionType.CE, 21_050);
    assertThat(Arrays.equals(again.closeArray(), read.get(0).closeArray())).isTrue();
    assertThat(again.volumeArray()).containsExactly(read.get(0).volumeArray());
    assertThat(openFiles()).isEqualTo(before);
    m.close();
    assertThat(cache.builds()).isEqualTo(EXPIRIES.size()); // only the fill above built entries
  }
}
