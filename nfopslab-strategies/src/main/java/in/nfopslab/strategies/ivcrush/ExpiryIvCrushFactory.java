package in.nfopslab.strategies.ivcrush;

import in.nfopslab.core.strategy.ExpiryChoice;
import in.nfopslab.core.strategy.ParamSpec;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.strategy.StrategyDescriptor;
import in.nfopslab.core.strategy.StrategyFactory;
import java.util.List;

/** Registers {@link ExpiryIvCrush} as {@code expiry_iv_crush}. */
public final class ExpiryIvCrushFactory implements StrategyFactory {
  static final StrategyDescriptor DESCRIPTOR =
      new StrategyDescriptor(
          "expiry_iv_crush",
          "on expiry days, sell the expiring ATM straddle at each entry time",
          List.of(
              ParamSpec.ofString(
                  "entry_times", "10:00:00", "entry times, HH:mm:ss separated by commas"),
              ParamSpec.ofDouble("target_pct", 50, "target, percent of the entry premium"),
              ParamSpec.ofDouble("stop_pct", 30, "stop, percent of the entry premium"),
              ParamSpec.ofTime(
                  "exit_time", "15:15:00", "end-of-day exit of the positions (exit reason eod)")),
          ExpiryChoice.NEAREST);

  @Override
  public StrategyDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Strategy create(StrategyConfig config) {
    return new ExpiryIvCrush(config.params());
  }
}
