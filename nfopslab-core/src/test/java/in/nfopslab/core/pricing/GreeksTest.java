package in.nfopslab.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Greeks agree with central differences of the price, and take their documented limits at expiry
 * and zero vol.
 */
class GreeksTest {
  private static final double[] STRIKES = {80, 95, 100, 110};
  private static final double[] TIMES = {7.0 / 365, 0.25, 1};
  private static final double[] VOLS = {0.15, 0.4};

  @Test
  void blackScholesGreeksAreDerivativesOfThePrice() {
    double s = 100;
    double r = 0.07;
    double q = 0.02;
    for (boolean c : new boolean[] {true, false}) {
      for (double k : STRIKES) {
        for (double t : TIMES) {
          for (double v : VOLS) {
            String at = (c ? "call" : "put") + " K=" + k + " t=" + t + " vol=" + v;
            assertDerivative(
                at + " delta",
                BlackScholes.delta(c, s, k, t, r, q, v),
                x -> BlackScholes.price(c, x, k, t, r, q, v),
                s,
                1e-4);
            assertDerivative(
                at + " gamma",
                BlackScholes.gamma(c, s, k, t, r, q, v),
                x -> BlackScholes.delta(c, x, k, t, r, q, v),
                s,
                1e-4);
            assertDerivative(
                at + " vega",
                BlackScholes.vega(c, s, k, t, r, q, v),
                x -> BlackScholes.price(c, s, k, t, r, q, x),
                v,
                1e-6);
            assertDerivative(
                at + " theta",
                -BlackScholes.theta(c, s, k, t, r, q, v),
                x -> BlackScholes.price(c, s, k, x, r, q, v),
                t,
                1e-5);
            assertDerivative(
                at + " rho",
                BlackScholes.rho(c, s, k, t, r, q, v),
                x -> BlackScholes.price(c, s, k, t, x, q, v),
                r,
                1e-6);
          }
        }
      }
    }
  }

  @Test
  void black76GreeksAreDerivativesOfThePrice() {
    double f = 100;
    double r = 0.07;
    for (boolean c : new boolean[] {true, false}) {
      for (double k : STRIKES) {
        for (double t : TIMES) {
          for (double v : VOLS) {
            String at = (c ? "call" : "put") + " K=" + k + " t=" + t + " vol=" + v;
            assertDerivative(
                at + " delta",
                Black76.delta(c, f, k, t, r, v),
                x -> Black76.price(c, x, k, t, r, v),
                f,
                1e-4);
            assertDerivative(
                at + " gamma",
                Black76.gamma(c, f, k, t, r, v),
                x -> Black76.delta(c, x, k, t, r, v),
                f,
                1e-4);
            assertDerivative(
                at + " vega",
                Black76.vega(c, f, k, t, r, v),
                x -> Black76.price(c, f, k, t, r, x),
                v,
                1e-6);
            assertDerivative(
                at + " theta",
                -Black76.theta(c, f, k, t, r, v),
                x -> Black76.price(c, f, k, x, r, v),
                t,
                1e-5);
            assertDerivative(
                at + " rho",
                Black76.rho(c, f, k, t, r, v),
                x -> Black76.price(c, f, k, t, x, v),
                r,
                1e-6);
          }
        }
      }
    }
  }

  @Test
  void expiredOptionIsWorthItsIntrinsicValueAndHasNoSensitivityButDelta() {
    for (double t : new double[] {0, -0.01}) {
      assertThat(BlackScholes.price(true, 105, 100, t, 0.1, 0.02, 0.2)).isEqualTo(5);
      assertThat(BlackScholes.price(false, 105, 100, t, 0.1, 0.02, 0.2)).isEqualTo(0);
      assertThat(BlackScholes.delta(true, 105, 100, t, 0.1, 0.02, 0.2)).isEqualTo(1);
      assertThat(BlackScholes.delta(false, 105, 100, t, 0.1, 0.02, 0.2)).isEqualTo(0);
      assertThat(BlackScholes.delta(false, 95, 100, t, 0.1, 0.02, 0.2)).isEqualTo(-1);
      assertThat(BlackScholes.delta(true, 100, 100, t, 0.1, 0.02, 0.2)).isEqualTo(0.5);
      assertThat(BlackScholes.delta(false, 100, 100, t, 0.1, 0.02, 0.2)).isEqualTo(-0.5);
      assertThat(Greeks.blackScholes(true, 105, 100, t, 0.1, 0.02, 0.2))
          .isEqualTo(new Greeks(5, 1, 0, 0, 0, 0));
      assertThat(Greeks.black76(false, 95, 100, t, 0.1, 0.2))
          .isEqualTo(new Greeks(5, -1, 0, 0, 0, 0));
    }
  }

