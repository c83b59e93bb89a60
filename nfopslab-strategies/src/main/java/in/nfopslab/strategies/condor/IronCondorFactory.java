package in.nfopslab.strategies.condor;

import in.nfopslab.core.strategy.ExpiryChoice;
import in.nfopslab.core.strategy.ParamSpec;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.strategy.StrategyDescriptor;
import in.nfopslab.core.strategy.StrategyFactory;
import java.util.List;

/** Registers {@link IronCondor} as {@code iron_condor}. */
public final class IronCondorFactory implements StrategyFactory {
  static final StrategyDescriptor DESCRIPTOR =
      new StrategyDescriptor(
          "iron_condor",
          "sell OTM CE and PE short_steps from ATM, buy wings wing_steps further out; four legs",
          List.of(
              ParamSpec.ofTime("anchor", "10:00:00", "entry time"),
              ParamSpec.ofInt("short_steps", 2, "strike steps from ATM to each short leg"),
              ParamSpec.ofInt("wing_steps", 2, "strike steps from each short leg out to its wing"),
              ParamSpec.ofDouble("target_pct", 50, "target, percent of the credit"),
              ParamSpec.ofDouble(
                  "stop_pct", 100, "stop when the loss reaches this percent of the credit"),
              ParamSpec.ofTime(
                  "exit_time", "15:15:00", "end-of-day exit of the position (exit reason eod)")),
          ExpiryChoice.NEAREST);

  @Override
  public StrategyDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Strategy create(StrategyConfig config) {
    return new IronCondor(config.params());
  }
}
