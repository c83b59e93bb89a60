package in.nfopslab.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.within;

import in.nfopslab.core.time.Ist;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Time to expiry is ACT/365 on true elapsed time to 15:30 IST on the expiry date. */
class ExpiryTimeTest {
  private static final LocalDate EXPIRY = LocalDate.of(2025, 1, 30);

  @Test
  void oneHourBeforeTheCutOffIsOneHourOfA365DayYear() {
    assertThat(ExpiryTime.years(LocalDateTime.of(2025, 1, 30, 14, 30), EXPIRY))
        .isCloseTo(1.0 / (365 * 24), within(1e-18));
  }

  @Test
  void nightsAndWeekendsCountAsCalendarTime() {
    // Friday 09:15 IST to Thursday 15:30 IST: 6 days and 6h15m.
    double years = ExpiryTime.years(LocalDateTime.of(2025, 1, 24, 9, 15), EXPIRY);
    assertThat(years)
        .isCloseTo((6 * 86_400 + 6 * 3_600 + 15 * 60) / (365.0 * 86_400), within(1e-15));
  }

  @Test
  void instantAndIstWallClockAgree() {
    LocalDateTime wall = LocalDateTime.of(2025, 1, 28, 11, 42, 17, 500_000_000);
    long nanos = Ist.epochNanos(wall.toLocalDate(), wall.toLocalTime());
    assertThat(ExpiryTime.years(nanos, EXPIRY)).isEqualTo(ExpiryTime.years(wall, EXPIRY));
    // The instant is a true instant: the same moment in UTC gives the same time to expiry.
    long fromZone = ZonedDateTime.of(wall, Ist.ZONE).toInstant().toEpochMilli() * 1_000_000L;
    assertThat(fromZone).isEqualTo(nanos);
    long wallSecond = Ist.wallSecondOfEpochNanos(nanos);
    assertThat(ExpiryTime.yearsFromWallSecond(wallSecond, EXPIRY.toEpochDay()))
        .isCloseTo(ExpiryTime.years(nanos, EXPIRY), within(1.0 / ExpiryTime.SECONDS_PER_YEAR));
  }

  @Test
  void isZeroAtTheCutOffAndNegativeAfterIt() {
    assertThat(ExpiryTime.years(EXPIRY.atTime(ExpiryTime.EXPIRY_CUTOFF), EXPIRY)).isZero();
    assertThat(ExpiryTime.years(EXPIRY.atTime(LocalTime.of(15, 31)), EXPIRY)).isNegative();
  }

  @Test
  void rejectsNulls() {
    assertThatNullPointerException()
        .isThrownBy(() -> ExpiryTime.years(0L, null))
        .withMessage("expiry is null");
    assertThatNullPointerException()
        .isThrownBy(() -> ExpiryTime.years((LocalDateTime) null, EXPIRY))
        .withMessage("istWallClock is null");
  }
}
