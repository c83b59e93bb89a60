package in.nfopslab.data.meta;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.calendar.ExpiryCalendar;
import in.nfopslab.core.calendar.TradingCalendar;
import in.nfopslab.core.instrument.Symbol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where MetaTables takes the trading calendar and the expiry calendar from: the lab's meta folder
 * first.
 */
class MetaTablesExpiryCalendarTest {
  private static final Symbol BANKNIFTY = new Symbol("BANKNIFTY");

  @TempDir Path meta;

  @Test
  void theBundledHolidaysCloseTheSessionOnListedDays() {
    TradingCalendar cal = MetaTables.bundled().calendar();

    // reference calendar/nse_weekday_holidays_2019_2026.csv: the ad-hoc closure of 2024-01-22
    assertThat(cal.isTradingDay(LocalDate.of(2024, 1, 22))).isFalse();
    // a Diwali (Muhurat) day has no regular session
    assertThat(cal.isTradingDay(LocalDate.of(2021, 11, 4))).isFalse();
    assertThat(cal.tradingDays(LocalDate.of(2024, 1, 19), LocalDate.of(2024, 1, 26)))
        .containsExactly(
            LocalDate.of(2024, 1, 19),
            LocalDate.of(2024, 1, 23),
            LocalDate.of(2024, 1, 24),
            LocalDate.of(2024, 1, 25));
  }

  @Test
  void withoutItsOwnCalendarALabGetsExpiriesShiftedByItsOwnHolidays() throws Exception {
    // the lab closes Wednesday 2023-09-06, the first BANKNIFTY Wednesday weekly
    Files.writeString(meta.resolve("holidays.csv"), "date\n2023-09-06\n");

    ExpiryCalendar cal = MetaTables.load(meta).expiryCalendar();

    assertThat(cal.nearest(BANKNIFTY, LocalDate.of(2023, 9, 1))).isEqualTo("2023-09-05");
    assertThat(cal.entry(BANKNIFTY, LocalDate.of(2023, 9, 5)).scheduled()).isEqualTo("2023-09-06");
    assertThat(MetaTables.bundled().expiryCalendar().nearest(BANKNIFTY, LocalDate.of(2023, 9, 1)))
        .isEqualTo("2023-09-06");
  }

  @Test
  void aLabsOwnCalendarFileIsUsedAsItIs() throws Exception {
    Files.writeString(
        meta.resolve("expiry_calendar.csv"),
        "Instrument,Expiry_Type,Contract_Month,Scheduled_Expiry,Final_Expiry\nBANKNIFTY,monthly,2030-01,2030-01-31,2030-01-31\n");

    ExpiryCalendar cal = MetaTables.load(meta).expiryCalendar();

    assertThat(cal.entries()).hasSize(1);
    assertThat(cal.nearest(BANKNIFTY, LocalDate.of(2023, 9, 1))).isEqualTo("2030-01-31");
  }

  @Test
  void aBrokenCalendarFileDoesNotStopTheOtherTablesFromLoading() throws Exception {
    Files.writeString(meta.resolve("expiry_calendar.csv"), "nonsense\n1\n");

    MetaTables tables = MetaTables.load(meta);

    assertThat(tables.calendar().isTradingDay(LocalDate.of(2024, 1, 23))).isTrue();
    assertThat(tables.expiryRules()).isNotEmpty();
  }
}
