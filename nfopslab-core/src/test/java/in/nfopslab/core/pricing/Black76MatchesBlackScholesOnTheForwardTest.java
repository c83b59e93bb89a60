package in.nfopslab.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Black-76 on F = S e^{(r-q)t} gives the Black-Scholes-Merton price, and its greeks map by the
 * chain rule.
 */
class Black76MatchesBlackScholesOnTheForwardTest {

  @Test
  void pricesAndGreeksAgree() {
    double spot = 24_000;
    double r = 0.065;
    double q = 0.012;
    for (double k = 20_000; k <= 28_000; k += 500) {
      for (double t : new double[] {1.0 / (365 * 24), 3.0 / 365, 0.25, 1.5}) {
        for (double vol : new double[] {0.08, 0.15, 0.4}) {
          for (boolean call : new boolean[] {true, false}) {
            double growth = Math.exp((r - q) * t);
            double f = spot * growth;
            String at = String.format("%s K=%s t=%s vol=%s", call ? "call" : "put", k, t, vol);
            assertThat(Black76.price(call, f, k, t, r, vol))
                .as(at)
                .isCloseTo(BlackScholes.price(call, spot, k, t, r, q, vol), within(1e-9));
            assertThat(Black76.delta(call, f, k, t, r, vol) * growth)
                .as(at)
                .isCloseTo(BlackScholes.delta(call, spot, k, t, r, q, vol), within(1e-12));
            assertThat(Black76.gamma(call, f, k, t, r, vol) * growth * growth)
                .as(at)
                .isCloseTo(BlackScholes.gamma(call, spot, k, t, r, q, vol), within(1e-12));
            assertThat(Black76.vega(call, f, k, t, r, vol))
                .as(at)
                .isCloseTo(BlackScholes.vega(call, spot, k, t, r, q, vol), within(1e-8));
          }
        }
      }
    }
  }
}
