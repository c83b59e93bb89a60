package in.nfopslab.core.pricing;

/**
 * Implied volatility of European options under Black-Scholes-Merton and Black-76, by P. Jaeckel's
 * "Let's Be Rational" (Wilmott, January 2015, 40-53): a rational-cubic initial guess on one of four
 * branches, then at most two third-order Householder steps on a branch-specific transform of the
 * normalised Black function. It reaches the attainable machine accuracy for all moneyness and
 * expiries, including deep in/out of the money and the last hour before expiry. This is an
 * independent Java implementation of the published method.
 *
 * <p>Contract: the result is the volatility per sqrt(year). NaN means there is no solution: the
 * price is below the European lower bound (the discounted forward intrinsic value, max(+-(F - K),
 * 0) e^{-rt}), at or above the upper bound (F e^{-rt} for a call, K e^{-rt} for a put), t &lt;= 0,
 * or an input is invalid (NaN, infinite, spot, forward or strike &lt;= 0). Within floating-point
 * rounding of a bound (4 ulp of the upper bound, which is what deep in-the-money model prices show)
 * the price counts as at that bound: 0 at the lower bound, NaN at the upper. A price a hair above
 * the lower bound (e.g. intrinsic + 1e-12) gives the volatility that reprices it, which is tiny at
 * the money, never garbage. In-the-money prices are solved on their out-of-the-money counterpart
 * (the same time value), so the intrinsic part costs no accuracy. Allocation-free.
 */
public final class ImpliedVol {
  /** Rate of NSE's published option-chain IV: Black-Scholes, r = 10%, q = 0, spot = index value. */
  public static final double NSE_RATE = 0.10;

  /**
   * Householder(3) steps after the initial guess; two reach machine precision (Jaeckel, section 5).
   */
  private static final int MAX_ITERATIONS = 2;

  private static final double EPSILON = Normal.EPSILON;

  /**
   * Shortfall below the lower bound, relative to the upper bound, still read as rounding (measured
   * &lt; 1 eps).
   */
  private static final double ROUNDING_TOLERANCE = 4 * EPSILON;

  private static final double SQRT_DBL_MAX = Math.sqrt(Double.MAX_VALUE);
  private static final double SQRT_THREE = 1.732050807568877293527446341505872366942805253810;
  private static final double SQRT_ONE_OVER_THREE =
      0.577350269189625764509148780501957455647601751270;
  private static final double TWO_PI = 6.283185307179586476925286766559005768394338798750;
  private static final double TWO_PI_OVER_SQRT_TWENTY_SEVEN =
      1.209199576156145233729385505094770488189377498728;
  private static final double PI_OVER_SIX = 0.523598775598298873077107230546583814032861566563;
  private static final double SQRT_PI_OVER_TWO = 1.253314137315500251207882642405522626503493370305;

  private ImpliedVol() {}

  /**
   * NaN when there is no solution (price below intrinsic / above the upper bound, or bad inputs).
   */
  public static double blackScholes(
      boolean call, double price, double spot, double strike, double t, double r, double q) {
    if (!(spot > 0 && spot < Double.POSITIVE_INFINITY && Math.abs(q) < Double.POSITIVE_INFINITY)) {
      return Double.NaN;
    }
    return black76(call, price, spot * Math.exp((r - q) * t), strike, t, r);
  }

  /**
   * NaN when there is no solution (price below intrinsic / above the upper bound, or bad inputs).
   */
  public static double black76(
      boolean call, double price, double forward, double strike, double t, double r) {
    if (!(Black76.valid(forward, strike, t, r, 0) && t > 0 && price < Double.POSITIVE_INFINITY)) {
      return Double.NaN;
    }
    return totalVolatility(call, price * Math.exp(r * t), forward, strike) / Math.sqrt(t);
  }

  /**
   * NSE's option-chain convention: Black-Scholes with r = {@link #NSE_RATE}, q = 0, the index value
   * as spot, and t from {@link ExpiryTime} (calendar time to 15:30 IST on expiry / 365).
   */
  public static double nse(boolean call, double price, double spot, double strike, double t) {
    return blackScholes(call, price, spot, strike, t, NSE_RATE, 0);
  }

