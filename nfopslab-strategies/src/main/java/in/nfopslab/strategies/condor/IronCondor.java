package in.nfopslab.strategies.condor;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.strategy.EntryOrder;
import in.nfopslab.core.strategy.ExitRules;
import in.nfopslab.core.strategy.Level;
import in.nfopslab.core.strategy.OrderLeg;
import in.nfopslab.core.strategy.Params;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyContext;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Iron condor (STRATEGIES.md #6). At anchor: sell the CE short_steps strikes above ATM and the PE
 * short_steps below, buy the wings wing_steps further out; four legs of the strategy's expiry. A
 * strike without data moves to the nearest one of its type that has traded (within
 * max_strike_shift); the trade is skipped when the moves would cross the condor (a wing not outside
 * its short). Exits: target at a percent of the credit, stop when the loss reaches a percent of the
 * credit, then exit_time (eod).
 */
public final class IronCondor implements Strategy {
  private final LocalTime anchor;
  private final int shortSteps;
  private final int wingSteps;
  private final ExitRules exits;
  private int anchorSecond;

  public IronCondor(Params params) {
    this.anchor = params.getTime("anchor");
    this.shortSteps = params.getInt("short_steps");
    this.wingSteps = params.getInt("wing_steps");
    LocalTime exitTime = params.getTime("exit_time");
    if (shortSteps < 0 || wingSteps < 1 || !exitTime.isAfter(anchor)) {
      throw new IllegalArgumentException(
          "iron_condor needs short_steps >= 0, wing_steps >= 1 and anchor < exit_time");
    }
    this.exits =
        ExitRules.none()
            .withTarget(Level.percent(params.getDouble("target_pct")))
            .withStop(Level.percent(params.getDouble("stop_pct")))
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
    LocalDate expiry = ctx.expiry();
    int atm = ctx.atm();
    if (expiry == null || atm == StrategyContext.NO_STRIKE) {
      return;
    }
    int step = ctx.strikeStep();
    int shortCall = ctx.nearestAvailable(expiry, atm + shortSteps * step, OptionType.CE);
    int shortPut = ctx.nearestAvailable(expiry, atm - shortSteps * step, OptionType.PE);
    if (shortCall == StrategyContext.NO_STRIKE || shortPut == StrategyContext.NO_STRIKE) {
      return;
    }
    int longCall = ctx.nearestAvailable(expiry, shortCall + wingSteps * step, OptionType.CE);
    int longPut = ctx.nearestAvailable(expiry, shortPut - wingSteps * step, OptionType.PE);
    if (longCall == StrategyContext.NO_STRIKE || longPut == StrategyContext.NO_STRIKE) {
      return;
    }
    if (!(longPut < shortPut && shortPut <= shortCall && shortCall < longCall)) {
      ctx.skip(
          "iron_condor: strikes "
              + longPut
              + " < "
              + shortPut
              + " <= "
              + shortCall
              + " < "
              + longCall
              + " do not hold after moving to strikes with data");
      return;
    }
    ctx.enter(
        EntryOrder.of(
                exits,
                OrderLeg.sell(expiry, OptionType.CE, shortCall),
                OrderLeg.sell(expiry, OptionType.PE, shortPut),
                OrderLeg.buy(expiry, OptionType.CE, longCall),
                OrderLeg.buy(expiry, OptionType.PE, longPut))
            .withExtra("spot_at_signal", ctx.spot().close())
            .withExtra("atm_strike", atm));
  }
}
