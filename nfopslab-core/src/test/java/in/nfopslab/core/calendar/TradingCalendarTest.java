package in.nfopslab.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Weekends and listed closures are the only non-trading days; the holiday table itself is tested in
 * the data module.
 */
class TradingCalendarTest {
  // Republic Day 2024 (Friday 2024-01-26) and the ad-hoc closure of Monday 2024-01-22
  private final TradingCalendar cal =
      new TradingCalendar(List.of(d("2024-01-26"), d("2024-01-22")));

  @Test
  void weekendsAreNotTradingDays() {
    assertThat(cal.isTradingDay(d("2024-01-20"))).isFalse();
    assertThat(cal.isTradingDay(d("2024-01-21"))).isFalse();
    assertThat(cal.isClosure(d("2024-01-20"))).as("a weekend is not a listed closure").isFalse();
  }

  @Test
  void aListedClosureIsNotATradingDay() {
    assertThat(cal.isTradingDay(d("2024-01-22"))).isFalse();
    assertThat(cal.isClosure(d("2024-01-22"))).isTrue();
    assertThat(cal.isTradingDay(d("2024-01-23"))).isTrue();
  }

  @Test
  void tradingDaysIncludeBothEndsAndSkipWeekendsAndClosures() {
    assertThat(cal.tradingDays(d("2024-01-19"), d("2024-01-29")))
        .containsExactly(
            d("2024-01-19"), d("2024-01-23"), d("2024-01-24"), d("2024-01-25"), d("2024-01-29"));
    assertThat(cal.tradingDays(d("2024-01-20"), d("2024-01-22"))).isEmpty();
  }

  @Test
  void previousAndNextTradingDayStepOverWeekendAndClosure() {
    assertThat(cal.previousTradingDay(d("2024-01-23"))).isEqualTo("2024-01-19");
    assertThat(cal.nextTradingDay(d("2024-01-19"))).isEqualTo("2024-01-23");
    assertThat(cal.onOrBefore(d("2024-01-28"))).isEqualTo("2024-01-25");
    assertThat(cal.onOrAfter(d("2024-01-25"))).isEqualTo("2024-01-25");
  }

  private static LocalDate d(String text) {
    return LocalDate.parse(text);
  }
}
