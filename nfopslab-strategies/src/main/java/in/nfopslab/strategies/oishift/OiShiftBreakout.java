package in.nfopslab.strategies.oishift;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.strategy.ExitRules;
import in.nfopslab.core.strategy.Params;
import in.nfopslab.core.strategy.PositionState;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyContext;
import in.nfopslab.core.trade.Side;
import in.nfopslab.strategies.common.AtmEntries;
import in.nfopslab.strategies.common.Breakout;
import in.nfopslab.strategies.common.ChainViews;
import in.nfopslab.strategies.common.FlowImbalance;
import in.nfopslab.strategies.common.Levels;
import in.nfopslab.strategies.common.OpeningRange;
import in.nfopslab.strategies.common.ParamChecks;
import in.nfopslab.strategies.common.PriceRange;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

/**
 * Opening range breakout confirmed by option flow (STRATEGIES.md #8). Range: highest and lowest
 * spot close over range_start..range_end (09:15:00-09:59:59). Entry: from entry_start to entry_end
 * (10:00-14:00), the first second whose spot close is strictly above the high while flow imbalance
 * >= imbalance (0.2: puts being written) buys the ATM CE; strictly below the low with imbalance <=
 * -0.2 buys the ATM PE ({@code side=against_flow} buys the other option). Imbalance = (PE flow - CE
 * flow) / (PE + CE) at ATM-2 ... ATM+2 over the last flow_mins (15) minutes, flow = OI increase, or
 * volume when the files have no oi ({@link FlowImbalance}). Exits: target 30%, stop 15%, trailing
 * 10%, exit_time 15:15 (eod). One trade a day; an entry that never fills does not count.
 */
public final class OiShiftBreakout implements Strategy {
  private final OpeningRange openingRange;
  private final LocalTime start;
  private final LocalTime end;
  private final int windowSecs;
  private final int stepsEachSide;
  private final double threshold;
  private final boolean withFlow;
  private final ExitRules exits;
  private final FlowImbalance flow = new FlowImbalance();

  private int startSecond;
  private int endSecond;
  private ChainViews chain;
  private int position;
  private boolean done;

  public OiShiftBreakout(Params params) {
    LocalTime rangeStart = params.getTime("range_start");
    LocalTime rangeEnd = params.getTime("range_end");
    this.start = params.getTime("entry_start");
    this.end = params.getTime("entry_end");
    LocalTime exitTime = params.getTime("exit_time");
    ParamChecks.requireOrder(
        "oi_shift_breakout",
        "range_end",
        rangeEnd,
        "entry_start",
        start,
        "entry_end",
        end,
        "exit_time",
        exitTime);
    this.openingRange = new OpeningRange(rangeStart, rangeEnd);
    this.windowSecs =
        60 * ParamChecks.positive("oi_shift_breakout", "flow_mins", params.getInt("flow_mins"));
    this.stepsEachSide =
        ParamChecks.notNegative(
            "oi_shift_breakout", "strikes_each_side", params.getInt("strikes_each_side"));
    this.threshold = params.getDouble("imbalance");
    this.withFlow = params.getString("side").equals("with_flow");
    this.exits =
        ExitRules.none()
            .withTarget(Levels.percent(params.getDouble("target_pct")))
            .withStop(Levels.percent(params.getDouble("stop_pct")))
            .withTrailing(Levels.percent(params.getDouble("trail_pct")))
            .withEodExit(exitTime);
  }

  @Override
  public void onDayStart(StrategyContext ctx) {
    openingRange.onDayStart(ctx);
    startSecond = ctx.secondOf(start);
    endSecond = ctx.secondOf(end);
    chain = null;
    position = StrategyContext.NO_POSITION;
    done = startSecond < 0 || endSecond < 0;
  }

  @Override
  public void onSecond(StrategyContext ctx) {
    int now = ctx.now();
    if (done || now < startSecond) {
      return;
    }
    if (position != StrategyContext.NO_POSITION) {
      PositionState state = ctx.state(position);
      if (state == PositionState.PENDING) {
        return; // waiting for its fill
      }
      if (state != PositionState.CANCELLED) {
        done = true; // the day's one trade
        return;
      }
      position = StrategyContext.NO_POSITION;
    }
    if (now > endSecond) {
      done = true;
      ctx.skip("oi_shift_breakout: no confirmed breakout by " + end);
      return;
    }
    PriceRange range = openingRange.range(ctx);
    if (range == null) {
      return;
    }
    if (!range.isValid()) {
      done = true;
      ctx.skip("oi_shift_breakout: no spot trade in the opening range");
      return;
    }
    Breakout b = Breakout.of(ctx.spot().close(), range);
    if (b == Breakout.NONE) {
      return;
    }
    double imbalance = imbalance(ctx);
    if (!(b == Breakout.UP ? imbalance >= threshold : imbalance <= -threshold)) {
      return;
    }
    OptionType type = (b == Breakout.UP) == withFlow ? OptionType.CE : OptionType.PE;
    position =
        AtmEntries.single(
            ctx,
            type,
            Side.BUY,
            exits,
            Map.of(
                "range_high",
                range.high(),
                "range_low",
                range.low(),
                "imbalance",
                imbalance,
                "flow_from_oi",
                flow.fromOi() ? 1.0 : 0.0));
  }

  /** Flow imbalance around ATM now, or NaN when there is no flow (or no expiry or ATM). */
  private double imbalance(StrategyContext ctx) {
    if (chain == null) {
      LocalDate expiry = ctx.expiry();
      if (expiry == null) {
        done = true;
        return Double.NaN;
      }
      chain = new ChainViews(ctx, expiry);
    }
    int atm = ctx.atm();
    if (atm == StrategyContext.NO_STRIKE) {
      return Double.NaN;
    }
    return flow.measure(chain, atm, ctx.strikeStep(), stepsEachSide, windowSecs);
  }
}
