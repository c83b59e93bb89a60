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
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader's bars equal DuckDB's, row by row, for every timestamp encoding and for files with
 * faults.
 */
class DuckDbOracleTest {
  static final LocalDate DAY = TimeNormalisationTest.DAY;

  @TempDir Path dir;

  /**
   * A messy day: random sub-second ticks, duplicates, out-of-order rows, bad prices, resets, other
   * days.
   */
  static List<TickFiles.Tick> messyTicks(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<TickFiles.Tick> ticks = new ArrayList<>();
    long open = ist(DAY, "09:15:00");
    for (int i = 0; i < 30_000; i++) {
      long t =
          open
              - 60_000_000_000L
              + (long) (r.nextDouble() * 22_700) * 1_000_000_000L
              + r.nextInt(1000) * 1_000_000L;
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
    ticks.sort(
        (a, b) ->
            a.epochNanos() == null || b.epochNanos() == null
                ? 0
                : Long.compare(a.epochNanos(), b.epochNanos()));
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

  /**
   * Some closes and open interests null: definition levels with real nulls in every page layout.
   */
  static List<TickFiles.Tick> withNulls(List<TickFiles.Tick> ticks, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<TickFiles.Tick> out = new ArrayList<>(ticks.size());
    for (TickFiles.Tick t : ticks) {
      int k = r.nextInt(40);
      Double close = k == 0 ? null : t.close();
      Long oi = k == 1 ? null : Long.valueOf(100_000 + r.nextInt(5_000));
      out.add(new TickFiles.Tick(t.epochNanos(), close, t.volDelta(), oi));
    }
    return out;
  }

  /**
   * The page-level decoder against DuckDB for every page layout it meets: v1 and v2 pages,
   * dictionary and plain (DELTA for v2 integers) encodings, BYTE_STREAM_SPLIT doubles, ZSTD,
   * SNAPPY, GZIP and no compression, and small pages so columns' page boundaries differ and
   * pushdown skips pages.
   */
  @Test
  void barsMatchDuckDbForEveryPageLayoutAndCodec() throws Exception {
    List<TickFiles.Tick> ticks = withNulls(messyTicks(29), 31);
    int n = 0;
    for (ParquetProperties.WriterVersion v : ParquetProperties.WriterVersion.values()) {
      for (boolean dict : new boolean[] {true, false}) {
        for (CompressionCodecName codec :
            new CompressionCodecName[] {
              CompressionCodecName.ZSTD,
              CompressionCodecName.SNAPPY,
              CompressionCodecName.GZIP,
              CompressionCodecName.UNCOMPRESSED
            }) {
          for (boolean bss : dict ? new boolean[] {false} : new boolean[] {false, true}) {
            TickFiles.Layout layout =
                new TickFiles.Layout(v, dict, codec, bss, 1_000 + 777 * (n++ % 3));
            // every timestamp encoding once per page layout; the codecs are orthogonal to it
            TickFiles.Encoding[] encodings =
                codec == CompressionCodecName.ZSTD
                    ? new TickFiles.Encoding[] {
                      TickFiles.Encoding.UTC_MICROS,
                      TickFiles.Encoding.NAIVE_NANOS,
                      TickFiles.Encoding.INT96
                    }
                    : new TickFiles.Encoding[] {TickFiles.Encoding.UTC_MILLIS};
            for (TickFiles.Encoding enc : encodings) {
              Path f = dir.resolve(layout + "-" + enc + ".parquet");
              TickFiles.write(f, enc, true, ticks, layout);
              assertSameAsDuckDb(f, enc.naive, true);
            }
          }
        }
      }
    }
  }

  private static void assertSameAsDuckDb(Path f, boolean naive) throws Exception {
    assertSameAsDuckDb(f, naive, false);
  }

  private static void assertSameAsDuckDb(Path f, boolean naive, boolean hasOi) throws Exception {
    SecondBars ours = new BarReader().readDay(f, TimeNormalisationTest.SESSION, new ArrayList<>());
    DuckDbBars.Bars duck = DuckDbBars.compute(f, TimeNormalisationTest.SESSION, naive, hasOi);
    assertThat(ours.ticksArray()).as("ticks of %s", f.getFileName()).containsExactly(duck.ticks());
    assertThat(ours.volumeArray())
        .as("volume of %s", f.getFileName())
        .containsExactly(duck.volume());
    assertThat(ours.closeArray()).as("close of %s", f.getFileName()).containsExactly(duck.close());
    if (hasOi) {
      assertThat(ours.oiArray()).as("oi of %s", f.getFileName()).containsExactly(duck.oi());
    }
  }
}