  /**
   * Total volatility vol * sqrt(t) of an undiscounted Black value; NaN outside (intrinsic, upper
   * bound).
   */
  static double totalVolatility(boolean call, double value, double forward, double strike) {
    double intrinsic = Black76.intrinsic(call, forward, strike);
    double upper = call ? forward : strike;
    // At the upper bound up to rounding there is no finite vol (it would be a huge number fitted to
    // rounding noise).
    if (!(value < upper * (1 - ROUNDING_TOLERANCE))) {
      return Double.NaN;
    }
    double timeValue = value - intrinsic;
    if (timeValue <= 0) {
      // A deep in-the-money price whose time value is below double precision lands a rounding error
      // (undiscounting,
      // forward from spot) below the bound; that is "at the bound", not "no solution".
      return -timeValue <= ROUNDING_TOLERANCE * upper ? 0 : Double.NaN;
    }
    double beta = timeValue / (Math.sqrt(forward) * Math.sqrt(strike));
    double s = outOfTheMoneyCall(beta, -Math.abs(Math.log(forward / strike)));
    return s >= 0 && s < Double.POSITIVE_INFINITY ? s : Double.NaN;
  }

  /**
   * Total volatility s with b(x, s) = beta for x &lt;= 0 and 0 &lt; beta; NaN when beta &gt;=
   * e^{x/2}.
   */
  static double outOfTheMoneyCall(double beta, double x) {
    double bMax = Math.exp(0.5 * x);
    if (!(beta < bMax)) {
      return Double.NaN;
    }
    // The four branches of Jaeckel's figure 4: lower (f_lower transform), lower-middle and
    // upper-middle (rational
    // cubic in b directly), upper (f_upper transform). sc is the point of inflexion of b(s).
    double sc = Math.sqrt(Math.abs(2 * x));
    double bc = NormalisedBlack.call(x, sc);
    double vc = NormalisedBlack.vega(x, sc);
    double sLeft = Double.MIN_NORMAL;
    double sRight = Double.MAX_VALUE;
    double s;
    if (beta < bc) {
      double sl = sc - bc / vc;
      double bl = NormalisedBlack.call(x, sl);
      if (beta < bl) {
        return lowerBranch(beta, x, sl, bl);
      }
      double vl = NormalisedBlack.vega(x, sl);
      double r =
          RationalCubic.convexControlForRightSecondDerivative(
              bl, bc, sl, sc, 1 / vl, 1 / vc, 0, false);
      s = RationalCubic.interpolate(beta, bl, bc, sl, sc, 1 / vl, 1 / vc, r);
      sLeft = sl;
      sRight = sc;
    } else {
      double sh = vc > Double.MIN_NORMAL ? sc + (bMax - bc) / vc : sc;
      double bh = NormalisedBlack.call(x, sh);
      if (beta <= bh) {
        double vh = NormalisedBlack.vega(x, sh);
        double r =
            RationalCubic.convexControlForLeftSecondDerivative(
                bc, bh, sc, sh, 1 / vc, 1 / vh, 0, false);
        s = RationalCubic.interpolate(beta, bc, bh, sc, sh, 1 / vc, 1 / vh, r);
        sLeft = sc;
        sRight = sh;
      } else {
        s = upperBranchGuess(beta, x, sh, bh, bMax);
        sLeft = sh;
        if (beta > 0.5 * bMax) {
          return upperBranchIterate(beta, x, s, sLeft, sRight, bMax);
        }
        // Else b - beta is the better-conditioned objective: fall through.
      }
    }
    return middleIterate(beta, x, s, sLeft, sRight);
  }

