package in.nfopslab.core.time;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * India Standard Time helpers. IST has had a fixed +05:30 offset and no daylight saving since 1945,
 * so instants and IST wall-clock times convert with plain arithmetic; hot loops use these
 * long-valued helpers instead of java.time objects.
 */
public final class Ist {
  public static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
  public static final ZoneOffset OFFSET = ZoneOffset.ofHoursMinutes(5, 30);
  public static final long OFFSET_SECONDS = 19_800L;
  public static final long NANOS_PER_SECOND = 1_000_000_000L;

  private Ist() {}

  /**
   * IST wall-clock "epoch second" (seconds since 1970-01-01T00:00 IST) of a true instant in epoch
   * nanos.
   */
  public static long wallSecondOfEpochNanos(long epochNanos) {
    return Math.floorDiv(epochNanos, NANOS_PER_SECOND) + OFFSET_SECONDS;
  }

  /** True epoch nanos of an IST wall-clock date and time. */
  public static long epochNanos(LocalDate date, LocalTime time) {
    return (date.toEpochDay() * 86_400L + time.toSecondOfDay() - OFFSET_SECONDS) * NANOS_PER_SECOND
        + time.getNano();
  }

  /** True epoch second of an IST wall-clock date and second of day. */
  public static long epochSecond(LocalDate date, int secondOfDay) {
    return date.toEpochDay() * 86_400L + secondOfDay - OFFSET_SECONDS;
  }

  public static LocalDateTime wallClock(long epochNanos) {
    long wall = wallSecondOfEpochNanos(epochNanos);
    return LocalDateTime.ofEpochSecond(
        wall, (int) Math.floorMod(epochNanos, NANOS_PER_SECOND), ZoneOffset.UTC);
  }
}
