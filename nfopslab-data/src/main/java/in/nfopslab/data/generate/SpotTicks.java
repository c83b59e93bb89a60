package in.nfopslab.data.generate;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * Spot index ticks of one day: at most one a second, at the path's value for that second, with
 * random gaps of up to {@value #MAX_GAP} seconds (a few an hour) on top of the preset's tick
 * probability. The first and last session seconds always tick, so every day has an open and a
 * close. A row's open is the previous tick's close and its high/low sometimes reach one tick
 * beyond; vol_delta is 0 (an index does not trade).
 */
final class SpotTicks {
  static final double GAP_START_CHANCE = 1.0 / 900;
  static final int MAX_GAP = 15;

  private SpotTicks() {}

  static long emit(SpotDay day, double ticksPerSecond, long seed, TickSink sink)
      throws IOException {
    SplittableRandom rng =
        Seeds.random(seed, day.profile().symbol() + "|" + day.date() + "|spot-ticks");
    double[] spot = day.spotArray();
    int n = spot.length;
    long openNanos = day.session().epochNanosAt(0);
    long previous = PriceGrid.ticks(spot[0]);
    int gap = 0;
    long rows = 0;
    for (int s = 0; s < n; s++) {
      boolean tick;
      if (s == 0 || s == n - 1) {
        tick = true;
      } else if (gap > 0) {
        gap--;
        tick = false;
      } else if (rng.nextDouble() < GAP_START_CHANCE) {
        gap = rng.nextInt(MAX_GAP);
        tick = false;
      } else {
        tick = rng.nextDouble() < ticksPerSecond;
      }
      if (!tick) {
        continue;
      }
      long close = PriceGrid.ticks(spot[s]);
      long high = Math.max(previous, close) + (rng.nextInt(3) == 0 ? 1 : 0);
      long low = Math.max(1, Math.min(previous, close) - (rng.nextInt(3) == 0 ? 1 : 0));
      long ts = openNanos + s * 1_000_000_000L + rng.nextLong(1_000_000_000L);
      sink.tick(
          ts,
          PriceGrid.price(previous),
          PriceGrid.price(high),
          PriceGrid.price(low),
          PriceGrid.price(close),
          0,
          0);
      previous = close;
      rows++;
    }
    return rows;
  }
}
