package in.nfopslab.data.meta;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.calendar.ExpiryCalendar;
import in.nfopslab.core.calendar.ExpiryCalendarBuilder;
import in.nfopslab.core.calendar.ExpiryEntry;
import in.nfopslab.core.calendar.ExpiryType;
import in.nfopslab.core.instrument.Symbol;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed meta/expiry_calendar.csv (bundled into the jar from the repo's meta/ folder) is
 * exactly what the builder makes from the committed meta/expiry_rules.csv and meta/holidays.csv, so
 * neither can change without the other. If this fails after a rules or holiday edit, regenerate
 * with {@code bin/nfops data calendar --meta meta}.
 */
class CommittedExpiryCalendarTest {
  private static final Symbol NIFTY = new Symbol("NIFTY");
  private static final Symbol BANKNIFTY = new Symbol("BANKNIFTY");

  private final MetaTables bundled = MetaTables.bundled();

  @Test
  void theCommittedCalendarIsWhatTheRulesAndHolidaysGenerate() throws Exception {
    List<ExpiryEntry> generated =
        new ExpiryCalendarBuilder(bundled.expiryRules(), bundled.calendar()).build();
    StringBuilder expected = new StringBuilder();
    ExpiryCalendarCsv.write(expected, generated, bundled.calendar());

    assertThat(committedText())
        .as("meta/expiry_calendar.csv is stale: run bin/nfops data calendar --meta meta")
        .isEqualTo(expected.toString());
  }

  @Test
  void theCommittedCalendarCoversBothSymbolsFrom2019To2026() {
    List<ExpiryEntry> entries =
        ExpiryCalendarCsv.fromRows(
            MetaCsv.readBundled(MetaTables.EXPIRY_CALENDAR, "Instrument", "Final_Expiry"));

    assertThat(entries).extracting(ExpiryEntry::instrument).containsOnly(NIFTY, BANKNIFTY);
    assertThat(entries)
        .extracting(ExpiryEntry::contractMonth)
        .contains(YearMonth.of(2019, 1), YearMonth.of(2026, 12))
        .allMatch(m -> !m.isBefore(YearMonth.of(2019, 1)) && !m.isAfter(YearMonth.of(2026, 12)));
    // one monthly per symbol and month: 8 years
    assertThat(entries).filteredOn(e -> e.type() == ExpiryType.MONTHLY).hasSize(2 * 96);
  }

  @Test
  void theBundledExpiryCalendarAnswersTheSwitchDates() {
    ExpiryCalendar cal = bundled.expiryCalendar();

    // reference/README.md: first BANKNIFTY Wednesday weekly 2023-09-06; the 2023-09 monthly stays
    // Thursday
    assertThat(cal.nearest(BANKNIFTY, LocalDate.of(2023, 9, 1))).isEqualTo("2023-09-06");
    assertThat(cal.nearestMonthly(BANKNIFTY, LocalDate.of(2023, 9, 1))).isEqualTo("2023-09-28");
    // BANKNIFTY weeklies end after 2024-11-13: the next expiry is the monthly 2024-11-27
    assertThat(cal.next(BANKNIFTY, LocalDate.of(2024, 11, 13))).isEqualTo("2024-11-27");
    assertThat(cal.expiries(BANKNIFTY, ExpiryType.WEEKLY))
        .last()
        .isEqualTo(LocalDate.of(2024, 11, 13));
    // both on Tuesday from 2025-09
    assertThat(cal.nearest(NIFTY, LocalDate.of(2025, 8, 29))).isEqualTo("2025-09-02");
    assertThat(cal.nearestMonthly(BANKNIFTY, LocalDate.of(2025, 9, 1))).isEqualTo("2025-09-30");
    // holiday shifts: Christmas 2025 is a Thursday but both are Tuesday contracts by then; Diwali
    // 2025-10-21 is a Tuesday
    assertThat(cal.entry(NIFTY, LocalDate.of(2025, 10, 20)).scheduled()).isEqualTo("2025-10-21");
  }

  private static String committedText() throws Exception {
    try (InputStream in =
        MetaCsv.class.getResourceAsStream(MetaCsv.BUNDLED + MetaTables.EXPIRY_CALENDAR)) {
      assertThat(in).as("meta/expiry_calendar.csv is bundled").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
