package in.nfopslab.strategies.gamma;

import in.nfopslab.core.strategy.ExpiryChoice;
import in.nfopslab.core.strategy.ParamSpec;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.strategy.StrategyDescriptor;
import in.nfopslab.core.strategy.StrategyFactory;
import java.util.List;

/** Registers {@link GammaScalp} as {@code gamma_scalp}. */
public final class GammaScalpFactory implements StrategyFactory {
  static final StrategyDescriptor DESCRIPTOR =
      new StrategyDescriptor(
          "gamma_scalp",
          "buy the ATM straddle at each anchor and delta-hedge it with futures (spot if none)",
          List.of(
              ParamSpec.ofString(
                  "anchors",
                  "10:00:00,11:00:00,12:00:00,13:00:00,14:00:00",
                  "entry times, HH:mm:ss separated by commas"),
              ParamSpec.ofInt("hold_mins", 60, "time exit this many minutes after the anchor"),
              ParamSpec.ofDouble(
                  "rehedge_delta",
                  0.20,
                  "re-hedge to zero when |net delta| per straddle exceeds this"),
              ParamSpec.ofDouble(
                  "target_pct", 5, "target on options + hedge PnL, percent of the entry premium"),
              ParamSpec.ofDouble(
                  "stop_pct", 10, "stop on options + hedge PnL, percent of the entry premium")),
          ExpiryChoice.NEAREST);

  @Override
  public StrategyDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Strategy create(StrategyConfig config) {
    return new GammaScalp(config.params());
  }
}
