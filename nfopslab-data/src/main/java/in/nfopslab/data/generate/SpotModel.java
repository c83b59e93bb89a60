package in.nfopslab.data.generate;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.calendar.Session;
import java.util.SplittableRandom;

/**
 * The spot path of one day, one value per session second: a random walk whose volatility is the
 * day's regime times the intraday U shape times a slowly mean-reverting stochastic factor, plus
 * scheduled events:
 *
 * <ul>
 *   <li>trend bursts (5-40 minutes, 0.25% and up, often one in the morning after the opening
 *       range), of which a good share reverse afterwards: breakouts that run and breakouts that
 *       fail, and the deviations from VWAP that mean-reversion strategies fade;
 *   <li>micro bursts: 3-6 second moves of several index points, half of them partly reversed within
 *       half a minute;
 *   <li>rare one-second jumps.
 * </ul>
 *
 * <p>From the path it derives the day's shared states (see {@link SpotDay}): activity rises after
 * sharp 30-second or 5-minute moves and decays over about a minute, with some volume bursts of its
 * own; implied vol moves against spot; the flow signal is the 15-minute return scaled to [-1, 1];
 * option open interest drifts with it and with components of its own ({@link OptionOiDrift}).
 */
final class SpotModel {
  /** Trading-time year: 252 days of 22,500 seconds. Vols in the model are per this clock. */
  static final double TRADING_SECONDS_PER_YEAR = 252.0 * 22_500;

  static final double LOG_VOL_TAU = 1_800;
  static final double LOG_VOL_SD = 0.3;

  static final double MORNING_BURST_CHANCE = 0.5;
  static final double BURSTS_PER_DAY = 1.0;
  static final double BURST_MIN_SIZE = 0.002;
  static final double BURST_MEAN_EXTRA = 0.0025;
  static final double BURST_MAX_SIZE = 0.025;
  static final double REVERSAL_CHANCE = 0.45;

  static final double MICRO_BURSTS_PER_HOUR = 5;
  static final double MICRO_MIN_SIZE = 0.0004;
  static final double MICRO_MEAN_EXTRA = 0.0004;
  static final double MICRO_REVERSAL_CHANCE = 0.5;

  static final double JUMPS_PER_DAY = 0.15;
  static final double JUMP_SD = 0.003;

  static final double ACTIVITY_GAIN = 0.35;
  static final double MAX_ACTIVITY = 4;
  static final double ACTIVITY_DECAY_SECONDS = 45;
  static final double VOLUME_BURSTS_PER_HOUR = 1;

  static final double IV_SPOT_BETA = 0.8;
  static final double IV_NOISE_SD = 0.004;
  static final double IV_NOISE_TAU = 1_200;

  static final int FLOW_WINDOW = 900;
  static final double FLOW_SCALE = 0.003;

  private SpotModel() {}

  /**
   * Generates a day.
   *
   * @param previousClose the previous generated day's close, or NaN on the first day (then the
   *     profile's level)
   */
  static SpotDay day(
      SymbolProfile profile, DayRegime regime, Session session, double previousClose, long seed) {
    requireNonNull(profile, "profile is null");
    requireNonNull(regime, "regime is null");
    requireNonNull(session, "session is null");
    int n = session.seconds();
    String key = profile.symbol() + "|" + session.date() + "|";
    IntradayProfile u = IntradayProfile.of(n);
    double volScale = regime.realizedVol() / profile.baseVol();

    double[] drift = new double[n];
    SplittableRandom events = Seeds.random(seed, key + "spot-events");
    addTrendBursts(drift, events, volScale);
    addMicroBursts(drift, events, volScale);
    addJumps(drift, events, volScale);

    double open =
        Double.isNaN(previousClose)
            ? profile.startLevel()
            : previousClose * Math.exp(regime.overnightGap());
    double[] logSpot =
        path(
            Math.log(open),
            regime.realizedVol(),
            u.array(),
            drift,
            Seeds.random(seed, key + "spot-path"));
    double[] spot = new double[n];
    for (int s = 0; s < n; s++) {
      spot[s] = Math.exp(logSpot[s]);
    }
    float[] activity =
        activity(logSpot, regime.realizedVol(), u.array(), Seeds.random(seed, key + "activity"));
    float[] ivShift = ivShift(logSpot, Seeds.random(seed, key + "iv-shift"));
    float[] flow = flow(logSpot);
    OptionOiDrift oiDrift = OptionOiDrift.generate(flow, Seeds.random(seed, key + "option-oi"));
    return new SpotDay(profile, session, regime, u, spot, activity, ivShift, flow, oiDrift);
  }

  private static double[] path(
      double logOpen, double vol, double[] u, double[] drift, SplittableRandom rng) {
    int n = u.length;
    double[] x = new double[n];
    double a = Math.exp(-1 / LOG_VOL_TAU);
    double b = LOG_VOL_SD * Math.sqrt(1 - a * a);
    // exp(h - sd^2) has a mean square of 1, so the stochastic factor does not change the day's
    // variance on average
    double norm = Math.exp(-LOG_VOL_SD * LOG_VOL_SD);
    double sigma = vol / Math.sqrt(TRADING_SECONDS_PER_YEAR);
    double h = LOG_VOL_SD * rng.nextGaussian();
    x[0] = logOpen;
    for (int s = 1; s < n; s++) {
      h = a * h + b * rng.nextGaussian();
      x[s] = x[s - 1] + sigma * u[s] * Math.exp(h) * norm * rng.nextGaussian() + drift[s];
    }
    return x;
  }

