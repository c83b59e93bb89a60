package in.nfopslab.data.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The day-to-day regime process of one underlying. Realised vol follows an AR(1) in logs around the
 * profile's base vol (calm and busy weeks); the option market's vol level is yesterday's vol
 * blended with the long run (its forecast) plus an autocorrelated gap, so implied vol sometimes
 * sits several points above realised vol and sometimes below it. Overnight gaps scale with the
 * day's vol and have a fat tail (about one day in 16 gaps 0.6-1.5%).
 */
final class DayRegimes {
  static final double VOL_PERSISTENCE = 0.75;
  static final double VOL_OF_VOL = 0.20;
  static final double MAX_LOG_DEVIATION = 0.9;
  static final double GAP_PERSISTENCE = 0.5;
  static final double GAP_SD = 0.025;

  /**
   * Mean IV premium over the forecast, in vol (trading time; quoted ACT/365 vols come out higher,
   * see VolSurface).
   */
  static final double IV_PREMIUM = 0;

  static final double MIN_VOL = 0.04;
  static final double OVERNIGHT_SD = 0.0035;
  static final double BIG_GAP_CHANCE = 0.06;

  private DayRegimes() {}

  /**
   * One regime per trading day, in order; day 0 has no overnight gap (it opens at the profile's
   * level).
   */
  static List<DayRegime> generate(SymbolProfile profile, List<LocalDate> days, long seed) {
    List<DayRegime> out = new ArrayList<>(days.size());
    double base = profile.baseVol();
    double logDev = 0;
    double gap = 0;
    double previousVol = base;
    for (int i = 0; i < days.size(); i++) {
      LocalDate d = days.get(i);
      SplittableRandom rng = Seeds.random(seed, profile.symbol() + "|" + d + "|regime");
      logDev =
          clamp(
              VOL_PERSISTENCE * logDev + VOL_OF_VOL * rng.nextGaussian(),
              -MAX_LOG_DEVIATION,
              MAX_LOG_DEVIATION);
      double vol = base * Math.exp(logDev);
      double forecast = 0.5 * previousVol + 0.5 * base;
      gap = GAP_PERSISTENCE * gap + GAP_SD * rng.nextGaussian();
      double ivLevel = Math.max(MIN_VOL, forecast + IV_PREMIUM + gap);
      double overnight = 0;
      if (i > 0) {
        overnight = OVERNIGHT_SD * (vol / base) * rng.nextGaussian();
        if (rng.nextDouble() < BIG_GAP_CHANCE) {
          overnight += (rng.nextBoolean() ? 1 : -1) * (0.006 + 0.009 * rng.nextDouble());
        }
      }
      out.add(new DayRegime(d, vol, ivLevel, overnight));
      previousVol = vol;
    }
    return out;
  }

  static double clamp(double x, double lo, double hi) {
    return Math.max(lo, Math.min(hi, x));
  }
}
