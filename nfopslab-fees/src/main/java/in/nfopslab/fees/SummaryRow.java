package in.nfopslab.fees;

import java.time.LocalDate;

/**
 * One row of {@code strategy_summary_{SYMBOL}.csv}: the metrics of one strategy and parameter set
 * over one period. Rupee amounts are after applying each leg's lot size; NaN where a metric is
 * undefined (no trades, fewer than two days, no losing day), infinite profit factor when nothing
 * lost. Dates are null when there was no trading day.
 *
 * @param tradingDays trading days in the period within the run (the denominator of the daily
 *     ratios)
 * @param activeDays days with at least one trade
 * @param winRate share of trades with net PnL above zero
 * @param grossPoints sum of pnl_points x lots over legs
 * @param maxDrawdownInr the largest fall of cumulative daily net PnL from its running peak (0 at
 *     the start)
 * @param sharpe mean / sample standard deviation of daily net PnL over the trading days, x
 *     sqrt(252)
 * @param sortino mean / downside deviation (root mean square of the negative days over all days) x
 *     sqrt(252)
 * @param fees the charges by component
 */
record SummaryRow(
    String symbol,
    String strategy,
    String paramsId,
    String period,
    LocalDate firstDay,
    LocalDate lastDay,
    int tradingDays,
    int activeDays,
    long trades,
    long legs,
    double winRate,
    double grossPoints,
    double grossInr,
    double feesInr,
    double netInr,
    double avgNetPerTrade,
    double profitFactor,
    double maxDrawdownInr,
    double sharpe,
    double sortino,
    LocalDate bestDay,
    double bestDayInr,
    LocalDate worstDay,
    double worstDayInr,
    FeeBreakdown fees) {
  StrategyKey key() {
    return new StrategyKey(strategy, paramsId);
  }
}