  // Lowest branch: initial guess from a rational cubic in f_lower(b) (Jaeckel eq. 4.7 ff.), then
  // Householder on
  // g(s) = 1/ln(b(s)) - 1/ln(beta), which is nearly linear where b is exponentially small.
  private static double lowerBranch(double beta, double x, double sl, double bl) {
    double ax = Math.abs(x);
    double z = SQRT_ONE_OVER_THREE * ax / sl;
    double y = z * z;
    double s2 = sl * sl;
    double bigPhi = Normal.cdf(-z);
    double smallPhi = Normal.pdf(z);
    double fpp =
        PI_OVER_SIX
            * y
            / (s2 * sl)
            * bigPhi
            * (8 * SQRT_THREE * sl * ax + (3 * s2 * (s2 - 8) - 8 * x * x) * bigPhi / smallPhi)
            * Math.exp(2 * y + 0.25 * s2);
    double bigPhi2 = bigPhi * bigPhi;
    double fp = TWO_PI * y * bigPhi2 * Math.exp(y + 0.125 * s2);
    double fl = TWO_PI_OVER_SQRT_TWENTY_SEVEN * ax * (bigPhi2 * bigPhi);
    double r = RationalCubic.convexControlForRightSecondDerivative(0, bl, 0, fl, 1, fp, fpp, true);
    double f = RationalCubic.interpolate(beta, 0, bl, 0, fl, 1, fp, r);
    if (!(f > 0)) {
      // Round-off for extreme |x|: quadratic through f(0) = 0, f'(0) = 1 and f(bl).
      double u = beta / bl;
      f = (fl * u + bl * (1 - u)) * u;
    }
    double s =
        f == 0
            ? 0
            : Math.abs(
                x
                    / (SQRT_THREE
                        * Normal.inverseCdf(Math.cbrt(f / (TWO_PI_OVER_SQRT_TWENTY_SEVEN * ax)))));
    double sLeft = Double.MIN_NORMAL;
    double sRight = sl;
    double lnBeta = Math.log(beta);
    double ds = -Double.MAX_VALUE;
    double dsPrevious = 0;
    int reversals = 0;
    for (int i = 0; i < MAX_ITERATIONS && Math.abs(ds) > EPSILON * s; i++) {
      if (ds * dsPrevious < 0) {
        reversals++;
      }
      if (i > 0 && (reversals == 3 || !(s > sLeft && s < sRight))) {
        // Looping or stepping out of the bracket (only for extreme |x|): bisect.
        s = 0.5 * (sLeft + sRight);
        if (sRight - sLeft <= EPSILON * s) {
          break;
        }
        reversals = 0;
        ds = 0;
      }
      dsPrevious = ds;
      double b = NormalisedBlack.call(x, s);
      double bp = NormalisedBlack.vega(x, s);
      if (b > beta && s < sRight) {
        sRight = s;
      } else if (b < beta && s > sLeft) {
        sLeft = s;
      }
      if (b <= 0 || bp <= 0) {
        ds = 0.5 * (sLeft + sRight) - s;
      } else {
        double lnB = Math.log(b);
        double bpob = bp / b;
        double h = x / s;
        double bHalley = h * h / s - s / 4;
        double newton = (lnBeta - lnB) * lnB / lnBeta / bpob;
        double halley = bHalley - bpob * (1 + 2 / lnB);
        double bHh3 = bHalley * bHalley - 3 * (h / s) * (h / s) - 0.25;
        double hh3 =
            bHh3
                + 2 * bpob * bpob * (1 + 3 / lnB * (1 + 1 / lnB))
                - 3 * bHalley * bpob * (1 + 2 / lnB);
        ds = newton * householderFactor(newton, halley, hh3);
      }
      ds = Math.max(-0.5 * s, ds);
      s += ds;
    }
    return s;
  }

  // Highest branch: initial guess from a rational cubic in f_upper(b) = Phi(-s/2) (Jaeckel eq. 4.10
  // ff.).
  private static double upperBranchGuess(double beta, double x, double sh, double bh, double bMax) {
    double fh = Normal.cdf(-0.5 * sh);
    double w = (x / sh) * (x / sh);
    double fp = -0.5 * Math.exp(0.5 * w);
    double fpp = SQRT_PI_OVER_TWO * Math.exp(w + 0.125 * sh * sh) * w / sh;
    double f = -Double.MAX_VALUE;
    if (fpp > -SQRT_DBL_MAX && fpp < SQRT_DBL_MAX) {
      double r =
          RationalCubic.convexControlForLeftSecondDerivative(bh, bMax, fh, 0, fp, -0.5, fpp, true);
      f = RationalCubic.interpolate(beta, bh, bMax, fh, 0, fp, -0.5, r);
    }
    if (f <= 0) {
      // Quadratic through f(bh), f(bMax) = 0 and f'(bMax) = -1/2.
      double h = bMax - bh;
      double u = (beta - bh) / h;
      f = (fh * (1 - u) + 0.5 * h * u) * (1 - u);
    }
    return -2 * Normal.inverseCdf(f);
  }

