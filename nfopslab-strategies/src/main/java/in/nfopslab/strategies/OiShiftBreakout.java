package in.nfopslab.strategies;

import static in.nfopslab.core.strategy.StrategyContext.NO_POSITION;
import static in.nfopslab.core.strategy.StrategyContext.NO_STRIKE;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.strategy.BarView;
import in.nfopslab.core.strategy.EntryOrder;
import in.nfopslab.core.strategy.ExitRules;
import in.nfopslab.core.strategy.ExpiryChoice;
import in.nfopslab.core.strategy.OrderLeg;
import in.nfopslab.core.strategy.ParamSpec;
import in.nfopslab.core.strategy.Params;
import in.nfopslab.core.strategy.PositionState;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.strategy.StrategyContext;
import in.nfopslab.core.strategy.StrategyDescriptor;
import in.nfopslab.core.strategy.StrategyFactory;
import in.nfopslab.strategies.common.ChainViews;
import in.nfopslab.strategies.common.FlowImbalance;
import in.nfopslab.strategies.common.Levels;
import in.nfopslab.strategies.common.ParamChecks;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * oi_shift_breakout: an opening-range breakout that trades only when option flow agrees.
 *
 * <ul>
 *   <li>Range: highest and lowest spot close from the open to {@code range_end} (09:59:59).
 *   <li>Entry, from {@code start} (10:00) to {@code end} (14:00), the first second that spot closes strictly above the
 *       range high with flow imbalance >= {@code imbalance} (0.2: puts being written), or strictly below the low with
 *       imbalance <= -0.2. Imbalance = (PE flow - CE flow) / (PE + CE) at ATM-2 ... ATM+2 of the traded expiry over
 *       the last {@code flow_mins} (15) minutes, flow = OI increase, or volume when the files carry no oi
 *       ({@link FlowImbalance}).
 *   <li>{@code side=with_flow} buys the ATM CE on the up break and the ATM PE on the down break; {@code against_flow}
 *       buys the other one (fades the break).
 *   <li>Exits: target 30%, stop 15%, trailing 10% of the premium, end of day at {@code exit_time} (15:15).
 *   <li>One trade a day (an entry that never fills does not count).
 * </ul>
 */
public final class OiShiftBreakout implements Strategy {
  public static final String NAME = "oi_shift_breakout";

  static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor(NAME,
      "buy the ATM option on an opening-range breakout confirmed by put/call flow imbalance",
      List.of(
          ParamSpec.ofTime("range_end", "09:59:59", "last second of the opening range (it starts at the open)"),
          ParamSpec.ofTime("start", "10:00:00", "first second a breakout can trade"),
          ParamSpec.ofTime("end", "14:00:00", "last second a breakout can trade"),
          ParamSpec.ofInt("flow_mins", 15, "flow window in minutes, ending at the signal second"),
          ParamSpec.ofInt("strikes_each_side", 2, "flow strikes: ATM-n ... ATM+n steps"),
          ParamSpec.ofDouble("imbalance", 0.2, "|imbalance| needed to confirm the break"),
          ParamSpec.ofEnum("side", "with_flow", "with_flow buys CE on an up break; against_flow buys PE",
              "with_flow", "against_flow"),
          ParamSpec.ofDouble("target_pct", 30, "target, % of premium (0 = off)"),
          ParamSpec.ofDouble("stop_pct", 15, "stop, % of premium (0 = off)"),
          ParamSpec.ofDouble("trail_pct", 10, "trailing stop, % of premium (0 = off)"),
          ParamSpec.ofTime("exit_time", "15:15:00", "end-of-day exit")),
      ExpiryChoice.NEAREST);

  /** The ServiceLoader entry. */
  public static final class Factory implements StrategyFactory {
    @Override
    public StrategyDescriptor descriptor() {
      return DESCRIPTOR;
    }

    @Override
    public Strategy create(StrategyConfig config) {
      return new OiShiftBreakout(config.params());
    }
  }

  private final LocalTime rangeEnd;
  private final LocalTime start;
  private final LocalTime end;
  private final int windowSecs;
  private final int stepsEachSide;
  private final double threshold;
  private final boolean withFlow;
  private final ExitRules exits;
  private final FlowImbalance flow = new FlowImbalance();

  // today
  private int startSec;
  private int endSec;
  private double high;
  private double low;
  private ChainViews chain;
  private int position;
  private boolean done;

  OiShiftBreakout(Params p) {
    rangeEnd = p.getTime("range_end");
    start = p.getTime("start");
    end = p.getTime("end");
    LocalTime exit = p.getTime("exit_time");
    ParamChecks.requireOrder(NAME, "range_end", rangeEnd, "start", start, "end", end, "exit_time", exit);
    windowSecs = 60 * ParamChecks.positive(NAME, "flow_mins", p.getInt("flow_mins"));
    stepsEachSide = ParamChecks.notNegative(NAME, "strikes_each_side", p.getInt("strikes_each_side"));
    threshold = p.getDouble("imbalance");
    withFlow = p.getString("side").equals("with_flow");
    exits = ExitRules.none()
        .withTarget(Levels.percent(p.getDouble("target_pct")))
        .withStop(Levels.percent(p.getDouble("stop_pct")))
        .withTrailing(Levels.percent(p.getDouble("trail_pct")))
        .withEodExit(exit);
  }

  @Override
  public void onDayStart(StrategyContext ctx) {
    startSec = ctx.secondOf(start);
    endSec = ctx.secondOf(end);
    high = Double.NaN;
    low = Double.NaN;
    chain = null;
    position = NO_POSITION;
    done = startSec < 0 || endSec < 0;
  }

  @Override
  public void onSecond(StrategyContext ctx) {
    int t = ctx.now();
    if (done || t < startSec || t > endSec) {
      return;
    }
    if (position != NO_POSITION) {
      if (ctx.state(position) != PositionState.CANCELLED) {
        return; // one trade a day
      }
      position = NO_POSITION;
    }
    BarView spot = ctx.spot();
    if (Double.isNaN(high)) {
      high = spot.highestClose(0, ctx.secondOf(rangeEnd));
      low = spot.lowestClose(0, ctx.secondOf(rangeEnd));
      if (Double.isNaN(high)) {
        ctx.skip("no spot trade in the opening range");
        done = true;
        return;
      }
    }
    double s = spot.close();
    boolean up = s > high;
    if (!up && !(s < low)) {
      return;
    }
    if (chain == null) {
      LocalDate expiry = ctx.expiry();
      if (expiry == null) {
        done = true;
        return;
      }
      chain = new ChainViews(ctx, expiry);
    }
    int atm = ctx.atm();
    if (atm == NO_STRIKE) {
      return;
    }
    double imbalance = flow.measure(chain, atm, ctx.strikeStep(), stepsEachSide, windowSecs);
    if (!(up ? imbalance >= threshold : imbalance <= -threshold)) {
      return;
    }
    OptionType type = up == withFlow ? OptionType.CE : OptionType.PE;
    int strike = ctx.nearestAvailable(chain.expiry(), atm, type);
    if (strike == NO_STRIKE) {
      done = true;
      return;
    }
    position = ctx.enter(EntryOrder.of(exits, OrderLeg.buy(chain.expiry(), type, strike))
        .withExtra("spot_at_signal", s)
        .withExtra("range_high", high)
        .withExtra("range_low", low)
        .withExtra("imbalance", imbalance)
        .withExtra("flow_from_oi", flow.fromOi() ? 1 : 0));
  }
}
