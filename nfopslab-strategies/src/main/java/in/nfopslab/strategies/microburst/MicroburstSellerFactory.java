package in.nfopslab.strategies.microburst;

import in.nfopslab.core.strategy.ExpiryChoice;
import in.nfopslab.core.strategy.ParamSpec;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.strategy.StrategyDescriptor;
import in.nfopslab.core.strategy.StrategyFactory;
import java.util.List;

/** Registers {@link MicroburstSeller} as {@code microburst_seller}. */
public final class MicroburstSellerFactory implements StrategyFactory {
  /** The NIFTY default of {@code burst_thresh}, used when it is 0. */
  static final double NIFTY_THRESH = 3;

  /** The BANKNIFTY default of {@code burst_thresh}, used when it is 0. */
  static final double BANKNIFTY_THRESH = 6;

  static final StrategyDescriptor DESCRIPTOR =
      new StrategyDescriptor(
          "microburst_seller",
          "fade a 3-second spot burst that slows or reverses: sell the ATM CE after an up burst, the PE after a down one",
          List.of(
              ParamSpec.ofInt(
                  "burst_secs",
                  3,
                  "burst window: spot one second ago - spot burst_secs before that"),
              ParamSpec.ofDouble(
                  "burst_thresh",
                  0,
                  "|burst| in index points; 0 = by symbol (NIFTY "
                      + NIFTY_THRESH
                      + ", BANKNIFTY "
                      + BANKNIFTY_THRESH
                      + ")"),
              ParamSpec.ofDouble(
                  "vol_mult",
                  1.5,
                  "sold option's volume over the last burst_secs >= vol_mult x base "
                      + "(0 = no check)"),
              ParamSpec.ofInt(
                  "base_secs",
                  60,
                  "volume base: mean volume per second over base_secs, x burst_secs"),
              ParamSpec.ofDouble("target_pts", 2, "target, premium points (0 = off)"),
              ParamSpec.ofDouble("stop_pts", 2, "stop, premium points (0 = off)"),
              ParamSpec.ofDouble("trail_pts", 1, "trailing stop, premium points (0 = off)"),
              ParamSpec.ofInt("cooldown_secs", 60, "seconds after an exit before the next entry"),
              ParamSpec.ofTime("entry_end", "15:10:00", "last second an entry may be decided")),
          ExpiryChoice.NEAREST);

  @Override
  public StrategyDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Strategy create(StrategyConfig config) {
    return new MicroburstSeller(config);
  }
}
