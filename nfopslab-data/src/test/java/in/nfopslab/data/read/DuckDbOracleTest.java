package in.nfopslab.data.read;

import static in.nfopslab.data.read.TickFiles.ist;
import static in.nfopslab.data.read.TickFiles.tick;
import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.market.SecondBars;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader's bars equal DuckDB's, row by row, for every timestamp encoding and for files with faults. */
class DuckDbOracleTest {
  static final LocalDate DAY = TimeNormalisationTest.DAY;

  @TempDir Path dir;

  /** A messy day: random sub-second ticks, duplicates, out-of-order rows, bad prices, resets, other days. */
  static List<TickFiles.Tick> messyTicks(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<TickFiles.Tick> ticks = new ArrayList<>();
    long open = ist(DAY, "09:15:00");
    for (int i = 0; i < 30_000; i++) {
      long t = open - 60_000_000_000L + (long) (r.nextDouble() * 22_700) * 1_000_000_000L + r.nextInt(1000) * 1_000_000L;
      double price = Math.round((100 + r.nextGaussian() * 5) * 20) / 20.0;
      int kind = r.nextInt(100);
      if (kind == 0) {
        price = 0; // bad price
      } else if (kind == 1) {
        price = -price;
      }
      long v = kind == 2 ? -500 : r.nextInt(50);
      ticks.add(tick(t, price, v));
      if (kind == 3) {
        ticks.add(tick(t, price, v)); // exact duplicate
      }
      if (kind == 4) {
        ticks.add(tick(t, price + 0.05, v)); // same time, another price: a real second tick
      }
    }
    ticks.add(tick(ist(DAY.plusDays(1), "10:00:00"), 90.0, 1));
    ticks.add(new TickFiles.Tick(null, 1.0, 1, null));
    ticks.add(tick(1_000_000_000L, 1.0, 1));
    // mostly ordered, with some out-of-order stretches (what real files look like)
    ticks.sort((a, b) -> a.epochNanos() == null || b.epochNanos() == null ? 0 : Long.compare(a.epochNanos(), b.epochNanos()));
    for (int i = 0; i + 1 < ticks.size(); i += 97) {
      TickFiles.Tick x = ticks.get(i);
      ticks.set(i, ticks.get(i + 1));
      ticks.set(i + 1, x);
    }
    return ticks;
  }

  @Test
  void barsMatchDuckDbForEveryTimestampEncoding() throws Exception {
    List<TickFiles.Tick> ticks = messyTicks(11);
    for (TickFiles.Encoding enc : TickFiles.Encoding.values()) {
      Path f = dir.resolve(enc + ".parquet");
      TickFiles.write(f, enc, false, ticks, 2_000);
      assertSameAsDuckDb(f, enc.naive);
    }
  }

  @Test
  void barsMatchDuckDbOnManyRandomDays() throws Exception {
    for (long seed = 1; seed <= 4; seed++) {
      Path f = dir.resolve("random" + seed + ".parquet");
      TickFiles.write(f, TickFiles.Encoding.UTC_MICROS, false, messyTicks(seed * 7919));
      assertSameAsDuckDb(f, false);
    }
  }

  private static void assertSameAsDuckDb(Path f, boolean naive) throws Exception {
    SecondBars ours = new BarReader().readDay(f, TimeNormalisationTest.SESSION, new ArrayList<>());
    DuckDbBars.Bars duck = DuckDbBars.compute(f, TimeNormalisationTest.SESSION, naive, false);
    assertThat(ours.ticksArray()).as("ticks of %s", f.getFileName()).containsExactly(duck.ticks());
    assertThat(ours.volumeArray()).as("volume of %s", f.getFileName()).containsExactly(duck.volume());
    assertThat(ours.closeArray()).as("close of %s", f.getFileName()).containsExactly(duck.close());
  }
}
