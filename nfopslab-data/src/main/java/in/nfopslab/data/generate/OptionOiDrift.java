package in.nfopslab.data.generate;

import static java.util.Objects.requireNonNull;

import java.util.SplittableRandom;

/**
 * How open interest of one underlying's calls and of its puts moves on one day: per session second,
 * the mean number of lots each print of a call (or of a put) adds to its contract's OI. Both sides
 * share a build-up and a market-wide component, and each has flows of its own, so call and put OI
 * neither move in lock step nor in opposite directions:
 *
 * <ul>
 *   <li>build-up: {@value #BUILD_LOTS} lots a print on both sides, as writers open positions
 *       through the day;
 *   <li>market-wide: an OU process shared by both sides (sd {@value #MARKET_SD} lots, {@value
 *       #MARKET_TAU} s memory): the whole chain builds faster or unwinds together;
 *   <li>per side: an independent OU process for calls and one for puts (sd {@value #SIDE_SD} lots,
 *       {@value #SIDE_TAU} s memory): call writing or put writing of its own;
 *   <li>trend: {@value #TREND_LOTS} x the day's flow signal, added to puts and taken from calls
 *       (puts written and calls unwound while spot rises, the reverse while it falls).
 * </ul>
 *
 * <p>Each contract adds its own per-print noise on top ({@link OptionTicks}). Computed once per day
 * from its own random stream, so adding it changed no price, volume or timestamp of the market.
 */
final class OptionOiDrift {
  static final double BUILD_LOTS = 3;
  static final double MARKET_SD = 2;
  static final double MARKET_TAU = 1_200;
  static final double SIDE_SD = 3;
  static final double SIDE_TAU = 900;
  static final double TREND_LOTS = 4;

  private final float[] calls;
  private final float[] puts;

  private OptionOiDrift(float[] calls, float[] puts) {
    this.calls = calls;
    this.puts = puts;
  }

  /**
   * The drift of a day whose flow signal is {@code flow} (one value per second, in [-1, 1]), with
   * its random components drawn from {@code rng}.
   */
  static OptionOiDrift generate(float[] flow, SplittableRandom rng) {
    requireNonNull(flow, "flow is null");
    requireNonNull(rng, "rng is null");
    int n = flow.length;
    float[] calls = new float[n];
    float[] puts = new float[n];
    Ou market = new Ou(MARKET_SD, MARKET_TAU, rng);
    Ou callSide = new Ou(SIDE_SD, SIDE_TAU, rng);
    Ou putSide = new Ou(SIDE_SD, SIDE_TAU, rng);
    for (int s = 0; s < n; s++) {
      double shared = BUILD_LOTS + market.next(rng);
      double trend = TREND_LOTS * flow[s];
      calls[s] = (float) (shared + callSide.next(rng) - trend);
      puts[s] = (float) (shared + putSide.next(rng) + trend);
    }
    return new OptionOiDrift(calls, puts);
  }

  /** No drift at all (for test days that isolate something else). */
  static OptionOiDrift none(int seconds) {
    return new OptionOiDrift(new float[seconds], new float[seconds]);
  }

  int seconds() {
    return calls.length;
  }

  /** Backing array of calls' or puts' drift, lots a print per second; do not modify. */
  float[] array(boolean call) {
    return call ? calls : puts;
  }

  /** A stationary Ornstein-Uhlenbeck process sampled every second, started from its own law. */
  private static final class Ou {
    private final double a;
    private final double b;
    private double x;

    Ou(double sd, double tau, SplittableRandom rng) {
      this.a = Math.exp(-1 / tau);
      this.b = sd * Math.sqrt(1 - a * a);
      this.x = sd * rng.nextGaussian();
    }

    double next(SplittableRandom rng) {
      x = a * x + b * rng.nextGaussian();
      return x;
    }
  }
}
