package in.nfopslab.strategies.dispersion;

import in.nfopslab.core.strategy.ExpiryChoice;
import in.nfopslab.core.strategy.ParamSpec;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.strategy.StrategyDescriptor;
import in.nfopslab.core.strategy.StrategyFactory;
import java.util.List;

/** Registers {@link Dispersion} as {@code dispersion}: stance rows, no trades. */
public final class DispersionFactory implements StrategyFactory {
  static final StrategyDescriptor DESCRIPTOR =
      new StrategyDescriptor(
          "dispersion",
          "daily stance (no trades): index ATM IV against the realised vol of a basket of underlyings",
          List.of(
              ParamSpec.ofTime("anchor", "10:00:00", "time of the daily stance"),
              ParamSpec.ofInt(
                  "rv_days",
                  5,
                  "previous trading days of 1-minute spot returns in each RV (never today)"),
              ParamSpec.ofString(
                  "basket",
                  "",
                  "underlyings whose mean RV is the basket's, comma-separated (e.g. "
                      + "HDFCBANK,ICICIBANK); empty: none, and the row says so"),
              ParamSpec.ofDouble("hi", 1.1, "implied_corr_proxy above this: long_dispersion"),
              ParamSpec.ofDouble("lo", 0.9, "implied_corr_proxy below this: short_dispersion")),
          ExpiryChoice.NEAREST,
          true);

  @Override
  public StrategyDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Strategy create(StrategyConfig config) {
    return new Dispersion(config.params());
  }
}
