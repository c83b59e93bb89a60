package in.nfopslab.data.generate;

import in.nfopslab.core.pricing.ExpiryTime;
import java.io.IOException;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Ticks of the nearest monthly futures on one day: spot carried to expiry at {@link
 * VolSurface#RATE} (ACT/365 to the 15:30 cut-off), plus a mean-reverting basis of a few index
 * points and a one-tick bid/ask bounce. Ticks arrive at the preset's rate shaped by the U profile
 * and activity; traded volume rises with activity; open interest drifts with the spot trend.
 */
final class FuturesTicks {
  static final double BASIS_FRACTION = 0.00012;
  static final double BASIS_TAU = 600;
  static final double MEAN_LOTS = 6;
  static final double OI_START_LOTS = 200_000;
  static final double OI_NOISE_LOTS = 30;
  static final double OI_FLOW_LOTS = 10;
  static final long OI_MIN_LOTS = 1_000;

  /** What carries over from one day of a futures file to the next. */
  static final class State {
    long previousClose = -1;
    long oi = -1;
    double basis;
  }

  private FuturesTicks() {}

  static long emit(
      SpotDay day, LocalDate expiry, double ticksPerSecond, long seed, State state, TickSink sink)
      throws IOException {
    SplittableRandom rng =
        Seeds.random(seed, day.profile().symbol() + "|" + day.date() + "|futures|" + expiry);
    double[] spot = day.spotArray();
    float[] act = day.activityArray();
    float[] flow = day.flowArray();
    double[] u = day.intradayArray();
    int n = spot.length;
    long unit = day.profile().volumeUnit();
    long openNanos = day.session().epochNanosAt(0);
    double yearsAtOpen = ExpiryTime.years(openNanos, expiry);
    double a = Math.exp(-1 / BASIS_TAU);
    double b = BASIS_FRACTION * day.open() * Math.sqrt(1 - a * a);
    if (state.oi < 0) {
      state.oi = unit * Math.round(OI_START_LOTS * Math.exp(0.2 * rng.nextGaussian()));
    }
    long[] offsets = new long[Draws.MAX_POISSON];
    long rows = 0;
    for (int s = 0; s < n; s++) {
      state.basis = a * state.basis + b * rng.nextGaussian();
      int k = Draws.poisson(rng, ticksPerSecond * u[s] * act[s]);
      if (k == 0 && s == n - 1 && rows == 0) {
        k = 1; // every day of the file has at least one tick
      }
      if (k == 0) {
        continue;
      }
      double t = Math.max(0, yearsAtOpen - s / ExpiryTime.SECONDS_PER_YEAR);
      double fair = spot[s] * Math.exp(VolSurface.RATE * t) + state.basis;
      SubSecond.offsets(rng, k, 1_000_000_000L, offsets);
      for (int j = 0; j < k; j++) {
        long close = Math.max(1, PriceGrid.ticks(fair) + rng.nextInt(3) - 1);
        long open = state.previousClose < 0 ? close : state.previousClose;
        long high = Math.max(open, close);
        long low = Math.min(open, close);
        long volume = unit * (1 + Draws.geometric(rng, MEAN_LOTS * Math.sqrt(act[s])));
        state.oi =
            Math.max(
                unit * OI_MIN_LOTS,
                state.oi
                    + unit
                        * Math.round(OI_NOISE_LOTS * rng.nextGaussian() + OI_FLOW_LOTS * flow[s]));
        sink.tick(
            openNanos + s * 1_000_000_000L + offsets[j],
            PriceGrid.price(open),
            PriceGrid.price(high),
            PriceGrid.price(low),
            PriceGrid.price(close),
            volume,
            state.oi);
        state.previousClose = close;
        rows++;
      }
    }
    return rows;
  }
}
