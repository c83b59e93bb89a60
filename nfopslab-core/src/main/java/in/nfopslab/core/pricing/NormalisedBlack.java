package in.nfopslab.core.pricing;

/**
 * The normalised Black function b(x, s) = Phi(x/s + s/2) e^{x/2} - Phi(x/s - s/2) e^{-x/2} of an
 * out-of-the-money call, with x = ln(F/K) &lt;= 0 and s = vol * sqrt(t), to (nearly) full relative
 * precision, as P. Jaeckel, "Let's Be Rational", Wilmott (2015) 40-53, section 2.3, evaluates it.
 *
 * <p>Undiscounted option values are intrinsic + sqrt(F K) b(-|x|, s); the time value of a call and
 * of a put at the same strike are the same b. Evaluating only the out-of-the-money value keeps its
 * relative accuracy where the value is tiny (deep out of the money, minutes to expiry), which a
 * straight F N(d1) - K N(d2) loses to cancellation; the implied volatility solver depends on that.
 */
final class NormalisedBlack {
  /** Below h = x/s &lt; -10 the asymptotic expansion of Phi is accurate to ~1.6e-16 relative. */
  private static final double ASYMPTOTIC_THRESHOLD = -10;

  /** t = s/2 below 2 eps^(1/16) ~ 0.21: the small-t expansion is exact to machine precision. */
  private static final double SMALL_T_THRESHOLD = 2 * Math.pow(Normal.EPSILON, 1.0 / 16);

  private static final double SQRT_PI_OVER_TWO = 1.253314137315500251207882642405522626503493370305;
  private static final double SQRT_DBL_MIN = Math.sqrt(Double.MIN_NORMAL);

  // Asymptotic expansion (Jaeckel eq. 2.11 ff.): sum_k (-1)^k (2k-1)!! q^k P_k(e), P_k(e) = sum_j 2
  // C(2k+1, 2j+1) e^j,
  // 18 terms. Precomputed once; the evaluation allocates nothing.
  private static final int TERMS = 18;
  private static final double[] TERM_FACTOR = new double[TERMS];
  private static final double[][] TERM_POLY = new double[TERMS][];

  static {
    double doubleFactorial = 1;
    for (int k = 0; k < TERMS; k++) {
      if (k > 0) {
        doubleFactorial *= 2 * k - 1;
      }
      TERM_FACTOR[k] = (k % 2 == 0 ? 1 : -1) * doubleFactorial;
      double[] poly = new double[k + 1];
      for (int j = 0; j <= k; j++) {
        poly[j] = 2 * binomial(2 * k + 1, 2 * j + 1);
      }
      TERM_POLY[k] = poly;
    }
  }

  private NormalisedBlack() {}

  /**
   * Normalised value of a call; for x &gt; 0 the intrinsic part is added to the out-of-the-money
   * value.
   */
  static double call(double x, double s) {
    if (x > 0) {
      return intrinsicCall(x) + call(-x, s);
    }
    if (!(s > 0)) {
      return 0;
    }
    // Region choice avoids dividing by s; h = x/s, t = s/2.
    if (x < s * ASYMPTOTIC_THRESHOLD
        && 0.5 * s * s + x < s * (SMALL_T_THRESHOLD + ASYMPTOTIC_THRESHOLD)) {
      return asymptoticExpansion(x / s, 0.5 * s);
    }
    if (0.5 * s < SMALL_T_THRESHOLD) {
      return smallTExpansion(x / s, 0.5 * s);
    }
    // When b is more than ~85% of its maximum the first term dominates; combining the terms would
    // lose accuracy.
    if (x + 0.5 * s * s > s * 0.85) {
      return usingCdf(x, s);
    }
    return usingErfcx(x / s, 0.5 * s);
  }

  /**
   * Normalised intrinsic value of a call, e^{x/2} - e^{-x/2} = 2 sinh(x/2), for x &gt; 0 (else 0).
   */
  static double intrinsicCall(double x) {
    return x > 0 ? 2 * Math.sinh(0.5 * x) : 0;
  }

