package in.nfopslab.core.pricing;

/**
 * Black-76: European options on a forward (or future) F, discounted at a continuous rate r, time t
 * in years.
 *
 * <p>Conventions: vega is per 1.00 of volatility, theta is the change of value per year as time
 * passes (-dV/dt, usually negative for a long option), rho is dV/dr per 1.00 of rate with the
 * forward held fixed (so rho = -t V). Delta and gamma are with respect to the forward.
 *
 * <p>Limits: when t &lt;= 0 the option has expired: price is the intrinsic value max(+-(F - K), 0),
 * delta is the step 1/0 (0.5 exactly at the strike, negative for puts) and gamma, vega, theta, rho
 * are 0. When vol is 0 and t &gt; 0 the price is the discounted intrinsic value of the forward and
 * gamma and vega are 0. Invalid input (NaN, forward or strike &lt;= 0, vol &lt; 0, infinite rate or
 * time) gives NaN. All methods allocate nothing.
 */
public final class Black76 {
  private Black76() {}

  public static double price(
      boolean call, double forward, double strike, double t, double r, double vol) {
    if (!valid(forward, strike, t, r, vol)) {
      return Double.NaN;
    }
    if (t <= 0) {
      return intrinsic(call, forward, strike);
    }
    return Math.exp(-r * t) * undiscounted(call, forward, strike, vol * Math.sqrt(t));
  }

  public static double delta(
      boolean call, double forward, double strike, double t, double r, double vol) {
    if (!valid(forward, strike, t, r, vol)) {
      return Double.NaN;
    }
    if (t <= 0) {
      return expiredDelta(call, forward, strike);
    }
    double d1 = d1(forward, strike, vol * Math.sqrt(t));
    double df = Math.exp(-r * t);
    return call ? df * Normal.cdf(d1) : -df * Normal.cdf(-d1);
  }

  public static double gamma(
      boolean call, double forward, double strike, double t, double r, double vol) {
    if (!valid(forward, strike, t, r, vol)) {
      return Double.NaN;
    }
    double s = vol * Math.sqrt(t);
    if (t <= 0 || s == 0) {
      return 0;
    }
    return Math.exp(-r * t) * Normal.pdf(d1(forward, strike, s)) / (forward * s);
  }

  /** Per 1.00 of volatility. */
  public static double vega(
      boolean call, double forward, double strike, double t, double r, double vol) {
    if (!valid(forward, strike, t, r, vol)) {
      return Double.NaN;
    }
    double s = vol * Math.sqrt(t);
    if (t <= 0 || s == 0) {
      return 0;
    }
    return Math.exp(-r * t) * forward * Normal.pdf(d1(forward, strike, s)) * Math.sqrt(t);
  }

  /** Per year, -dV/dt. */
  public static double theta(
      boolean call, double forward, double strike, double t, double r, double vol) {
    if (!valid(forward, strike, t, r, vol)) {
      return Double.NaN;
    }
    if (t <= 0) {
      return 0;
    }
    double s = vol * Math.sqrt(t);
    double df = Math.exp(-r * t);
    double value = df * undiscounted(call, forward, strike, s);
    double decay = s == 0 ? 0 : df * forward * Normal.pdf(d1(forward, strike, s)) * s / (2 * t);
    return r * value - decay;
  }

  /** Per 1.00 of rate, forward held fixed. */
  public static double rho(
      boolean call, double forward, double strike, double t, double r, double vol) {
    if (!valid(forward, strike, t, r, vol)) {
      return Double.NaN;
    }
    if (t <= 0) {
      return 0;
    }
    return -t * Math.exp(-r * t) * undiscounted(call, forward, strike, vol * Math.sqrt(t));
  }

  /**
   * Undiscounted Black value for total volatility s = vol * sqrt(t): intrinsic value plus the time
   * value sqrt(F K) b(-|ln(F/K)|, s), which calls and puts at one strike share. Evaluating the
   * out-of-the-money time value keeps full relative accuracy for tiny values, where F N(d1) - K
   * N(d2) would cancel.
   */
  static double undiscounted(boolean call, double forward, double strike, double s) {
    double intrinsic = intrinsic(call, forward, strike);
    if (!(s > 0)) {
      return intrinsic;
    }
    double x = -Math.abs(Math.log(forward / strike));
    return intrinsic + Math.sqrt(forward) * Math.sqrt(strike) * NormalisedBlack.call(x, s);
  }

  /** d1 = ln(F/K)/s + s/2, with the s = 0 limit (+-infinity, or 0 at the strike). */
  static double d1(double forward, double strike, double s) {
    double x = Math.log(forward / strike);
    if (s == 0) {
      return x > 0 ? Double.POSITIVE_INFINITY : x < 0 ? Double.NEGATIVE_INFINITY : 0;
    }
    return x / s + 0.5 * s;
  }

  static double intrinsic(boolean call, double forward, double strike) {
    return Math.max(call ? forward - strike : strike - forward, 0);
  }

  static double expiredDelta(boolean call, double underlying, double strike) {
    double up = underlying > strike ? 1 : underlying < strike ? 0 : 0.5;
    return call ? up : up - 1;
  }

  static boolean valid(double underlying, double strike, double t, double r, double vol) {
    // Written so that NaN fails every comparison and is rejected.
    return underlying > 0
        && underlying < Double.POSITIVE_INFINITY
        && strike > 0
        && strike < Double.POSITIVE_INFINITY
        && Math.abs(t) < Double.POSITIVE_INFINITY
        && Math.abs(r) < Double.POSITIVE_INFINITY
        && vol >= 0
        && vol < Double.POSITIVE_INFINITY;
  }
}
