package in.nfopslab.fees;

import java.time.LocalDate;

/**
 * One trade (all legs with one trade id) after fees: the unit of trade counts, win rate and profit
 * factor.
 *
 * @param date the trade date (the earliest of its legs): the day its PnL counts on
 * @param grossPoints sum over legs of pnl_points x lots
 * @param grossInr sum over legs of pnl_points x lot_size x lots
 */
record TradeOutcome(
    LocalDate date, double grossPoints, double grossInr, FeeBreakdown fees, int legs) {
  double netInr() {
    return grossInr - fees.total();
  }
}
