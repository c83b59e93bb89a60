package in.nfopslab.strategies.volspike;

import in.nfopslab.core.strategy.ExpiryChoice;
import in.nfopslab.core.strategy.ParamSpec;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.strategy.StrategyDescriptor;
import in.nfopslab.core.strategy.StrategyFactory;
import java.util.List;

/** Registers {@link VolumeSpikeMinute} as {@code volume_spike_minute}. */
public final class VolumeSpikeMinuteFactory implements StrategyFactory {
  static final StrategyDescriptor DESCRIPTOR =
      new StrategyDescriptor(
          "volume_spike_minute",
          "buy the ATM option whose minute volume exceeds 4 x the mean of the previous 5 minutes, at the next minute",
          List.of(
              ParamSpec.ofDouble(
                  "spike_mult", 4, "a minute's volume must exceed this multiple of the base mean"),
              ParamSpec.ofInt(
                  "base_mins", 5, "previous whole minutes whose mean volume is the base"),
              ParamSpec.ofTime("entry_start", "09:15:00", "first minute end that may signal"),
              ParamSpec.ofTime("entry_end", "15:00:00", "last second a signal may be decided"),
              ParamSpec.ofDouble("target_pts", 5, "target, premium points (0 = off)"),
              ParamSpec.ofDouble("stop_pts", 3, "stop, premium points (0 = off)")),
          ExpiryChoice.NEAREST);

  @Override
  public StrategyDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Strategy create(StrategyConfig config) {
    return new VolumeSpikeMinute(config.params());
  }
}
