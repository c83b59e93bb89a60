package in.nfopslab.strategies.orb;

import in.nfopslab.core.strategy.ExpiryChoice;
import in.nfopslab.core.strategy.ParamSpec;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.strategy.StrategyDescriptor;
import in.nfopslab.core.strategy.StrategyFactory;
import java.util.List;

/** Registers {@link Orb} as {@code orb}. */
public final class OrbFactory implements StrategyFactory {
  static final StrategyDescriptor DESCRIPTOR =
      new StrategyDescriptor(
          "orb",
          "opening range breakout: buy the ATM CE above the range high, the ATM PE below its low",
          List.of(
              ParamSpec.ofTime("range_start", "09:15:00", "first second of the opening range"),
              ParamSpec.ofTime(
                  "range_end",
                  "09:29:59",
                  "last second of the opening range; entries start the next second"),
              ParamSpec.ofTime("entry_end", "11:00:00", "last second a breakout may enter"),
              ParamSpec.ofDouble("stop_pct", 15, "stop, percent of the entry premium"),
              ParamSpec.ofDouble("target_pct", 20, "target, percent of the entry premium"),
              ParamSpec.ofTime(
                  "exit_time", "15:15:00", "end-of-day exit of the position (exit reason eod)")),
          ExpiryChoice.NEAREST);

  @Override
  public StrategyDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Strategy create(StrategyConfig config) {
    return new Orb(config.params());
  }
}
