package in.nfopslab.strategies.momentum;

import in.nfopslab.core.strategy.ExpiryChoice;
import in.nfopslab.core.strategy.ParamSpec;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.strategy.StrategyDescriptor;
import in.nfopslab.core.strategy.StrategyFactory;
import java.util.List;

/** Registers {@link MomentumScalp} as {@code momentum_scalp}. */
public final class MomentumScalpFactory implements StrategyFactory {
  /** The NIFTY default of {@code price_thresh}, used when it is 0. */
  static final double NIFTY_THRESH = 1.5;

  /** The BANKNIFTY default of {@code price_thresh}, used when it is 0. */
  static final double BANKNIFTY_THRESH = 3;

  static final StrategyDescriptor DESCRIPTOR =
      new StrategyDescriptor(
          "momentum_scalp",
          "scalp a 3-second spot move with volume confirmation: buy with it, or sell the opposite option",
          List.of(
              ParamSpec.ofEnum(
                  "mode",
                  "buy",
                  "buy: CE on an up move, PE on a down one; sell_opposite: sell the PE on "
                      + "an up move, the CE on a down one",
                  "buy",
                  "sell_opposite"),
              ParamSpec.ofInt("short_secs", 3, "momentum window: spot now - spot short_secs ago"),
              ParamSpec.ofDouble(
                  "price_thresh",
                  0,
                  "|momentum| in index points that signals; 0 = by symbol (NIFTY "
                      + NIFTY_THRESH
                      + ", BANKNIFTY "
                      + BANKNIFTY_THRESH
                      + ")"),
              ParamSpec.ofDouble(
                  "vol_mult",
                  1.05,
                  "CE+PE volume over short_secs >= vol_mult x base (0 = no check)"),
              ParamSpec.ofInt(
                  "base_secs",
                  20,
                  "volume base: mean volume per second over base_secs, x short_secs"),
              ParamSpec.ofDouble("target_pts", 2, "target, premium points (0 = off)"),
              ParamSpec.ofDouble("stop_pts", 1, "stop, premium points (0 = off)"),
              ParamSpec.ofDouble("trail_pts", 0.5, "trailing stop, premium points (0 = off)"),
              ParamSpec.ofInt(
                  "drop_confirm",
                  2,
                  "exit after spot moves against the trade this many seconds in a row "
                      + "(0 = off)"),
              ParamSpec.ofInt("cooldown_secs", 10, "seconds after an exit before the next entry"),
              ParamSpec.ofTime("entry_end", "15:10:00", "last second an entry may be decided"),
              ParamSpec.ofTime(
                  "exit_time", "15:15:00", "end-of-day exit of a position (exit reason eod)"),
              ParamSpec.ofBoolean(
                  "probe",
                  false,
                  "debugging: on a day without a trade by probe_at, force one entry in "
                      + "the direction of the day's largest short_secs move so far (rows marked probe = 1)"),
              ParamSpec.ofTime("probe_at", "15:00:00", "when a probe entry is decided")),
          ExpiryChoice.NEAREST);

  @Override
  public StrategyDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Strategy create(StrategyConfig config) {
    return new MomentumScalp(config);
  }
}
