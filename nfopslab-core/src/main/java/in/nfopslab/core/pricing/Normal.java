package in.nfopslab.core.pricing;

/**
 * The standard normal distribution to near machine precision, for pricing and implied volatility.
 *
 * <p>{@code erfc} and {@code erfcx} follow W. J. Cody, "Rational Chebyshev approximations for the
 * error function", Math. Comp. 23 (1969) 631-638, with the coefficients of Cody's netlib SPECFUN
 * routine CALERF (relative error below 1e-15 over the double range). Abramowitz-Stegun 26.2.17
 * (error ~1e-7) is not good enough for implied volatility of deep out-of-the-money options, whose
 * prices are far out in the tails.
 */
final class Normal {
  static final double ONE_OVER_SQRT_TWO = 0.7071067811865475244008443621048490392848359376887;
  static final double ONE_OVER_SQRT_TWO_PI = 0.3989422804014326779399460599343818684758586311649;
  static final double SQRT_TWO_PI = 2.506628274631000502415765284811045253006986740610;
  static final double EPSILON = Math.ulp(1.0);
  private static final double SQRT_EPSILON = Math.sqrt(EPSILON);
  private static final double ASYMPTOTIC_THRESHOLD = -10;
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

  // AS 241 coefficients.
  private static final double IA0 = 3.3871328727963666080E0;
  private static final double IA1 = 1.3314166789178437745E+2;
  private static final double IA2 = 1.9715909503065514427E+3;
  private static final double IA3 = 1.3731693765509461125E+4;
  private static final double IA4 = 4.5921953931549871457E+4;
  private static final double IA5 = 6.7265770927008700853E+4;
  private static final double IA6 = 3.3430575583588128105E+4;
  private static final double IA7 = 2.5090809287301226727E+3;
  private static final double IB1 = 4.2313330701600911252E+1;
  private static final double IB2 = 6.8718700749205790830E+2;
  private static final double IB3 = 5.3941960214247511077E+3;
  private static final double IB4 = 2.1213794301586595867E+4;
  private static final double IB5 = 3.9307895800092710610E+4;
  private static final double IB6 = 2.8729085735721942674E+4;
  private static final double IB7 = 5.2264952788528545610E+3;
  private static final double IC0 = 1.42343711074968357734E0;
  private static final double IC1 = 4.63033784615654529590E0;
  private static final double IC2 = 5.76949722146069140550E0;
  private static final double IC3 = 3.64784832476320460504E0;
  private static final double IC4 = 1.27045825245236838258E0;
  private static final double IC5 = 2.41780725177450611770E-1;
  private static final double IC6 = 2.27238449892691845833E-2;
  private static final double IC7 = 7.74545014278341407640E-4;
  private static final double ID1 = 2.05319162663775882187E0;
  private static final double ID2 = 1.67638483018380384940E0;
  private static final double ID3 = 6.89767334985100004550E-1;
  private static final double ID4 = 1.48103976427480074590E-1;
  private static final double ID5 = 1.51986665636164571966E-2;
  private static final double ID6 = 5.47593808499534494600E-4;
  private static final double ID7 = 1.05075007164441684324E-9;
  private static final double IE0 = 6.65790464350110377720E0;
  private static final double IE1 = 5.46378491116411436990E0;
  private static final double IE2 = 1.78482653991729133580E0;
  private static final double IE3 = 2.96560571828504891230E-1;
  private static final double IE4 = 2.65321895265761230930E-2;
  private static final double IE5 = 1.24266094738807843860E-3;
  private static final double IE6 = 2.71155556874348757815E-5;
  private static final double IE7 = 2.01033439929228813265E-7;
  private static final double IF1 = 5.99832206555887937690E-1;
  private static final double IF2 = 1.36929880922735805310E-1;
  private static final double IF3 = 1.48753612908506148525E-2;
  private static final double IF4 = 7.86869131145613259100E-4;
  private static final double IF5 = 1.84631831751005468180E-5;
  private static final double IF6 = 1.42151175831644588870E-7;
  private static final double IF7 = 2.04426310338993978564E-15;

  private Normal() {}

