package in.nfopslab.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Implied volatility reprices to 1e-10 across moneyness x expiry x vol (including the last hour
 * before expiry and deep in/out of the money), recovers the vol wherever the price still carries
 * it, and says NaN when no volatility can produce the price.
 */
class ImpliedVolTest {
  private static final double ONE_HOUR = 1.0 / (365 * 24);
  private static final double[] TIMES = {
    ONE_HOUR, 3 * ONE_HOUR, 1.0 / 365, 7.0 / 365, 30.0 / 365, 0.25, 1, 2
  };
  private static final double PRICE_TOLERANCE = 1e-10;

  @Test
  void blackScholesRoundTripsOnTheGrid() {
    double spot = 100;
    double r = 0.07;
    double q = 0.015;
    int checked = 0;
    int volsRecovered = 0;
    for (int m = 0; m <= 30; m++) {
      double strike = spot * (0.5 + 0.05 * m);
      for (double t : TIMES) {
        for (int v = 1; v <= 30; v++) {
          double vol = 0.05 * v;
          for (boolean call : new boolean[] {true, false}) {
            double price = BlackScholes.price(call, spot, strike, t, r, q, vol);
            double iv = ImpliedVol.blackScholes(call, price, spot, strike, t, r, q);
            String at =
                String.format(
                    "%s K=%s t=%s vol=%s price=%s", call ? "call" : "put", strike, t, vol, price);
            assertThat(iv).as(at).isNotNaN().isGreaterThanOrEqualTo(0);
            assertThat(BlackScholes.price(call, spot, strike, t, r, q, iv))
                .as(at)
                .isCloseTo(price, within(PRICE_TOLERANCE));
            // Where a vol change of 1e-6 moves the price by more than ~1e-10, the vol itself must
            // come back.
            if (BlackScholes.vega(call, spot, strike, t, r, q, vol) > 1e-4) {
              assertThat(iv).as(at).isCloseTo(vol, within(1e-8));
              volsRecovered++;
            }
            checked++;
          }
        }
      }
    }
    assertThat(checked).isEqualTo(31 * TIMES.length * 30 * 2);
    assertThat(volsRecovered).isGreaterThan(checked / 2);
  }

  @Test
  void black76RoundTripsAtIndexScale() {
    double forward = 24_000;
    double r = 0.065;
    for (double strike = 12_000; strike <= 48_000; strike += 250) {
      for (double t : TIMES) {
        for (double vol = 0.05; vol <= 1.5; vol += 0.05) {
          for (boolean call : new boolean[] {true, false}) {
            double price = Black76.price(call, forward, strike, t, r, vol);
            double iv = ImpliedVol.black76(call, price, forward, strike, t, r);
            String at =
                String.format(
                    "%s K=%s t=%s vol=%s price=%s", call ? "call" : "put", strike, t, vol, price);
            assertThat(Black76.price(call, forward, strike, t, r, iv))
                .as(at)
                .isCloseTo(price, within(PRICE_TOLERANCE));
          }
        }
      }
    }
  }

  @Test
  void recoversVolatilityToMachinePrecisionForTinyOutOfTheMoneyPrices() {
    // 10% out of the money with an hour left: the price is ~1e-30 of the forward, and still
    // determines the vol.
    double price = Black76.price(true, 100, 110, ONE_HOUR, 0, 0.9);
    assertThat(price).isLessThan(1e-20).isPositive();
    assertThat(ImpliedVol.black76(true, price, 100, 110, ONE_HOUR, 0))
        .isCloseTo(0.9, within(1e-13));
    // Its in-the-money twin carries the same time value, which is lost below the ulp of its price
    // of ~10: any vol
    // reprices it, and the solver reports the bound.
    double deepItm = Black76.price(false, 100, 110, ONE_HOUR, 0, 0.9);
    double itmVol = ImpliedVol.black76(false, deepItm, 100, 110, ONE_HOUR, 0);
    assertThat(itmVol).isZero();
    assertThat(Black76.price(false, 100, 110, ONE_HOUR, 0, itmVol))
        .isCloseTo(deepItm, within(1e-14));
  }

  @Test
  void noSolutionBelowTheLowerBound() {
    double s = 100;
    double k = 90;
    double t = 0.5;
    double r = 0.08;
    double q = 0.02;
    double callBound = s * Math.exp(-q * t) - k * Math.exp(-r * t);
    assertThat(ImpliedVol.blackScholes(true, callBound - 1e-9, s, k, t, r, q)).isNaN();
    assertThat(ImpliedVol.blackScholes(true, 5, s, k, t, r, q)).isNaN();
    assertThat(ImpliedVol.blackScholes(false, -0.01, s, k, t, r, q)).isNaN();
    assertThat(ImpliedVol.black76(true, 10 - 1e-12, 100, 90, 1.0 / 365, 0)).isNaN();
    assertThat(ImpliedVol.black76(false, 10 - 1e-6, 90, 100, 1.0 / 365, 0)).isNaN();
  }