  // Upper branch objective g(s) = ln((bMax - beta) / (bMax - b(s))), well conditioned as b
  // approaches bMax.
  private static double upperBranchIterate(
      double beta, double x, double s, double sLeft, double sRight, double bMax) {
    double ds = -Double.MAX_VALUE;
    double dsPrevious = 0;
    int reversals = 0;
    for (int i = 0; i < MAX_ITERATIONS && Math.abs(ds) > EPSILON * s; i++) {
      if (ds * dsPrevious < 0) {
        reversals++;
      }
      if (i > 0 && (reversals == 3 || !(s > sLeft && s < sRight))) {
        s = 0.5 * (sLeft + sRight);
        if (sRight - sLeft <= EPSILON * s) {
          break;
        }
        reversals = 0;
        ds = 0;
      }
      dsPrevious = ds;
      double b = NormalisedBlack.call(x, s);
      double bp = NormalisedBlack.vega(x, s);
      if (b > beta && s < sRight) {
        sRight = s;
      } else if (b < beta && s > sLeft) {
        sLeft = s;
      }
      if (b >= bMax || bp <= Double.MIN_NORMAL) {
        ds = 0.5 * (sLeft + sRight) - s;
      } else {
        double bMaxMinusB = bMax - b;
        double g = Math.log((bMax - beta) / bMaxMinusB);
        double gp = bp / bMaxMinusB;
        double bHalley = (x / s) * (x / s) / s - s / 4;
        double bHh3 = bHalley * bHalley - 3 * (x / (s * s)) * (x / (s * s)) - 0.25;
        double newton = -g / gp;
        double halley = bHalley + gp;
        double hh3 = bHh3 + gp * (2 * gp + 3 * bHalley);
        ds = newton * householderFactor(newton, halley, hh3);
      }
      ds = Math.max(-0.5 * s, ds);
      s += ds;
    }
    return s;
  }

  // Middle branches: objective g(s) = b(s) - beta; b''/b' = x^2/s^3 - s/4 and b'''/b' in closed
  // form.
  private static double middleIterate(
      double beta, double x, double s, double sLeft, double sRight) {
    double ds = -Double.MAX_VALUE;
    double dsPrevious = 0;
    int reversals = 0;
    for (int i = 0; i < MAX_ITERATIONS && Math.abs(ds) > EPSILON * s; i++) {
      if (ds * dsPrevious < 0) {
        reversals++;
      }
      if (i > 0 && (reversals == 3 || !(s > sLeft && s < sRight))) {
        s = 0.5 * (sLeft + sRight);
        if (sRight - sLeft <= EPSILON * s) {
          break;
        }
        reversals = 0;
        ds = 0;
      }
      dsPrevious = ds;
      double b = NormalisedBlack.call(x, s);
      double bp = NormalisedBlack.vega(x, s);
      if (b > beta && s < sRight) {
        sRight = s;
      } else if (b < beta && s > sLeft) {
        sLeft = s;
      }
      double newton = (beta - b) / bp;
      double halley = (x / s) * (x / s) / s - s / 4;
      double hh3 = halley * halley - 3 * (x / (s * s)) * (x / (s * s)) - 0.25;
      ds = Math.max(-0.5 * s, newton * householderFactor(newton, halley, hh3));
      s += ds;
    }
    return s;
  }

  /** Householder(3) correction: s += newton * factor. */
  private static double householderFactor(double newton, double halley, double hh3) {
    return (1 + 0.5 * halley * newton) / (1 + newton * (halley + hh3 * newton / 6));
  }
}