  /** db/ds. */
  static double vega(double x, double s) {
    if (x == 0) {
      return Normal.ONE_OVER_SQRT_TWO_PI * Math.exp(-0.125 * s * s);
    }
    if (s <= 0 || s <= Math.abs(x) * SQRT_DBL_MIN) {
      return 0;
    }
    double h = x / s;
    double t = 0.5 * s;
    return Normal.ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * (h * h + t * t));
  }

  private static double usingCdf(double x, double s) {
    double h = x / s;
    double t = 0.5 * s;
    double bMax = Math.exp(0.5 * x);
    return Math.max(Normal.cdf(h + t) * bMax - Normal.cdf(h - t) / bMax, 0);
  }

  // b = 1/2 exp(-(h^2+t^2)/2) [erfcx(-(h+t)/sqrt2) - erfcx(-(h-t)/sqrt2)]: one exponential instead
  // of three, and a
  // difference of two rational functions, which keeps about 16 digits (Jaeckel, section 2.3, region
  // IV).
  private static double usingErfcx(double h, double t) {
    double b =
        0.5
            * Math.exp(-0.5 * (h * h + t * t))
            * (Normal.erfcx(-Normal.ONE_OVER_SQRT_TWO * (h + t))
                - Normal.erfcx(-Normal.ONE_OVER_SQRT_TWO * (h - t)));
    return Math.max(b, 0);
  }

  // b = phi-prefactor * (t/r) * A(h,t), A expanded in q = (h/r)^2 with coefficients in e = (t/h)^2,
  // r = (h+t)(h-t),
  // from Phi(z) = phi(z)/|z| [1 - 1/z^2 + 3/z^4 - ...] (Abramowitz-Stegun 26.2.12). Used for h &lt;
  // -10.
  private static double asymptoticExpansion(double h, double t) {
    double e = (t / h) * (t / h);
    double r = (h + t) * (h - t);
    double q = (h / r) * (h / r);
    double sum = 0;
    for (int k = TERMS - 1; k >= 0; k--) {
      double[] poly = TERM_POLY[k];
      double p = 0;
      for (int j = poly.length - 1; j >= 0; j--) {
        p = p * e + poly[j];
      }
      sum = sum * q + TERM_FACTOR[k] * p;
    }
    double b = Normal.ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * (h * h + t * t)) * (t / r) * sum;
    return Math.max(b, 0);
  }

  // Y(h+t) - Y(h-t), Y(z) = Phi(z)/phi(z), expanded to 12th order in t; exact to machine precision
  // for h &lt;= 0 and
  // t &lt; 0.21 (Jaeckel, section 2.3, region II). a = 1 + h Y(h) is the precision bottleneck,
  // hence erfcx.
  private static double smallTExpansion(double h, double t) {
    double a = 1 + h * SQRT_PI_OVER_TWO * Normal.erfcx(-Normal.ONE_OVER_SQRT_TWO * h);
    double w = t * t;
    double h2 = h * h;
    double c6 =
        (-89055
                + 135135 * a
                + h2
                    * (-82845
                        + 270270 * a
                        + h2
                            * (-20370
                                + 135135 * a
                                + h2
                                    * (-1926
                                        + 25740 * a
                                        + h2 * (-75 + 2145 * a + h2 * (-1 + 78 * a + a * h2))))))
            / 6227020800.0;
    double c5 =
        (-6555
                + 10395 * a
                + h2
                    * (-4680
                        + 17325 * a
                        + h2
                            * (-840
                                + 6930 * a
                                + h2 * (-52 + 990 * a + h2 * (-1 + 55 * a + a * h2)))))
            / 39916800.0;
    double c4 =
        (-561
                + 945 * a
                + h2 * (-285 + 1260 * a + h2 * (-33 + 378 * a + h2 * (-1 + 36 * a + a * h2))))
            / 362880.0;
    double c3 = (-57 + 105 * a + h2 * (-18 + 105 * a + h2 * (-1 + 21 * a + a * h2))) / 5040.0;
    double c2 = (-7 + 15 * a + h2 * (-1 + 10 * a + a * h2)) / 120.0;
    double c1 = (-1 + 3 * a + a * h2) / 6.0;
    double expansion = 2 * t * (a + w * (c1 + w * (c2 + w * (c3 + w * (c4 + w * (c5 + w * c6))))));
    double b = Normal.ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * (h * h + t * t)) * expansion;
    return Math.max(b, 0);
  }

  private static double binomial(int n, int k) {
    double c = 1;
    for (int i = 1; i <= k; i++) {
      c = c * (n - k + i) / i;
    }
    return c;
  }
}
