package in.nfopslab.fees;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The summary metrics of one strategy over one period, from its trades after fees and the trading
 * days it ran on. Daily ratios use every trading day of the period within the run, a day without a
 * trade counting as zero PnL (the strategy's capital was idle, not absent), annualised with
 * sqrt(252).
 */
final class Metrics {
  static final double ANNUALISATION = Math.sqrt(252.0);

  private Metrics() {}

  /**
   * @param trades the strategy's trades (any dates: those in the period are used)
   * @param days the strategy's trading days, ascending (those in the period are used)
   */
  static SummaryRow compute(
      String symbol,
      StrategyKey key,
      Period period,
      List<TradeOutcome> trades,
      List<LocalDate> days) {
    Map<LocalDate, Double> byDay = new HashMap<>();
    long count = 0;
    long legs = 0;
    long wins = 0;
    double grossPoints = 0;
    double grossInr = 0;
    double won = 0;
    double lost = 0;
    FeeBreakdown fees = FeeBreakdown.ZERO;
    for (TradeOutcome t : trades) {
      if (!period.contains(t.date())) {
        continue;
      }
      count++;
      legs += t.legs();
      grossPoints += t.grossPoints();
      grossInr += t.grossInr();
      fees = fees.plus(t.fees());
      double net = t.netInr();
      if (net > 0) {
        wins++;
        won += net;
      } else {
        lost -= net;
      }
      byDay.merge(t.date(), net, Double::sum);
    }
    List<LocalDate> in = days.stream().filter(period::contains).toList();
    double[] daily = new double[in.size()];
    for (int i = 0; i < daily.length; i++) {
      daily[i] = byDay.getOrDefault(in.get(i), 0.0);
    }
    LocalDate best = null;
    LocalDate worst = null;
    for (Map.Entry<LocalDate, Double> e : byDay.entrySet()) {
      LocalDate d = e.getKey();
      double v = e.getValue();
      if (best == null || v > byDay.get(best) || (v == byDay.get(best) && d.isBefore(best))) {
        best = d;
      }
      if (worst == null || v < byDay.get(worst) || (v == byDay.get(worst) && d.isBefore(worst))) {
        worst = d;
      }
    }
    double net = grossInr - fees.total();
    return new SummaryRow(
        symbol,
        key.strategy(),
        key.paramsId(),
        period.label(),
        in.isEmpty() ? null : in.get(0),
        in.isEmpty() ? null : in.get(in.size() - 1),
        in.size(),
        byDay.size(),
        count,
        legs,
        count == 0 ? Double.NaN : (double) wins / count,
        grossPoints,
        grossInr,
        fees.total(),
        net,
        count == 0 ? Double.NaN : net / count,
        profitFactor(won, lost, count),
        maxDrawdown(daily),
        sharpe(daily),
        sortino(daily),
        best,
        best == null ? Double.NaN : byDay.get(best),
        worst,
        worst == null ? Double.NaN : byDay.get(worst),
        fees);
  }

  /** Gross profit of winning trades over gross loss of losing ones; infinite when nothing lost. */
  static double profitFactor(double won, double lost, long trades) {
    if (trades == 0) {
      return Double.NaN;
    }
    if (lost == 0) {
      return won > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }
    return won / lost;
  }

  /** Cumulative sums of daily PnL. */
  static double[] cumulative(double[] daily) {
    double[] c = new double[daily.length];
    double sum = 0;
    for (int i = 0; i < daily.length; i++) {
      sum += daily[i];
      c[i] = sum;
    }
    return c;
  }

  /**
   * Drawdown after each day: cumulative PnL minus its running peak (<= 0); the peak starts at 0.
   */
  static double[] drawdown(double[] daily) {
    double[] dd = new double[daily.length];
    double sum = 0;
    double peak = 0;
    for (int i = 0; i < daily.length; i++) {
      sum += daily[i];
      peak = Math.max(peak, sum);
      dd[i] = sum - peak;
    }
    return dd;
  }

  static double maxDrawdown(double[] daily) {
    double max = 0;
    for (double d : drawdown(daily)) {
      max = Math.max(max, -d);
    }
    return max;
  }

  static double sharpe(double[] daily) {
    int n = daily.length;
    if (n < 2) {
      return Double.NaN;
    }
    double mean = mean(daily);
    double ss = 0;
    for (double v : daily) {
      ss += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(ss / (n - 1));
    return sd > 0 ? mean / sd * ANNUALISATION : Double.NaN;
  }

  static double sortino(double[] daily) {
    int n = daily.length;
    if (n < 2) {
      return Double.NaN;
    }
    double ss = 0;
    for (double v : daily) {
      if (v < 0) {
        ss += v * v;
      }
    }
    double downside = Math.sqrt(ss / n);
    return downside > 0 ? mean(daily) / downside * ANNUALISATION : Double.NaN;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }
}
