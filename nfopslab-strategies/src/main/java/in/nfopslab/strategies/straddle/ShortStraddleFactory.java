package in.nfopslab.strategies.straddle;

import in.nfopslab.core.strategy.ExpiryChoice;
import in.nfopslab.core.strategy.ParamSpec;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.strategy.StrategyDescriptor;
import in.nfopslab.core.strategy.StrategyFactory;
import java.util.List;

/** Registers {@link ShortStraddle} as {@code short_straddle}. */
public final class ShortStraddleFactory implements StrategyFactory {
  static final StrategyDescriptor DESCRIPTOR =
      new StrategyDescriptor(
          "short_straddle",
          "sell the ATM straddle at the anchor time; each leg has its own stop; the rest exits at exit_time",
          List.of(
              ParamSpec.ofTime("anchor", "11:00:00", "time the straddle is sold"),
              ParamSpec.ofDouble(
                  "leg_stop_pct",
                  25,
                  "a leg that rises this percent above its entry is bought back alone"),
              ParamSpec.ofTime(
                  "exit_time", "15:15:00", "end-of-day exit of the legs left (exit reason eod)")),
          ExpiryChoice.NEAREST);

  @Override
  public StrategyDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Strategy create(StrategyConfig config) {
    return new ShortStraddle(config.params());
  }
}
