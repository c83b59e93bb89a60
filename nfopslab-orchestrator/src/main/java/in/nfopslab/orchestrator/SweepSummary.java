package in.nfopslab.orchestrator;

import in.nfopslab.core.trade.TradeLeg;
import java.util.List;

/**
 * One variant's side-by-side numbers: trades (distinct trade ids), win rate (trades whose summed
 * leg points are positive), total points, total rupees, and the maximum drawdown of cumulative
 * points in trade order. Gross of fees (nfops fees adds them).
 */
public record SweepSummary(
    String paramsId,
    List<String> params,
    long trades,
    double winRate,
    double totalPoints,
    double totalInr,
    double maxDrawdownPoints,
    long failedTasks) {

  /** Computes the summary of one variant's legs, already sorted in trade order. */
  static SweepSummary of(
      String paramsId, List<String> params, List<TradeLeg> legs, long failedTasks) {
    // a trade's legs may not be adjacent in entry order (hedges, legs filled later): group by (day,
    // trade id)
    java.util.LinkedHashMap<String, double[]> byTrade = new java.util.LinkedHashMap<>();
    double inr = 0;
    for (TradeLeg l : legs) {
      byTrade.computeIfAbsent(l.tradeDate() + "#" + l.tradeId(), k -> new double[1])[0] +=
          l.pnlPoints();
      inr += l.pnlInr();
    }
    long wins = 0;
    double total = 0;
    double peak = 0;
    double maxDd = 0;
    for (double[] points : byTrade.values()) {
      if (points[0] > 0) {
        wins++;
      }
      total += points[0];
      peak = Math.max(peak, total);
      maxDd = Math.max(maxDd, peak - total);
    }
    long trades = byTrade.size();
    return new SweepSummary(
        paramsId,
        params,
        trades,
        trades == 0 ? 0 : (double) wins / trades,
        total,
        inr,
        maxDd,
        failedTasks);
  }
}
