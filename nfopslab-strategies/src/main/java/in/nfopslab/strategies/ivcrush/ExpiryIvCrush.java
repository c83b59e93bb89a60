package in.nfopslab.strategies.ivcrush;

import in.nfopslab.core.strategy.ExitRules;
import in.nfopslab.core.strategy.Level;
import in.nfopslab.core.strategy.Params;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyContext;
import in.nfopslab.core.trade.Side;
import in.nfopslab.strategies.common.AtmEntries;
import in.nfopslab.strategies.common.ClockTimes;
import in.nfopslab.strategies.common.ImpliedVols;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

/**
 * Expiry-day IV crush (STRATEGIES.md #4). On expiry days only (the strategy's expiry is today): at
 * each of entry_times sell the ATM straddle of the expiring contract. Exits: target and stop in
 * percent of the premium, then exit_time (eod), before the contract settles.
 */
public final class ExpiryIvCrush implements Strategy {
  private final LocalTime[] entryTimes;
  private final ExitRules exits;
  private int[] entrySeconds;
  private LocalDate expiring; // today's expiry, or null on other days

  public ExpiryIvCrush(Params params) {
    this.entryTimes = ClockTimes.parse("entry_times", params.getString("entry_times"));
    LocalTime exitTime = params.getTime("exit_time");
    if (!exitTime.isAfter(entryTimes[entryTimes.length - 1])) {
      throw new IllegalArgumentException(
          "expiry_iv_crush needs every entry time before exit_time " + exitTime);
    }
    this.exits =
        ExitRules.none()
            .withTarget(Level.percent(params.getDouble("target_pct")))
            .withStop(Level.percent(params.getDouble("stop_pct")))
            .withEodExit(exitTime);
  }

  @Override
  public void onDayStart(StrategyContext ctx) {
    entrySeconds = new int[entryTimes.length];
    for (int i = 0; i < entryTimes.length; i++) {
      entrySeconds[i] = ctx.secondOf(entryTimes[i]);
    }
    LocalDate e = ctx.expiry();
    expiring = ctx.date().equals(e) ? e : null;
  }

  @Override
  public void onSecond(StrategyContext ctx) {
    if (expiring == null) {
      return;
    }
    int now = ctx.now();
    for (int s : entrySeconds) {
      if (s == now) {
        int strike = AtmEntries.straddleStrike(ctx, expiring);
        AtmEntries.straddle(
            ctx,
            expiring,
            strike,
            Side.SELL,
            exits,
            Map.of(
                "iv_at_entry",
                strike == StrategyContext.NO_STRIKE
                    ? Double.NaN
                    : 100 * ImpliedVols.atm(ctx, expiring, strike)));
      }
    }
  }
}
