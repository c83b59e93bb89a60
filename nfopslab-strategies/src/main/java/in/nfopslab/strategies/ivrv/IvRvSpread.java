package in.nfopslab.strategies.ivrv;

import in.nfopslab.core.strategy.ExitRules;
import in.nfopslab.core.strategy.Level;
import in.nfopslab.core.strategy.Params;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyContext;
import in.nfopslab.core.trade.Side;
import in.nfopslab.strategies.common.AtmEntries;
import in.nfopslab.strategies.common.Expiries;
import in.nfopslab.strategies.common.ImpliedVols;
import in.nfopslab.strategies.common.RealisedVol;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

/**
 * Implied against realised volatility (STRATEGIES.md #3). Daily at entry_time: ATM IV = mean of the
 * CE and PE implied vols of the nearest expiry with at least one full day left (else the next); RV
 * = annualised standard deviation of 1-minute spot log returns over the previous rv_days trading
 * days (never today). IV - RV > threshold (vol points) sells the ATM straddle, RV - IV > threshold
 * buys it. Exits: stop and target in percent of the premium, then exit_time (eod).
 */
public final class IvRvSpread implements Strategy {
  private final LocalTime entryTime;
  private final int rvDays;
  private final double threshold;
  private final ExitRules exits;
  private int entrySecond;

  public IvRvSpread(Params params) {
    this.entryTime = params.getTime("entry_time");
    this.rvDays = params.getInt("rv_days");
    this.threshold = params.getDouble("threshold");
    LocalTime exitTime = params.getTime("exit_time");
    if (rvDays < 1 || rvDays > 40 || !(threshold >= 0) || !exitTime.isAfter(entryTime)) {
      throw new IllegalArgumentException(
          "iv_rv_spread needs 1 <= rv_days <= 40, threshold >= 0 and entry_time < exit_time");
    }
    this.exits =
        ExitRules.none()
            .withStop(Level.percent(params.getDouble("stop_pct")))
            .withTarget(Level.percent(params.getDouble("target_pct")))
            .withEodExit(exitTime);
  }

  @Override
  public void onDayStart(StrategyContext ctx) {
    entrySecond = ctx.secondOf(entryTime);
  }

  @Override
  public void onSecond(StrategyContext ctx) {
    if (ctx.now() != entrySecond) {
      return;
    }
    LocalDate expiry = Expiries.withFullDayLeft(ctx);
    int strike = AtmEntries.straddleStrike(ctx, expiry);
    if (strike == StrategyContext.NO_STRIKE) {
      return;
    }
    double iv = 100 * ImpliedVols.atm(ctx, expiry, strike);
    if (Double.isNaN(iv)) {
      ctx.skip("iv_rv_spread: no implied vol at " + expiry + " " + strike);
      return;
    }
    double rv = 100 * RealisedVol.previousDays(ctx, rvDays);
    if (Double.isNaN(rv)) {
      return;
    }
    double spread = iv - rv;
    Side side = spread > threshold ? Side.SELL : -spread > threshold ? Side.BUY : null;
    if (side == null) {
      ctx.skip(
          String.format(
              "iv_rv_spread: IV %.2f - RV %.2f is within %s vol points", iv, rv, threshold));
      return;
    }
    AtmEntries.straddle(
        ctx,
        expiry,
        strike,
        side,
        exits,
        Map.of("iv_at_entry", iv, "rv_at_entry", rv, "iv_rv_spread", spread));
  }
}