  @Test
  void zeroVolatilityGivesTheDiscountedForwardIntrinsicValue() {
    double s = 100;
    double k = 100;
    double t = 0.5;
    double r = 0.1;
    double q = 0.02;
    double call = BlackScholes.price(true, s, k, t, r, q, 0);
    assertThat(call).isCloseTo(s * Math.exp(-q * t) - k * Math.exp(-r * t), within(1e-12));
    assertThat(BlackScholes.price(false, s, k, t, r, q, 0)).isZero();
    assertThat(BlackScholes.delta(true, s, k, t, r, q, 0))
        .isCloseTo(Math.exp(-q * t), within(1e-15));
    assertThat(BlackScholes.gamma(true, s, k, t, r, q, 0)).isZero();
    assertThat(BlackScholes.vega(true, s, k, t, r, q, 0)).isZero();
    assertThat(BlackScholes.rho(true, s, k, t, r, q, 0))
        .isCloseTo(k * t * Math.exp(-r * t), within(1e-12));
    assertThat(Black76.price(true, 110, 100, t, r, 0))
        .isCloseTo(10 * Math.exp(-r * t), within(1e-12));
  }

  @Test
  void invalidInputGivesNaN() {
    double[][] bad = {
      {Double.NaN, 100, 0.5, 0.2},
      {0, 100, 0.5, 0.2},
      {100, -1, 0.5, 0.2},
      {100, 0, 0.5, 0.2},
      {100, 100, Double.NaN, 0.2},
      {100, 100, 0.5, -0.1},
      {100, 100, 0.5, Double.NaN},
      {Double.POSITIVE_INFINITY, 100, 0.5, 0.2},
      {100, 100, Double.POSITIVE_INFINITY, 0.2}
    };
    for (double[] b : bad) {
      Greeks bs = Greeks.blackScholes(true, b[0], b[1], b[2], 0.05, 0, b[3]);
      Greeks b76 = Greeks.black76(false, b[0], b[1], b[2], 0.05, b[3]);
      for (double value :
          new double[] {
            bs.price(),
            bs.delta(),
            bs.gamma(),
            bs.vega(),
            bs.theta(),
            bs.rho(),
            b76.price(),
            b76.delta(),
            b76.gamma(),
            b76.vega(),
            b76.theta(),
            b76.rho()
          }) {
        assertThat(value).as(java.util.Arrays.toString(b)).isNaN();
      }
    }
  }

  @Test
  void greeksRecordCarriesTheStaticValues() {
    Greeks g = Greeks.blackScholes(false, 24_000, 23_500, 0.02, 0.1, 0, 0.14);
    assertThat(g.price()).isEqualTo(BlackScholes.price(false, 24_000, 23_500, 0.02, 0.1, 0, 0.14));
    assertThat(g.delta()).isEqualTo(BlackScholes.delta(false, 24_000, 23_500, 0.02, 0.1, 0, 0.14));
    assertThat(g.gamma()).isEqualTo(BlackScholes.gamma(false, 24_000, 23_500, 0.02, 0.1, 0, 0.14));
    assertThat(g.vega()).isEqualTo(BlackScholes.vega(false, 24_000, 23_500, 0.02, 0.1, 0, 0.14));
    assertThat(g.theta()).isEqualTo(BlackScholes.theta(false, 24_000, 23_500, 0.02, 0.1, 0, 0.14));
    assertThat(g.rho()).isEqualTo(BlackScholes.rho(false, 24_000, 23_500, 0.02, 0.1, 0, 0.14));
  }

  private static void assertDerivative(
      String what, double analytic, DoubleUnaryOperator f, double at, double relStep) {
    double h = relStep * Math.max(Math.abs(at), 1e-3);
    double central = (f.applyAsDouble(at + h) - f.applyAsDouble(at - h)) / (2 * h);
    assertThat(analytic).as(what).isCloseTo(central, within(1e-6 * (1 + Math.abs(analytic))));
  }
}
