package in.nfopslab.data.generate;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.pricing.BlackScholes;
import in.nfopslab.core.pricing.ExpiryTime;
import in.nfopslab.core.pricing.ImpliedVol;
import java.time.LocalDate;

/**
 * The implied-vol surface of one expiry on one generated day, and the noise-free option prices it
 * gives.
 *
 * <p>The market prices variance in trading time: the vol level (the day's regime, moved intraday
 * against spot) applies to the trading seconds left until the 15:30 cut-off plus each remaining
 * night at {@value #NIGHT_SHARE} of a day. Prices are quoted the way the project reads them,
 * Black-Scholes with t = {@link ExpiryTime} (ACT/365 on wall-clock time), r = {@link
 * ImpliedVol#NSE_RATE}, q = 0, so the quoted ATM vol is the level times sqrt(trading variance time
 * / t). That makes quoted vol of near expiries higher than the level (nights and weekends count in
 * t but carry little variance), as on the exchange, while keeping option prices fair against the
 * simulated spot moves.
 *
 * <p>Term structure: far expiries revert to the long-run vol (front ones follow the day's level),
 * plus a small upward slope. Expiry-day crush: the expiring contract's level falls from {@value
 * #CRUSH_START} to {@value #CRUSH_END} of itself between the open and the cut-off. Skew: in
 * standardised log-moneyness x = ln(K/F) / (atm sqrt(t)), iv = atm (1 - {@value #SKEW} x + {@value
 * #SMILE} x^2), x clamped to +-{@value #MAX_X}, so out-of-the-money puts are dearer than calls.
 */
final class VolSurface {
  static final double RATE = ImpliedVol.NSE_RATE;
  static final double DIVIDEND = 0;
  static final double TRADING_DAYS_PER_YEAR = 252;
  static final double NIGHT_SHARE = 0.18;
  static final double LONG_RUN_PREMIUM = 0.005;
  static final double TERM_DECAY_DAYS = 15;
  static final double TERM_SLOPE = 0.004;
  static final double CRUSH_START = 1.10;
  static final double CRUSH_END = 0.70;
  static final double SKEW = 0.10;
  static final double SMILE = 0.04;
  static final double MAX_X = 4;
  static final double MIN_VOL = 0.03;
  static final double MAX_VOL = 2.0;

  /**
   * Moneyness is standardised over at least this much time, so strikes keep distinct vols into the
   * close.
   */
  static final double MIN_SKEW_YEARS = 15.0 * 60 / ExpiryTime.SECONDS_PER_YEAR;

  private final SpotDay day;
  private final LocalDate expiry;
  private final boolean expiryDay;
  private final int fullDaysAfter;
  private final int cutoffIndex;
  private final double yearsAtOpen;
  private final double longRun;

  /**
   * @param tradingDaysAfter trading days after {@code day} up to and including the expiry (0 on
   *     expiry day)
   */
  VolSurface(SpotDay day, LocalDate expiry, int tradingDaysAfter) {
    this.day = requireNonNull(day, "day is null");
    this.expiry = requireNonNull(expiry, "expiry is null");
    if (expiry.isBefore(day.date())) {
      throw new IllegalArgumentException(
          "expiry " + expiry + " is before the trade date " + day.date());
    }
    if (tradingDaysAfter < 0) {
      throw new IllegalArgumentException("tradingDaysAfter is negative");
    }
    this.expiryDay = expiry.equals(day.date());
    this.fullDaysAfter = tradingDaysAfter;
    this.cutoffIndex = ExpiryTime.EXPIRY_CUTOFF.toSecondOfDay() - day.session().openSecondOfDay();
    this.yearsAtOpen = ExpiryTime.years(day.session().epochNanosAt(0), expiry);
    this.longRun = day.profile().baseVol() + LONG_RUN_PREMIUM;
  }

  LocalDate expiry() {
    return expiry;
  }

  boolean expiryDay() {
    return expiryDay;
  }

  /**
   * ACT/365 years from the start of session second {@code s} to the cut-off, as {@link ExpiryTime}
   * counts them.
   */
  double years(int s) {
    return yearsAtOpen - s / ExpiryTime.SECONDS_PER_YEAR;
  }

  /**
   * Trading days of variance left: the rest of today's session to the cut-off plus each later day
   * and its night.
   */
  double tradingDaysLeft(int s) {
    return Math.max(0, cutoffIndex - s) / (double) cutoffIndex + fullDaysAfter * (1 + NIGHT_SHARE);
  }

  /**
   * The trading-time vol level of this expiry at second s (term structure, intraday shift and crush
   * applied).
   */
  double level(int s) {
    double left = tradingDaysLeft(s);
    double v =
        longRun
            + (day.regime().ivLevel() - longRun) * Math.exp(-left / TERM_DECAY_DAYS)
            + TERM_SLOPE * Math.min(left, 40) / 20
            + day.ivShift(s);
    if (expiryDay) {
      v *= CRUSH_START + (CRUSH_END - CRUSH_START) * Math.min(1.0, s / (double) cutoffIndex);
    }
    return Math.max(MIN_VOL, v);
  }

  /** Quoted (ACT/365) at-the-money vol at second s. */
  double atmVol(int s) {
    double level = level(s);
    double t = years(s);
    if (t <= 0) {
      return level;
    }
    return level * Math.sqrt(tradingDaysLeft(s) / TRADING_DAYS_PER_YEAR / t);
  }

  /** Quoted implied vol of a strike at second s. */
  double iv(int s, double strike) {
    double atm = atmVol(s);
    double t = Math.max(years(s), MIN_SKEW_YEARS);
    double forward = day.spot(s) * Math.exp((RATE - DIVIDEND) * t);
    double x = Math.log(strike / forward) / (atm * Math.sqrt(t));
    x = Math.max(-MAX_X, Math.min(MAX_X, x));
    double iv = atm * (1 - SKEW * x + SMILE * x * x);
    return Math.max(MIN_VOL, Math.min(MAX_VOL, iv));
  }

  /** Noise-free Black-Scholes price at second s. */
  double price(boolean call, int s, double strike) {
    return BlackScholes.price(call, day.spot(s), strike, years(s), RATE, DIVIDEND, iv(s, strike));
  }
}
