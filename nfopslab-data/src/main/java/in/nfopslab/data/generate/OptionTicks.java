package in.nfopslab.data.generate;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * Ticks of one option contract on one day.
 *
 * <p>Arrival: each second draws a Poisson count whose mean is the preset's at-the-money rate times
 * exp(-|K - S| / ({@value #MONEYNESS_DECAY_STEPS} steps)) plus the far-strike floor, scaled by the
 * contract's rank (nearest expiry 1, next {@value #NEXT_RATE}, a monthly further out {@value
 * #FAR_RATE}), the intraday U shape and the day's activity; so near-the-money options tick more,
 * and everything ticks more after a spot move.
 *
 * <p>Price: the surface's noise-free Black-Scholes price at that second plus a mispricing of z x
 * max(0.05, {@value #NOISE_FRACTION} x price), where z is an AR(1) across the contract's ticks
 * (persistence {@value #NOISE_PERSISTENCE}, unit variance, clamped to +-{@value #MAX_Z}), rounded
 * to the 0.05 tick, floor 0.05. So consecutive trades print at the same or nearby prices, as real
 * last-traded prices do, and a tick is never further than {@value #MAX_Z} noise units plus half a
 * tick from the model price. A row's open is the previous tick's close; high and low sometimes
 * reach a tick beyond.
 *
 * <p>Volume: 1 + a geometric number of lots (more near the money and during activity), times the
 * volume unit; with the activity bursts this makes the 30-second volume exceed 1.5 x its 300-second
 * base after spot moves. Open interest: per print, the day's drift of its side ({@link
 * OptionOiDrift}: a build-up and a market-wide component shared with the other side, flows of the
 * side's own, and the spot trend) plus noise of sd {@value #OI_NOISE_LOTS} lots, in whole volume
 * units and never below {@value #OI_MIN_LOTS} of them.
 */
final class OptionTicks {
  static final double MONEYNESS_DECAY_STEPS = 3;
  static final double NEXT_RATE = 0.45;
  static final double FAR_RATE = 0.35;
  static final double NOISE_FRACTION = 0.003;
  static final double MIN_NOISE = 0.05;
  static final double NOISE_PERSISTENCE = 0.95;
  static final double MAX_Z = 2;
  static final double BASE_LOTS = 2;
  static final double ATM_EXTRA_LOTS = 18;
  static final double OI_BASE_LOTS = 20_000;
  static final double OI_ATM_LOTS = 120_000;
  static final double OI_NOISE_LOTS = 15;
  static final long OI_MIN_LOTS = 100;

  /** Rank of a contract's expiry on a day. */
  enum Rank {
    NEAREST(1),
    NEXT(NEXT_RATE),
    FAR(FAR_RATE);

    final double rate;

    Rank(double rate) {
      this.rate = rate;
    }
  }

  /** What carries over from one day of a contract's file to the next. */
  static final class State {
    long previousClose = -1;
    long oi = -1;
    double z;
  }

  /** The largest distance of a tick's close from the model price (before the floor at 0.05). */
  static double maxNoise(double modelPrice) {
    return MAX_Z * noiseUnit(modelPrice) + PriceGrid.TICK / 2;
  }

  private static double noiseUnit(double modelPrice) {
    return Math.max(MIN_NOISE, NOISE_FRACTION * modelPrice);
  }

  private OptionTicks() {}

  static long emit(
      SpotDay day,
      VolSurface surface,
      boolean call,
      int strike,
      Rank rank,
      GeneratorSizes sizes,
      SplittableRandom rng,
      State state,
      TickSink sink)
      throws IOException {
    final double[] spot = day.spotArray();
    final float[] act = day.activityArray();
    final float[] oiDrift = day.oiDriftArray(call);
    final double[] u = day.intradayArray();
    final int n = spot.length;
    final double k = strike;
    final double decay = day.profile().strikeStep() * MONEYNESS_DECAY_STEPS;
    final double atmRate = sizes.optionAtmTicksPerSecond() * rank.rate;
    final double farRate = sizes.optionFarTicksPerSecond();
    final double lotsScale = Math.sqrt(rank.rate);
    final long unit = day.profile().volumeUnit();
    final long openNanos = day.session().epochNanosAt(0);
    if (state.oi < 0) {
      double w0 = Math.exp(-Math.abs(k - day.open()) / (2 * decay));
      state.oi =
          unit
              * Math.round(
                  (OI_BASE_LOTS + OI_ATM_LOTS * w0 * rank.rate)
                      * Math.exp(0.3 * rng.nextGaussian()));
    }
    final double innovation = Math.sqrt(1 - NOISE_PERSISTENCE * NOISE_PERSISTENCE);
    long[] offsets = new long[Draws.MAX_POISSON];
    long previous = state.previousClose;
    long oi = state.oi;
    double z = state.z;
    long rows = 0;
    for (int s = 0; s < n; s++) {
      double w = Math.exp(-Math.abs(k - spot[s]) / decay);
      int count = Draws.poisson(rng, (atmRate * w + farRate) * u[s] * act[s]);
      if (count == 0 && s == n - 1 && rows == 0) {
        count = 1; // every listed contract trades at least once a day
      }
      if (count == 0) {
        continue;
      }
      double model = surface.price(call, s, k);
      if (!(model >= 0)) {
        throw new IllegalStateException(
            "no price for "
                + strike
                + (call ? " CE" : " PE")
                + " at second "
                + s
                + " of "
                + day.date());
      }
      double noise = noiseUnit(model);
      double meanLots = (BASE_LOTS + ATM_EXTRA_LOTS * w) * lotsScale * Math.sqrt(act[s]);
      SubSecond.offsets(rng, count, 1_000_000L, offsets);
      for (int j = 0; j < count; j++) {
        z =
            Math.max(
                -MAX_Z, Math.min(MAX_Z, NOISE_PERSISTENCE * z + innovation * rng.nextGaussian()));
        long close = PriceGrid.ticks(model + noise * z);
        long open = previous < 0 ? close : previous;
        long high = Math.max(open, close) + (rng.nextInt(4) == 0 ? 1 : 0);
        long low = Math.max(1, Math.min(open, close) - (rng.nextInt(4) == 0 ? 1 : 0));
        long volume = unit * (1 + Draws.geometric(rng, meanLots));
        oi =
            Math.max(
                unit * OI_MIN_LOTS,
                oi + unit * Math.round(OI_NOISE_LOTS * rng.nextGaussian() + oiDrift[s]));
        sink.tick(
            openNanos + s * 1_000_000_000L + offsets[j],
            PriceGrid.price(open),
            PriceGrid.price(high),
            PriceGrid.price(low),
            PriceGrid.price(close),
            volume,
            oi);
        previous = close;
        rows++;
      }
    }
    state.previousClose = previous;
    state.oi = oi;
    state.z = z;
    return rows;
  }
}