  private static void addTrendBursts(double[] drift, SplittableRandom rng, double volScale) {
    int n = drift.length;
    int count = Draws.poisson(rng, BURSTS_PER_DAY * n / 22_501.0);
    boolean morning = rng.nextDouble() < MORNING_BURST_CHANCE;
    for (int i = 0; i < count + (morning ? 1 : 0); i++) {
      int start;
      if (i == count) {
        // the morning burst starts after a 15-minute opening range and before 11:00, when breakout
        // strategies look
        start = 900 + rng.nextInt(Math.max(1, Math.min(5_400, n - 900)));
      } else {
        start = 300 + rng.nextInt(Math.max(1, n - 3_000));
      }
      int duration = 300 + rng.nextInt(2_100);
      double size =
          Math.min(
              BURST_MAX_SIZE,
              volScale * (BURST_MIN_SIZE + Draws.exponential(rng, BURST_MEAN_EXTRA)));
      double sign = Draws.sign(rng);
      ramp(drift, start, duration, sign * size);
      if (rng.nextDouble() < REVERSAL_CHANCE) {
        ramp(
            drift,
            start + duration,
            1_200 + rng.nextInt(2_400),
            -sign * size * (0.5 + 0.6 * rng.nextDouble()));
      }
    }
  }

  private static void addMicroBursts(double[] drift, SplittableRandom rng, double volScale) {
    int n = drift.length;
    int count = Draws.poisson(rng, MICRO_BURSTS_PER_HOUR * n / 3_600.0);
    for (int i = 0; i < count; i++) {
      int start = 1 + rng.nextInt(n - 1);
      int duration = 3 + rng.nextInt(4);
      double size = volScale * (MICRO_MIN_SIZE + Draws.exponential(rng, MICRO_MEAN_EXTRA));
      double sign = Draws.sign(rng);
      ramp(drift, start, duration, sign * size);
      if (rng.nextDouble() < MICRO_REVERSAL_CHANCE) {
        ramp(
            drift,
            start + duration,
            10 + rng.nextInt(21),
            -sign * size * (0.5 + 0.5 * rng.nextDouble()));
      }
    }
  }

  private static void addJumps(double[] drift, SplittableRandom rng, double volScale) {
    int count = Draws.poisson(rng, JUMPS_PER_DAY);
    for (int i = 0; i < count; i++) {
      drift[1 + rng.nextInt(drift.length - 1)] += volScale * JUMP_SD * rng.nextGaussian();
    }
  }

  /** Spreads a total log move evenly over [start, start + length), clipped to the day. */
  private static void ramp(double[] drift, int start, int length, double total) {
    double perSecond = total / length;
    int end = Math.min(drift.length, start + length);
    for (int s = Math.max(1, start); s < end; s++) {
      drift[s] += perSecond;
    }
  }

  private static float[] activity(double[] x, double vol, double[] u, SplittableRandom rng) {
    int n = x.length;
    float[] act = new float[n];
    double sigma = vol / Math.sqrt(TRADING_SECONDS_PER_YEAR);
    double sd30 = sigma * Math.sqrt(30);
    double sd300 = sigma * Math.sqrt(300);
    double decay = Math.exp(-1 / ACTIVITY_DECAY_SECONDS);
    double a = 1;
    for (int s = 0; s < n; s++) {
      double z30 = Math.abs(x[s] - x[Math.max(0, s - 30)]) / (sd30 * u[s]);
      double z300 = Math.abs(x[s] - x[Math.max(0, s - 300)]) / (sd300 * u[s]);
      double excess = Math.max(0, Math.max(z30, z300) - 1);
      double target = Math.min(MAX_ACTIVITY, 1 + ACTIVITY_GAIN * excess * excess);
      a = Math.max(target, 1 + (a - 1) * decay);
      act[s] = (float) a;
    }
    // bursts of trading that no spot move explains (a large order working, a rumour)
    int count = Draws.poisson(rng, VOLUME_BURSTS_PER_HOUR * n / 3_600.0);
    for (int i = 0; i < count; i++) {
      int start = rng.nextInt(n);
      int end = Math.min(n, start + 20 + rng.nextInt(41));
      double mult = 1.6 + rng.nextDouble();
      for (int s = start; s < end; s++) {
        act[s] = (float) Math.min(MAX_ACTIVITY, act[s] * mult);
      }
    }
    return act;
  }

  private static float[] ivShift(double[] x, SplittableRandom rng) {
    int n = x.length;
    float[] out = new float[n];
    double a = Math.exp(-1 / IV_NOISE_TAU);
    double b = IV_NOISE_SD * Math.sqrt(1 - a * a);
    double y = 0;
    for (int s = 0; s < n; s++) {
      y = a * y + b * rng.nextGaussian();
      out[s] = (float) (-IV_SPOT_BETA * (x[s] - x[0]) + y);
    }
    return out;
  }

  private static float[] flow(double[] x) {
    int n = x.length;
    float[] out = new float[n];
    for (int s = 0; s < n; s++) {
      double r = (x[s] - x[Math.max(0, s - FLOW_WINDOW)]) / FLOW_SCALE;
      out[s] = (float) Math.max(-1, Math.min(1, r));
    }
    return out;
  }
}
