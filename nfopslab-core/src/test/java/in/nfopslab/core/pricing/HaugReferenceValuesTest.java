package in.nfopslab.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Black-Scholes-Merton prices and greeks against Haug's tables as QuantLib tabulates them
 * (src/test/resources/pricing/, see the README there), every row within its own tolerance.
 */
class HaugReferenceValuesTest {

  record Row(
      boolean call,
      double strike,
      double spot,
      double q,
      double r,
      double t,
      double vol,
      double expected,
      double tol,
      String what) {
    @Override
    public String toString() {
      return (call ? "call" : "put")
          + " K="
          + strike
          + " S="
          + spot
          + " q="
          + q
          + " r="
          + r
          + " t="
          + t
          + " vol="
          + vol
          + " "
          + what
          + "="
          + expected;
    }
  }

  static Stream<Row> prices() throws IOException {
    return read("/pricing/quantlib_haug_bsm_prices.csv").stream();
  }

  static Stream<Row> greeks() throws IOException {
    return read("/pricing/quantlib_haug_bsm_greeks.csv").stream();
  }

  @Test
  void bothTablesAreReadCompletely() throws IOException {
    assertThat(read("/pricing/quantlib_haug_bsm_prices.csv")).hasSize(43);
    assertThat(read("/pricing/quantlib_haug_bsm_greeks.csv")).hasSize(11);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("prices")
  void priceMatchesHaug(Row row) {
    double price = BlackScholes.price(row.call, row.spot, row.strike, row.t, row.r, row.q, row.vol);
    assertThat(price).isCloseTo(row.expected, within(row.tol));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("greeks")
  void greekMatchesHaug(Row row) {
    assertThat(greek(row)).isCloseTo(row.expected, within(row.tol));
  }

  // Every kind in the table is checked. Elasticity and theta per day are derived from the API's
  // greeks;
  // dividend rho (dV/dq) is not part of the API, so it is checked as a central difference of the
  // price in q.
  private static double greek(Row row) {
    boolean c = row.call;
    double s = row.spot;
    double k = row.strike;
    switch (row.what) {
      case "delta":
        return BlackScholes.delta(c, s, k, row.t, row.r, row.q, row.vol);
      case "gamma":
        return BlackScholes.gamma(c, s, k, row.t, row.r, row.q, row.vol);
      case "vega":
        return BlackScholes.vega(c, s, k, row.t, row.r, row.q, row.vol);
      case "theta":
        return BlackScholes.theta(c, s, k, row.t, row.r, row.q, row.vol);
      case "rho":
        return BlackScholes.rho(c, s, k, row.t, row.r, row.q, row.vol);
      case "theta per day":
        return BlackScholes.theta(c, s, k, row.t, row.r, row.q, row.vol) / 365;
      case "elasticity":
        return BlackScholes.delta(c, s, k, row.t, row.r, row.q, row.vol)
            * s
            / BlackScholes.price(c, s, k, row.t, row.r, row.q, row.vol);
      case "dividendRho":
        double h = 1e-6;
        return (BlackScholes.price(c, s, k, row.t, row.r, row.q + h, row.vol)
                - BlackScholes.price(c, s, k, row.t, row.r, row.q - h, row.vol))
            / (2 * h);
      default:
        throw new AssertionError("greek kind not covered by the test: " + row.what);
    }
  }

  private static List<Row> read(String resource) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = HaugReferenceValuesTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String header = reader.readLine();
      assertThat(header).startsWith("type,strike,spot,q,r,t,vol,");
      boolean greeks = header.endsWith(",greek");
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",");
        assertThat(f[0]).as(line).isIn("Call", "Put");
        rows.add(
            new Row(
                f[0].equals("Call"),
                Double.parseDouble(f[1]),
                Double.parseDouble(f[2]),
                Double.parseDouble(f[3]),
                Double.parseDouble(f[4]),
                Double.parseDouble(f[5]),
                Double.parseDouble(f[6]),
                Double.parseDouble(f[7]),
                Double.parseDouble(f[8]),
                greeks ? f[9] : "price"));
      }
    }
    return rows;
  }
}
