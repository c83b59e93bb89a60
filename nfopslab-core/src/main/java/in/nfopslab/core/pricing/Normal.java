package in.nfopslab.core.pricing;

/**
 * The standard normal distribution to near machine precision, for pricing and implied volatility.
 *
 * <p>{@code erfc} and {@code erfcx} follow W. J. Cody, "Rational Chebyshev approximations for the error function",
 * Math. Comp. 23 (1969) 631-638, with the coefficients of Cody's netlib SPECFUN routine CALERF (relative error
 * below 1e-15 over the double range). Abramowitz-Stegun 26.2.17 (error ~1e-7) is not good enough for implied
 * volatility of deep out-of-the-money options, whose prices are far out in the tails.
 */
final class Normal {
  static final double ONE_OVER_SQRT_TWO = 0.7071067811865475244008443621048490392848359376887;
  static final double ONE_OVER_SQRT_TWO_PI = 0.3989422804014326779399460599343818684758586311649;
  static final double SQRT_TWO_PI = 2.506628274631000502415765284811045253006986740610;
  private static final double ONE_OVER_SQRT_PI = 0.56418958354775628695;
  private static final double THRESHOLD = 0.46875;
  /** erfc(x) underflows to zero beyond this. */
  private static final double XBIG = 26.543;
  /** exp(x^2) erfc(x) overflows below this. */
  private static final double XNEG = -26.6287357137514;

  private static final double A0 = 3.1611237438705656;
  private static final double A1 = 113.864154151050156;
  private static final double A2 = 377.485237685302021;
  private static final double A3 = 3209.37758913846947;
  private static final double A4 = 0.185777706184603153;
  private static final double B0 = 23.6012909523441209;
  private static final double B1 = 244.024637934444173;
  private static final double B2 = 1282.61652607737228;
  private static final double B3 = 2844.23683343917062;
  private static final double C0 = 0.564188496988670089;
  private static final double C1 = 8.88314979438837594;
  private static final double C2 = 66.1191906371416295;
  private static final double C3 = 298.635138197400131;
  private static final double C4 = 881.95222124176909;
  private static final double C5 = 1712.04761263407058;
  private static final double C6 = 2051.07837782607147;
  private static final double C7 = 1230.33935479799725;
  private static final double C8 = 2.15311535474403846e-8;
  private static final double D0 = 15.7449261107098347;
  private static final double D1 = 117.693950891312499;
  private static final double D2 = 537.181101862009858;
  private static final double D3 = 1621.38957456669019;
  private static final double D4 = 3290.79923573345963;
  private static final double D5 = 4362.61909014324716;
  private static final double D6 = 3439.36767414372164;
  private static final double D7 = 1230.33935480374942;
  private static final double P0 = 0.305326634961232344;
  private static final double P1 = 0.360344899949804439;
  private static final double P2 = 0.125781726111229246;
  private static final double P3 = 0.0160837851487422766;
  private static final double P4 = 6.58749161529837803e-4;
  private static final double P5 = 0.0163153871373020978;
  private static final double Q0 = 2.56852019228982242;
  private static final double Q1 = 1.87295284992346047;
  private static final double Q2 = 0.527905102951428412;
  private static final double Q3 = 0.0605183413124413191;
  private static final double Q4 = 0.00233520497626869185;

  private Normal() {}

  /** Density phi(x). */
  static double pdf(double x) {
    return ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * x * x);
  }

  /** Cumulative Phi(x), with full relative accuracy in the lower tail (where option prices live). */
  static double cdf(double x) {
    return 0.5 * erfc(-x * ONE_OVER_SQRT_TWO);
  }

  /** Complementary error function. */
  static double erfc(double x) {
    double y = Math.abs(x);
    if (y <= THRESHOLD) {
      return 1 - x * smallAb(y * y);
    }
    double erfcAbs = y >= XBIG ? 0 : erfcxAboveThreshold(y) * expOfNegativeSquare(y);
    return x < 0 ? 2 - erfcAbs : erfcAbs;
  }

  /** Scaled complementary error function exp(x^2) erfc(x), finite where erfc itself underflows. */
  static double erfcx(double x) {
    double y = Math.abs(x);
    if (y <= THRESHOLD) {
      double z = y * y;
      return Math.exp(z) * (1 - x * smallAb(z));
    }
    if (x < XNEG) {
      return Double.MAX_VALUE;
    }
    double result = erfcxAboveThreshold(y);
    if (x < 0) {
      double e = expOfPositiveSquare(x);
      return (e + e) - result;
    }
    return result;
  }

  private static double smallAb(double z) {
    return ((((A4 * z + A0) * z + A1) * z + A2) * z + A3) / ((((z + B0) * z + B1) * z + B2) * z + B3);
  }

  private static double erfcxAboveThreshold(double y) {
    if (y <= 4) {
      return ((((((((C8 * y + C0) * y + C1) * y + C2) * y + C3) * y + C4) * y + C5) * y + C6) * y + C7)
          / ((((((((y + D0) * y + D1) * y + D2) * y + D3) * y + D4) * y + D5) * y + D6) * y + D7);
    }
    double z = 1 / (y * y);
    double pq = z * (((((P5 * z + P0) * z + P1) * z + P2) * z + P3) * z + P4)
        / (((((z + Q0) * z + Q1) * z + Q2) * z + Q3) * z + Q4);
    return (ONE_OVER_SQRT_PI - pq) / y;
  }

  // exp(-y^2) split as exp(-u^2) exp(-(y-u)(y+u)) with u = y rounded to 1/16, so that y*y is not rounded
  // before it is exponentiated (Cody's trick; otherwise the relative error grows like 2 y^2 eps).
  private static double expOfNegativeSquare(double y) {
    double u = truncate(y * 16) / 16;
    return Math.exp(-u * u) * Math.exp(-(y - u) * (y + u));
  }

  private static double expOfPositiveSquare(double x) {
    double u = truncate(x * 16) / 16;
    return Math.exp(u * u) * Math.exp((x - u) * (x + u));
  }

  private static double truncate(double x) {
    return x > 0 ? Math.floor(x) : -Math.floor(-x);
  }
}
