package in.nfopslab.strategies.common;

import in.nfopslab.core.strategy.ExpiryChoice;
import in.nfopslab.core.strategy.StrategyContext;
import java.time.LocalDate;

/** Expiry rules that more than one strategy states. */
public final class Expiries {
  /** One full day, in the years of {@link ImpliedVols#yearsToExpiry}. */
  private static final double ONE_DAY = 1.0 / 365.0;

  private Expiries() {}

  /**
   * The strategy's expiry when at least one full day (24 h to its 15:30 cut-off) is left, else the
   * one after it: the calendar's next expiry when the strategy trades the nearest, otherwise the
   * first later expiry with data today. Null (skip recorded) when there is none.
   */
  public static LocalDate withFullDayLeft(StrategyContext ctx) {
    LocalDate e = ctx.expiry();
    if (e == null || ImpliedVols.yearsToExpiry(ctx, e) >= ONE_DAY) {
      return e;
    }
    if (ctx.params().expiryChoice() == ExpiryChoice.NEAREST) {
      return ctx.expiry(ExpiryChoice.NEXT);
    }
    for (LocalDate d : ctx.expiries()) {
      if (d.isAfter(e)) {
        return d;
      }
    }
    ctx.skip("no expiry after " + e + " has data on " + ctx.date());
    return null;
  }
}
