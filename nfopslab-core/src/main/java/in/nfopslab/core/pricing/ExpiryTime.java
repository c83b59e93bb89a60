package in.nfopslab.core.pricing;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.time.Ist;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Time to expiry of an NSE index option in years, the t that the pricing models take.
 *
 * <p>Day count: ACT/365 on true elapsed time, i.e. (expiry instant - trade instant) in seconds /
 * (365 * 86,400). Nights, weekends and holidays count like trading hours, as in NSE's own
 * option-chain IV. The expiry instant is 15:30 IST on the expiry date (the issue fixes it there;
 * the session table moves the F&amp;O close to 15:40 from 2026-08-03, and this cut-off stays at
 * 15:30 until the project decides otherwise). The result is negative after the cut-off; the pricing
 * models treat t &lt;= 0 as expired.
 */
public final class ExpiryTime {
  /** 15:30 IST, the expiry cut-off. */
  public static final LocalTime EXPIRY_CUTOFF = LocalTime.of(15, 30);

  public static final double SECONDS_PER_YEAR = 365.0 * 86_400.0;

  private static final double NANOS_PER_YEAR = SECONDS_PER_YEAR * Ist.NANOS_PER_SECOND;

  private ExpiryTime() {}

  /**
   * Years (ACT/365 on true elapsed seconds) from an instant (epoch nanos) to 15:30 IST on the
   * expiry date.
   */
  public static double years(long epochNanos, LocalDate expiry) {
    requireNonNull(expiry, "expiry is null");
    return (Ist.epochNanos(expiry, EXPIRY_CUTOFF) - epochNanos) / NANOS_PER_YEAR;
  }

  /** Years (ACT/365) from an IST wall-clock date-time to 15:30 IST on the expiry date. */
  public static double years(LocalDateTime istWallClock, LocalDate expiry) {
    requireNonNull(istWallClock, "istWallClock is null");
    return years(Ist.epochNanos(istWallClock.toLocalDate(), istWallClock.toLocalTime()), expiry);
  }

  /**
   * Years from an IST wall-clock second (seconds since 1970-01-01T00:00 IST) to the cut-off;
   * allocation-free.
   */
  public static double yearsFromWallSecond(long istWallSecond, long expiryEpochDay) {
    long expiryWallSecond = expiryEpochDay * 86_400L + EXPIRY_CUTOFF.toSecondOfDay();
    return (expiryWallSecond - istWallSecond) / SECONDS_PER_YEAR;
  }
}
