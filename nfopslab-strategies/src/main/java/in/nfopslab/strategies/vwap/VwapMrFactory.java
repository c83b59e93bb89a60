package in.nfopslab.strategies.vwap;

import in.nfopslab.core.strategy.ExpiryChoice;
import in.nfopslab.core.strategy.ParamSpec;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.strategy.StrategyDescriptor;
import in.nfopslab.core.strategy.StrategyFactory;
import java.util.List;

/** Registers {@link VwapMr} as {@code vwap_mr}. */
public final class VwapMrFactory implements StrategyFactory {
  static final StrategyDescriptor DESCRIPTOR =
      new StrategyDescriptor(
          "vwap_mr",
          "VWAP mean reversion: buy the ATM PE when futures run above their VWAP, the ATM CE when below",
          List.of(
              ParamSpec.ofTime("entry_start", "10:00:00", "first second an entry may be decided"),
              ParamSpec.ofTime("entry_end", "14:30:00", "last second an entry may be decided"),
              ParamSpec.ofDouble(
                  "threshold_pct", 0.3, "|futures - VWAP| / VWAP, in percent, that opens a trade"),
              ParamSpec.ofDouble(
                  "target_pct", 20, "target, percent of the entry premium (0 = off)"),
              ParamSpec.ofDouble("stop_pct", 15, "stop, percent of the entry premium (0 = off)"),
              ParamSpec.ofInt("max_trades", 3, "entries a day"),
              ParamSpec.ofInt("cooldown_mins", 10, "minutes after an exit before the next entry"),
              ParamSpec.ofTime(
                  "exit_time", "15:15:00", "end-of-day exit of a position (exit reason eod)")),
          ExpiryChoice.NEAREST);

  @Override
  public StrategyDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Strategy create(StrategyConfig config) {
    return new VwapMr(config.params());
  }
}