  /** Density phi(x). */
  static double pdf(double x) {
    return ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * x * x);
  }

  /**
   * Cumulative Phi(x), with full relative accuracy in the lower tail (where option prices live).
   */
  static double cdf(double x) {
    if (x <= ASYMPTOTIC_THRESHOLD) {
      return lowerTail(x);
    }
    return 0.5 * erfc(-x * ONE_OVER_SQRT_TWO);
  }

  // Abramowitz-Stegun 26.2.12: Phi(z) = phi(z)/|z| (1 - 1/z^2 + 3/z^4 - ...). For z <= -10 it
  // converges to full
  // precision within about nine terms, and it avoids the error that rounding z/sqrt(2) would add to
  // erfc.
  private static double lowerTail(double z) {
    double sum = 1;
    if (z >= -1 / SQRT_EPSILON) {
      double zsq = z * z;
      double g = 1;
      double last = Double.MAX_VALUE;
      for (int i = 1; ; i++) {
        double u = (4 * i - 3) / zsq;
        double v = u * ((4 * i - 1) / zsq);
        double a = g * (u - v);
        sum -= a;
        g *= v;
        a = Math.abs(a);
        if (!(a < last && a >= Math.abs(sum * EPSILON))) {
          break;
        }
        last = a;
      }
    }
    return -pdf(z) * sum / z;
  }

  /**
   * Inverse of the cumulative normal: Wichura's algorithm AS 241 (PPND16), Applied Statistics 37
   * (1988) 477-484, relative accuracy about 1e-16. Returns -infinity for u &lt;= 0 and +infinity
   * for u &gt;= 1.
   */
  static double inverseCdf(double u) {
    if (u <= 0) {
      return Math.log(u);
    }
    if (u >= 1) {
      return -Math.log(1 - u);
    }
    double q = u - 0.5;
    if (Math.abs(q) <= 0.425) {
      double r = 0.180625 - q * q;
      return q
          * (((((((IA7 * r + IA6) * r + IA5) * r + IA4) * r + IA3) * r + IA2) * r + IA1) * r + IA0)
          / (((((((IB7 * r + IB6) * r + IB5) * r + IB4) * r + IB3) * r + IB2) * r + IB1) * r + 1.0);
    }
    double r = Math.sqrt(-Math.log(q < 0 ? u : 1 - u));
    double z;
    if (r < 5.0) {
      r -= 1.6;
      z =
          (((((((IC7 * r + IC6) * r + IC5) * r + IC4) * r + IC3) * r + IC2) * r + IC1) * r + IC0)
              / (((((((ID7 * r + ID6) * r + ID5) * r + ID4) * r + ID3) * r + ID2) * r + ID1) * r
                  + 1.0);
    } else {
      r -= 5.0;
      z =
          (((((((IE7 * r + IE6) * r + IE5) * r + IE4) * r + IE3) * r + IE2) * r + IE1) * r + IE0)
              / (((((((IF7 * r + IF6) * r + IF5) * r + IF4) * r + IF3) * r + IF2) * r + IF1) * r
                  + 1.0);
    }
    return q < 0 ? -z : z;
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
    return ((((A4 * z + A0) * z + A1) * z + A2) * z + A3)
        / ((((z + B0) * z + B1) * z + B2) * z + B3);
  }

  private static double erfcxAboveThreshold(double y) {
    if (y <= 4) {
      return ((((((((C8 * y + C0) * y + C1) * y + C2) * y + C3) * y + C4) * y + C5) * y + C6) * y
              + C7)
          / ((((((((y + D0) * y + D1) * y + D2) * y + D3) * y + D4) * y + D5) * y + D6) * y + D7);
    }
    double z = 1 / (y * y);
    double pq =
        z
            * (((((P5 * z + P0) * z + P1) * z + P2) * z + P3) * z + P4)
            / (((((z + Q0) * z + Q1) * z + Q2) * z + Q3) * z + Q4);
    return (ONE_OVER_SQRT_PI - pq) / y;
  }

  // exp(-y^2) split as exp(-u^2) exp(-(y-u)(y+u)) with u = y rounded to 1/16, so that y*y is not
  // rounded
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
