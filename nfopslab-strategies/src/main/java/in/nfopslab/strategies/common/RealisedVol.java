package in.nfopslab.strategies.common;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.market.PastSpot;
import in.nfopslab.core.strategy.StrategyContext;
import java.util.List;

/**
 * Realised volatility of spot over previous trading days, never today (STRATEGIES.md #3): the
 * sample standard deviation of 1-minute log returns, annualised.
 *
 * <p>Each day is sampled at its whole minutes from the open (09:15:00, 09:16:00, ... 15:30:00: 376
 * closes, 375 returns). Returns are taken within a day only (no overnight gap), and a return is
 * skipped when either close is missing (before the day's first trade). The returns of all the days
 * are pooled; the variance is mean-subtracted with n - 1, and annualised by 252 trading days x the
 * session's minutes per day (375 for 09:15-15:30).
 */
public final class RealisedVol {
  /** Trading days per year used to annualise. */
  public static final int TRADING_DAYS_PER_YEAR = 252;

  private RealisedVol() {}

  /**
   * Annualised realised volatility (a fraction: 0.15 = 15 vol points) over exactly {@code days}
   * previous trading days, or NaN with a recorded skip when the lab holds fewer of them.
   */
  public static double previousDays(StrategyContext ctx, int days) {
    if (days < 1) {
      throw new IllegalArgumentException("realised volatility needs at least one day, got " + days);
    }
    List<PastSpot> past = ctx.previousDays(days);
    if (past.size() < days) {
      ctx.skip(
          "realised volatility needs "
              + days
              + " previous trading days, the lab has "
              + past.size()
              + " before "
              + ctx.date());
      return Double.NaN;
    }
    double rv = of(past);
    if (Double.isNaN(rv)) {
      ctx.skip(
          "realised volatility: fewer than two 1-minute spot returns in the previous "
              + days
              + " days");
    }
    return rv;
  }

  /**
   * Annualised realised volatility of the given days' spot, or NaN when they hold fewer than two
   * returns.
   */
  public static double of(List<PastSpot> days) {
    requireNonNull(days, "days is null");
    long n = 0;
    double sum = 0;
    double sumSq = 0;
    long minutesPerDay = 0;
    for (PastSpot day : days) {
      int last = day.seconds() - 1;
      minutesPerDay += last / 60;
      double prev = day.close(0);
      for (int t = 60; t <= last; t += 60) {
        double c = day.close(t);
        if (prev > 0 && c > 0) {
          double r = Math.log(c / prev);
          n++;
          sum += r;
          sumSq += r * r;
        }
        prev = c;
      }
    }
    if (n < 2) {
      return Double.NaN;
    }
    double mean = sum / n;
    double variance = Math.max(0.0, (sumSq - n * mean * mean) / (n - 1));
    double minutesPerYear = (double) TRADING_DAYS_PER_YEAR * minutesPerDay / days.size();
    return Math.sqrt(variance * minutesPerYear);
  }
}
