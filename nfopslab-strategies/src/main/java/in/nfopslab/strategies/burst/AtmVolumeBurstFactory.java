package in.nfopslab.strategies.burst;

import in.nfopslab.core.strategy.ExpiryChoice;
import in.nfopslab.core.strategy.ParamSpec;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.strategy.StrategyDescriptor;
import in.nfopslab.core.strategy.StrategyFactory;
import java.util.List;

/** Registers {@link AtmVolumeBurst} as {@code atm_volume_burst}. */
public final class AtmVolumeBurstFactory implements StrategyFactory {
  static final StrategyDescriptor DESCRIPTOR =
      new StrategyDescriptor(
          "atm_volume_burst",
          "hourly windows: sell (or buy) the first near-ATM option whose 30 s volume bursts, if spot's trend agrees",
          List.of(
              ParamSpec.ofTime("first_window", "10:00:00", "start of the first window"),
              ParamSpec.ofTime(
                  "last_window",
                  "15:00:00",
                  "start of the last window (it ends at the end-of-day exit)"),
              ParamSpec.ofInt(
                  "window_mins", 60, "window length; the time exit is at the window's end"),
              ParamSpec.ofDouble("mult", 1.5, "burst when vol30 >= mult x base"),
              ParamSpec.ofInt("short_secs", 30, "the burst window (vol30)"),
              ParamSpec.ofInt(
                  "base_secs", 300, "the base window: mean volume per second over it x short_secs"),
              ParamSpec.ofEnum(
                  "mode", "sell", "sell (fade) or buy (follow) the bursting option", "sell", "buy"),
              ParamSpec.ofDouble("target_pct", 15, "target, percent of the entry premium"),
              ParamSpec.ofDouble("stop_pct", 15, "stop, percent of the entry premium"),
              ParamSpec.ofDouble(
                  "trail_pct",
                  10,
                  "trailing stop from the best price, percent of the entry premium")),
          ExpiryChoice.NEAREST);

  @Override
  public StrategyDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Strategy create(StrategyConfig config) {
    return new AtmVolumeBurst(config.params());
  }
}
