package in.nfopslab.strategies.ivrv;

import in.nfopslab.core.strategy.ExpiryChoice;
import in.nfopslab.core.strategy.ParamSpec;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.strategy.StrategyDescriptor;
import in.nfopslab.core.strategy.StrategyFactory;
import java.util.List;

/** Registers {@link IvRvSpread} as {@code iv_rv_spread}. */
public final class IvRvSpreadFactory implements StrategyFactory {
  static final StrategyDescriptor DESCRIPTOR =
      new StrategyDescriptor(
          "iv_rv_spread",
          "sell the ATM straddle when implied vol exceeds the previous days' realised vol, buy it when it is below",
          List.of(
              ParamSpec.ofTime("entry_time", "10:00:00", "daily decision and entry time"),
              ParamSpec.ofInt(
                  "rv_days",
                  5,
                  "previous trading days of 1-minute spot returns in RV (never today)"),
              ParamSpec.ofDouble(
                  "threshold", 2, "vol points IV must exceed RV (sell) or fall below it (buy)"),
              ParamSpec.ofDouble(
                  "stop_pct", 30, "stop, percent of the entry premium against the position"),
              ParamSpec.ofDouble(
                  "target_pct", 30, "target, percent of the entry premium in its favour"),
              ParamSpec.ofTime(
                  "exit_time", "15:15:00", "end-of-day exit of the position (exit reason eod)")),
          ExpiryChoice.NEAREST);

  @Override
  public StrategyDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Strategy create(StrategyConfig config) {
    return new IvRvSpread(config.params());
  }
}