  @Test
  void noSolutionAtOrAboveTheUpperBound() {
    double s = 100;
    double t = 0.5;
    double r = 0.08;
    double q = 0.02;
    assertThat(ImpliedVol.blackScholes(true, s * Math.exp(-q * t), s, 90, t, r, q)).isNaN();
    assertThat(ImpliedVol.blackScholes(true, 150, s, 90, t, r, q)).isNaN();
    assertThat(ImpliedVol.blackScholes(false, 110 * Math.exp(-r * t), s, 110, t, r, q)).isNaN();
    assertThat(ImpliedVol.black76(false, 111, 100, 110, t, 0)).isNaN();
  }

  @Test
  void noSolutionForInvalidInput() {
    assertThat(ImpliedVol.blackScholes(true, 5, 100, 100, 0, 0.1, 0)).isNaN();
    assertThat(ImpliedVol.blackScholes(true, 5, 100, 100, -1, 0.1, 0)).isNaN();
    assertThat(ImpliedVol.blackScholes(true, Double.NaN, 100, 100, 0.1, 0.1, 0)).isNaN();
    assertThat(ImpliedVol.blackScholes(true, 5, 0, 100, 0.1, 0.1, 0)).isNaN();
    assertThat(ImpliedVol.blackScholes(true, 5, 100, -100, 0.1, 0.1, 0)).isNaN();
    assertThat(ImpliedVol.blackScholes(true, 5, 100, 100, 0.1, Double.NaN, 0)).isNaN();
    assertThat(ImpliedVol.blackScholes(true, 5, 100, 100, 0.1, 0.1, Double.NaN)).isNaN();
    assertThat(ImpliedVol.black76(true, 5, Double.POSITIVE_INFINITY, 100, 0.1, 0)).isNaN();
    assertThat(ImpliedVol.black76(true, Double.POSITIVE_INFINITY, 100, 100, 0.1, 0)).isNaN();
  }

  @Test
  void priceAtTheLowerBoundGivesZeroAndAHairAboveGivesTheVolThatReprices() {
    assertThat(ImpliedVol.black76(true, 10, 100, 90, 1.0 / 365, 0)).isZero();
    assertThat(ImpliedVol.black76(false, 0, 100, 90, 1.0 / 365, 0)).isZero();

    // At the money, 1e-12 of time value is a tiny vol.
    double atm = ImpliedVol.black76(true, 1e-12, 100, 100, ONE_HOUR, 0);
    assertThat(atm).isPositive().isLessThan(1e-10);
    assertThat(Black76.price(true, 100, 100, ONE_HOUR, 0, atm)).isCloseTo(1e-12, within(1e-24));

    // 10% in the money with an hour left, 1e-12 of time value takes ~145% vol: a real answer, not
    // garbage.
    double itm = ImpliedVol.black76(true, 10 + 1e-12, 100, 90, ONE_HOUR, 0);
    assertThat(itm).isBetween(1.0, 2.0);
    assertThat(Black76.price(true, 100, 90, ONE_HOUR, 0, itm)).isCloseTo(10 + 1e-12, within(1e-14));

    double otm = ImpliedVol.black76(false, 1e-12, 100, 90, ONE_HOUR, 0);
    assertThat(Black76.price(false, 100, 90, ONE_HOUR, 0, otm)).isCloseTo(1e-12, within(1e-24));
    // The same time value, so the same vol, whichever side of the strike quotes it (10 + 1e-12
    // rounds the 1e-12).
    assertThat(itm).isCloseTo(otm, within(1e-3));
  }

  @Test
  void deepInTheMoneyModelPriceWhoseTimeValueRoundedAwayIsAtTheBound() {
    // Time value ~1e-90 is far below the price's ulp; the price then sits on the bound up to
    // rounding.
    double price = BlackScholes.price(true, 100, 55, 7.0 / 365, 0.07, 0.015, 0.05);
    double iv = ImpliedVol.blackScholes(true, price, 100, 55, 7.0 / 365, 0.07, 0.015);
    assertThat(iv).isZero();
  }

  @Test
  void nseConventionIsBlackScholesAtTenPercentAndNoDividend() {
    double t =
        ExpiryTime.years(
            java.time.LocalDateTime.of(2025, 1, 2, 10, 0), java.time.LocalDate.of(2025, 1, 9));
    double price = BlackScholes.price(false, 23_700, 23_500, t, ImpliedVol.NSE_RATE, 0, 0.135);
    assertThat(ImpliedVol.NSE_RATE).isEqualTo(0.10);
    assertThat(ImpliedVol.nse(false, price, 23_700, 23_500, t)).isCloseTo(0.135, within(1e-12));
    assertThat(ImpliedVol.nse(false, price, 23_700, 23_500, t))
        .isEqualTo(ImpliedVol.blackScholes(false, price, 23_700, 23_500, t, 0.10, 0));
  }
}
