package in.nfopslab.core.pricing;

/**
 * Black-Scholes-Merton: European options on a spot S paying a continuous dividend yield q,
 * continuous rate r, time t in years. The value is the Black-76 value of the forward F = S
 * e^{(r-q)t} discounted at r.
 *
 * <p>Conventions: delta and gamma are with respect to spot, vega is per 1.00 of volatility, theta
 * is the change of value per year as time passes (-dV/dt), rho is dV/dr per 1.00 of rate with spot
 * and q held fixed.
 *
 * <p>Limits: when t &lt;= 0 the option has expired: price is max(+-(S - K), 0), delta is the step
 * 1/0 (0.5 at the strike, negative for puts) and gamma, vega, theta, rho are 0. When vol is 0 and t
 * &gt; 0 the option is worth its discounted forward intrinsic value and gamma and vega are 0.
 * Invalid input (NaN, spot or strike &lt;= 0, vol &lt; 0, infinite r, q or t) gives NaN. All
 * methods allocate nothing.
 */
public final class BlackScholes {
  private BlackScholes() {}

  public static double price(
      boolean call, double spot, double strike, double t, double r, double q, double vol) {
    if (!valid(spot, strike, t, r, q, vol)) {
      return Double.NaN;
    }
    if (t <= 0) {
      return Black76.intrinsic(call, spot, strike);
    }
    double forward = spot * Math.exp((r - q) * t);
    return Math.exp(-r * t) * Black76.undiscounted(call, forward, strike, vol * Math.sqrt(t));
  }

  public static double delta(
      boolean call, double spot, double strike, double t, double r, double q, double vol) {
    if (!valid(spot, strike, t, r, q, vol)) {
      return Double.NaN;
    }
    if (t <= 0) {
      return Black76.expiredDelta(call, spot, strike);
    }
    double d1 = d1(spot, strike, t, r, q, vol);
    double dq = Math.exp(-q * t);
    return call ? dq * Normal.cdf(d1) : -dq * Normal.cdf(-d1);
  }

  public static double gamma(
      boolean call, double spot, double strike, double t, double r, double q, double vol) {
    if (!valid(spot, strike, t, r, q, vol)) {
      return Double.NaN;
    }
    double s = vol * Math.sqrt(t);
    if (t <= 0 || s == 0) {
      return 0;
    }
    return Math.exp(-q * t) * Normal.pdf(d1(spot, strike, t, r, q, vol)) / (spot * s);
  }

  /** Per 1.00 of volatility. */
  public static double vega(
      boolean call, double spot, double strike, double t, double r, double q, double vol) {
    if (!valid(spot, strike, t, r, q, vol)) {
      return Double.NaN;
    }
    if (t <= 0 || vol * Math.sqrt(t) == 0) {
      return 0;
    }
    return spot * Math.exp(-q * t) * Normal.pdf(d1(spot, strike, t, r, q, vol)) * Math.sqrt(t);
  }

  /** Per year, -dV/dt. */
  public static double theta(
      boolean call, double spot, double strike, double t, double r, double q, double vol) {
    if (!valid(spot, strike, t, r, q, vol)) {
      return Double.NaN;
    }
    if (t <= 0) {
      return 0;
    }
    double s = vol * Math.sqrt(t);
    double d1 = d1(spot, strike, t, r, q, vol);
    double d2 = d1 - s;
    double dq = Math.exp(-q * t);
    double dr = Math.exp(-r * t);
    double decay = s == 0 ? 0 : spot * dq * Normal.pdf(d1) * s / (2 * t);
    return call
        ? -decay - r * strike * dr * Normal.cdf(d2) + q * spot * dq * Normal.cdf(d1)
        : -decay + r * strike * dr * Normal.cdf(-d2) - q * spot * dq * Normal.cdf(-d1);
  }

  /** Per 1.00 of rate. */
  public static double rho(
      boolean call, double spot, double strike, double t, double r, double q, double vol) {
    if (!valid(spot, strike, t, r, q, vol)) {
      return Double.NaN;
    }
    if (t <= 0) {
      return 0;
    }
    double d2 = d1(spot, strike, t, r, q, vol) - vol * Math.sqrt(t);
    double kdt = strike * t * Math.exp(-r * t);
    return call ? kdt * Normal.cdf(d2) : -kdt * Normal.cdf(-d2);
  }

  private static double d1(double spot, double strike, double t, double r, double q, double vol) {
    return Black76.d1(spot * Math.exp((r - q) * t), strike, vol * Math.sqrt(t));
  }

  private static boolean valid(
      double spot, double strike, double t, double r, double q, double vol) {
    return Black76.valid(spot, strike, t, r, vol) && Math.abs(q) < Double.POSITIVE_INFINITY;
  }
}
