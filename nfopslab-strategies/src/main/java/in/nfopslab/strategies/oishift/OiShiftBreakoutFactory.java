package in.nfopslab.strategies.oishift;

import in.nfopslab.core.strategy.ExpiryChoice;
import in.nfopslab.core.strategy.ParamSpec;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.strategy.StrategyDescriptor;
import in.nfopslab.core.strategy.StrategyFactory;
import java.util.List;

/** Registers {@link OiShiftBreakout} as {@code oi_shift_breakout}. */
public final class OiShiftBreakoutFactory implements StrategyFactory {
  static final StrategyDescriptor DESCRIPTOR =
      new StrategyDescriptor(
          "oi_shift_breakout",
          "buy the ATM option on an opening-range breakout confirmed by put/call flow imbalance",
          List.of(
              ParamSpec.ofTime("range_start", "09:15:00", "first second of the opening range"),
              ParamSpec.ofTime("range_end", "09:59:59", "last second of the opening range"),
              ParamSpec.ofTime("entry_start", "10:00:00", "first second a breakout may enter"),
              ParamSpec.ofTime("entry_end", "14:00:00", "last second a breakout may enter"),
              ParamSpec.ofInt(
                  "flow_mins", 15, "flow window in minutes, ending at the signal second"),
              ParamSpec.ofInt("strikes_each_side", 2, "flow strikes: ATM-n ... ATM+n steps"),
              ParamSpec.ofDouble("imbalance", 0.2, "|imbalance| that confirms a breakout"),
              ParamSpec.ofEnum(
                  "side",
                  "with_flow",
                  "with_flow buys the CE on an up breakout, the PE on a down one; against_flow the other option",
                  "with_flow",
                  "against_flow"),
              ParamSpec.ofDouble(
                  "target_pct", 30, "target, percent of the entry premium (0 = off)"),
              ParamSpec.ofDouble("stop_pct", 15, "stop, percent of the entry premium (0 = off)"),
              ParamSpec.ofDouble(
                  "trail_pct", 10, "trailing stop, percent of the entry premium (0 = off)"),
              ParamSpec.ofTime(
                  "exit_time", "15:15:00", "end-of-day exit of the position (exit reason eod)")),
          ExpiryChoice.NEAREST);

  @Override
  public StrategyDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Strategy create(StrategyConfig config) {
    return new OiShiftBreakout(config.params());
  }
}
