package in.nfopslab.core.pricing;

/**
 * Shape-preserving rational cubic interpolation (R. Delbourgo and J. A. Gregory, "Shape preserving
 * piecewise rational interpolation", SIAM J. Sci. Stat. Comput. 6 (1985) 967-976), which "Let's Be
 * Rational" uses for its initial guesses of implied volatility.
 */
final class RationalCubic {
  private static final double MIN_CONTROL = -(1 - Math.sqrt(Normal.EPSILON));
  private static final double MAX_CONTROL = 2 / (Normal.EPSILON * Normal.EPSILON);

  private RationalCubic() {}

  /**
   * Interpolates at x between (xl, yl) and (xr, yr) with end slopes dl, dr and control parameter r.
   */
  static double interpolate(
      double x, double xl, double xr, double yl, double yr, double dl, double dr, double r) {
    double h = xr - xl;
    if (Math.abs(h) <= 0) {
      return 0.5 * (yl + yr);
    }
    double t = (x - xl) / h;
    if (!(r >= MAX_CONTROL)) {
      double omt = 1 - t;
      double t2 = t * t;
      double omt2 = omt * omt;
      // Delbourgo-Gregory (2.4) over (2.5).
      return (yr * t2 * t
              + (r * yr - h * dr) * t2 * omt
              + (r * yl + h * dl) * t * omt2
              + yl * omt2 * omt)
          / (1 + (r - 3) * t * omt);
    }
    return yr * t + yl * (1 - t);
  }

  /**
   * numerator / denominator, 0 for a zero numerator and the extreme control for a zero denominator.
   */
  private static double control(double numerator, double denominator) {
    if (isZero(numerator)) {
      return 0;
    }
    return isZero(denominator)
        ? (numerator > 0 ? MAX_CONTROL : MIN_CONTROL)
        : numerator / denominator;
  }

  /**
   * Control parameter that matches a second derivative at the left end, raised to keep the shape
   * convex.
   */
  static double convexControlForLeftSecondDerivative(
      double xl,
      double xr,
      double yl,
      double yr,
      double dl,
      double dr,
      double secondLeft,
      boolean preferShape) {
    double h = xr - xl;
    double r = control(0.5 * h * secondLeft + (dr - dl), (yr - yl) / h - dl);
    return Math.max(r, minimumControl(dl, dr, (yr - yl) / h, preferShape));
  }

  /**
   * Control parameter that matches a second derivative at the right end, raised to keep the shape
   * convex.
   */
  static double convexControlForRightSecondDerivative(
      double xl,
      double xr,
      double yl,
      double yr,
      double dl,
      double dr,
      double secondRight,
      boolean preferShape) {
    double h = xr - xl;
    double r = control(0.5 * h * secondRight + (dr - dl), dr - (yr - yl) / h);
    return Math.max(r, minimumControl(dl, dr, (yr - yl) / h, preferShape));
  }

  // Smallest control parameter keeping the interpolant monotone (3.8) and convex or concave (3.18)
  // when the data are.
  private static double minimumControl(double dl, double dr, double slope, boolean preferShape) {
    boolean monotonic = dl * slope >= 0 && dr * slope >= 0;
    boolean convex = dl <= slope && slope <= dr;
    boolean concave = dl >= slope && slope >= dr;
    if (!monotonic && !convex && !concave) {
      return MIN_CONTROL;
    }
    double r1 = -Double.MAX_VALUE;
    double r2 = -Double.MAX_VALUE;
    if (monotonic) {
      if (!isZero(slope)) {
        r1 = (dr + dl) / slope;
      } else if (preferShape) {
        r1 = MAX_CONTROL;
      }
    }
    if (convex || concave) {
      double drMinusDl = dr - dl;
      double drMinusSlope = dr - slope;
      double slopeMinusDl = slope - dl;
      if (!(isZero(slopeMinusDl) || isZero(drMinusSlope))) {
        r2 = Math.max(Math.abs(drMinusDl / drMinusSlope), Math.abs(drMinusDl / slopeMinusDl));
      } else if (preferShape) {
        r2 = MAX_CONTROL;
      }
    } else if (monotonic && preferShape) {
      r2 = MAX_CONTROL;
    }
    return Math.max(MIN_CONTROL, Math.max(r1, r2));
  }

  private static boolean isZero(double x) {
    return Math.abs(x) < Double.MIN_NORMAL;
  }
}
