package in.nfopslab.strategies.calendar;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.strategy.BarView;
import in.nfopslab.core.strategy.EntryOrder;
import in.nfopslab.core.strategy.ExitRules;
import in.nfopslab.core.strategy.OrderLeg;
import in.nfopslab.core.strategy.Params;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyContext;
import in.nfopslab.core.trade.Side;
import in.nfopslab.strategies.common.AtmEntries;
import in.nfopslab.strategies.common.ImpliedVols;
import in.nfopslab.strategies.common.Levels;
import in.nfopslab.strategies.common.ParamChecks;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Calendar spread (STRATEGIES.md #11). Daily at anchor (10:00): front = the strategy's expiry
 * (nearest), back = the first later expiry with option data today. Strike: the front's straddle
 * strike (ATM, or the nearest strike where the front CE and PE have traded); the back must have
 * traded CE and PE there too. ATM IV of each = mean of its CE and PE implied vols (NSE convention,
 * {@link ImpliedVols}). Front - back > threshold (2 vol points): sell the front straddle and buy
 * the back straddle; back - front > threshold: buy the front, sell the back. Four legs, one
 * position. Exits: stop at stop_pct (25%) of the net premium |back straddle - front straddle|
 * (engine), exit_time 15:15 (eod). Every day it does not trade records why (only one expiry, no
 * common strike, no IV, IVs too close).
 */
public final class CalendarSpread implements Strategy {
  private final LocalTime anchor;
  private final double threshold;
  private final ExitRules exits;

  private int anchorSecond;

  public CalendarSpread(Params params) {
    this.anchor = params.getTime("anchor");
    LocalTime exitTime = params.getTime("exit_time");
    ParamChecks.requireOrder("calendar_spread", "anchor", anchor, "exit_time", exitTime);
    this.threshold =
        ParamChecks.notNegative("calendar_spread", "threshold", params.getDouble("threshold"));
    this.exits =
        ExitRules.none()
            .withStop(Levels.percent(params.getDouble("stop_pct")))
            .withEodExit(exitTime);
  }

  @Override
  public void onDayStart(StrategyContext ctx) {
    anchorSecond = ctx.secondOf(anchor);
  }

  @Override
  public void onSecond(StrategyContext ctx) {
    if (ctx.now() != anchorSecond) {
      return;
    }
    LocalDate front = ctx.expiry();
    if (front == null) {
      return;
    }
    LocalDate back = laterExpiry(ctx, front);
    if (back == null) {
      ctx.skip(
          "calendar_spread: only one expiry has data today (front " + front + ", no later expiry)");
      return;
    }
    int strike = AtmEntries.straddleStrike(ctx, front);
    if (strike == StrategyContext.NO_STRIKE) {
      return;
    }
    if (!traded(ctx.option(back, OptionType.CE, strike))
        || !traded(ctx.option(back, OptionType.PE, strike))) {
      ctx.skip(
          "calendar_spread: back expiry "
              + back
              + " has no traded CE and PE at the front's strike "
              + strike);
      return;
    }
    double frontIv = 100 * ImpliedVols.atm(ctx, front, strike);
    double backIv = 100 * ImpliedVols.atm(ctx, back, strike);
    if (Double.isNaN(frontIv) || Double.isNaN(backIv)) {
      ctx.skip(
          "calendar_spread: no ATM implied vol at "
              + strike
              + " (front "
              + frontIv
              + ", back "
              + backIv
              + ")");
      return;
    }
    double diff = frontIv - backIv;
    Side frontSide;
    if (diff > threshold) {
      frontSide = Side.SELL;
    } else if (-diff > threshold) {
      frontSide = Side.BUY;
    } else {
      ctx.skip(
          "calendar_spread: front - back ATM IV "
              + diff
              + " is within "
              + threshold
              + " vol points");
      return;
    }
    Side backSide = frontSide == Side.SELL ? Side.BUY : Side.SELL;
    ctx.enter(
        EntryOrder.of(
                exits,
                new OrderLeg(front, OptionType.CE, strike, frontSide, 1),
                new OrderLeg(front, OptionType.PE, strike, frontSide, 1),
                new OrderLeg(back, OptionType.CE, strike, backSide, 1),
                new OrderLeg(back, OptionType.PE, strike, backSide, 1))
            .withExtra("front_iv", frontIv)
            .withExtra("back_iv", backIv)
            .withExtra("iv_diff", diff)
            .withExtra("spot_at_signal", ctx.spot().close()));
  }

  private static LocalDate laterExpiry(StrategyContext ctx, LocalDate front) {
    for (LocalDate e : ctx.expiries()) {
      if (e.isAfter(front)) {
        return e;
      }
    }
    return null;
  }

  private static boolean traded(BarView v) {
    return v != null && v.lastTrade() >= 0;
  }
}
