package in.nfopslab.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Calls minus puts equal the discounted forward minus the discounted strike, in both models. */
class PutCallParityTest {
  private static final double[] STRIKES = {50, 80, 95, 100, 105, 120, 200};
  private static final double[] TIMES = {1.0 / (365 * 24), 1.0 / 365, 0.1, 1, 2};
  private static final double[] VOLS = {0.05, 0.2, 0.6, 1.5};

  @Test
  void holdsForBlackScholesWithRateAndDividendYield() {
    double spot = 100;
    double r = 0.07;
    double q = 0.03;
    for (double k : STRIKES) {
      for (double t : TIMES) {
        for (double vol : VOLS) {
          double call = BlackScholes.price(true, spot, k, t, r, q, vol);
          double put = BlackScholes.price(false, spot, k, t, r, q, vol);
          double forwardMinusStrike = spot * Math.exp(-q * t) - k * Math.exp(-r * t);
          assertThat(call - put)
              .as("K=%s t=%s vol=%s", k, t, vol)
              .isCloseTo(forwardMinusStrike, within(1e-12));
          // Deltas differ by e^{-qt}; gammas and vegas are equal.
          double deltas =
              BlackScholes.delta(true, spot, k, t, r, q, vol)
                  - BlackScholes.delta(false, spot, k, t, r, q, vol);
          assertThat(deltas).isCloseTo(Math.exp(-q * t), within(1e-14));
          assertThat(BlackScholes.gamma(true, spot, k, t, r, q, vol))
              .isEqualTo(BlackScholes.gamma(false, spot, k, t, r, q, vol));
          assertThat(BlackScholes.vega(true, spot, k, t, r, q, vol))
              .isEqualTo(BlackScholes.vega(false, spot, k, t, r, q, vol));
        }
      }
    }
  }

  @Test
  void holdsForBlack76() {
    double forward = 100;
    double r = 0.065;
    for (double k : STRIKES) {
      for (double t : TIMES) {
        for (double vol : VOLS) {
          double call = Black76.price(true, forward, k, t, r, vol);
          double put = Black76.price(false, forward, k, t, r, vol);
          assertThat(call - put)
              .as("K=%s t=%s vol=%s", k, t, vol)
              .isCloseTo(Math.exp(-r * t) * (forward - k), within(1e-12));
          double deltas =
              Black76.delta(true, forward, k, t, r, vol)
                  - Black76.delta(false, forward, k, t, r, vol);
          assertThat(deltas).isCloseTo(Math.exp(-r * t), within(1e-14));
        }
      }
    }
  }
}
