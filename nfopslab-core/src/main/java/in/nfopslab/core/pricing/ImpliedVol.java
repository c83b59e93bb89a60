package in.nfopslab.core.pricing;

/**
 * Implied volatility for Black-Scholes-Merton and Black-76 prices.
 *
 * <p>Returns NaN when there is no solution: a price below the European lower bound (discounted forward intrinsic
 * value), at or above the upper bound (discounted forward for a call, discounted strike for a put), t &lt;= 0, or
 * invalid input. A price exactly at the lower bound gives 0. Allocation-free.
 */
public final class ImpliedVol {
  /** Rate of NSE's published option-chain IV: Black-Scholes, r = 10%, q = 0, spot = index value. */
  public static final double NSE_RATE = 0.10;

  private ImpliedVol() {}

  /** NaN when there is no solution (price below intrinsic / above the upper bound, or bad inputs). */
  public static double blackScholes(
      boolean call, double price, double spot, double strike, double t, double r, double q) {
    if (!(spot > 0 && spot < Double.POSITIVE_INFINITY && Math.abs(q) < Double.POSITIVE_INFINITY)) {
      return Double.NaN;
    }
    return black76(call, price, spot * Math.exp((r - q) * t), strike, t, r);
  }

  /** NaN when there is no solution (price below intrinsic / above the upper bound, or bad inputs). */
  public static double black76(
      boolean call, double price, double forward, double strike, double t, double r) {
    if (!(Black76.valid(forward, strike, t, r, 0) && t > 0 && price >= 0)) {
      return Double.NaN;
    }
    double undiscounted = price * Math.exp(r * t);
    double s = totalVol(call, undiscounted, forward, strike);
    return s / Math.sqrt(t);
  }

  /** NSE option-chain convention: Black-Scholes with r = {@link #NSE_RATE}, q = 0. */
  public static double nse(boolean call, double price, double spot, double strike, double t) {
    return blackScholes(call, price, spot, strike, t, NSE_RATE, 0);
  }

  // Provisional solver: bisection on total volatility. Replaced by the rational method.
  private static double totalVol(boolean call, double value, double forward, double strike) {
    double intrinsic = Black76.intrinsic(call, forward, strike);
    double upper = call ? forward : strike;
    if (!(value >= intrinsic) || !(value < upper)) {
      return Double.NaN;
    }
    if (value == intrinsic) {
      return 0;
    }
    double lo = 0;
    double hi = 1;
    while (Black76.undiscounted(call, forward, strike, hi) < value) {
      hi *= 2;
      if (hi > 1e3) {
        return Double.NaN;
      }
    }
    for (int i = 0; i < 200 && hi - lo > 1e-16 * hi; i++) {
      double mid = 0.5 * (lo + hi);
      if (Black76.undiscounted(call, forward, strike, mid) < value) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }
}
