package in.nfopslab.core.calendar;

import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.nfopslab.core.calendar.ExpiryRule.Kind;
import in.nfopslab.core.instrument.Symbol;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The builder applied to the exchange rules of /work/shared/reference/README.md ("Expiry rules"),
 * written inline here (the data module checks the same rules as they stand in
 * meta/expiry_rules.csv) over tiny hand-made holiday lists.
 */
class ExpiryCalendarBuilderTest {
  private static final Symbol NIFTY = new Symbol("NIFTY");
  private static final Symbol BANKNIFTY = new Symbol("BANKNIFTY");

  private static final List<ExpiryRule> RULES =
      List.of(
          weekly(NIFTY, THURSDAY, "2019-02-11", "2025-08-31"),
          weekly(NIFTY, TUESDAY, "2025-09-01", "2026-12-31"),
          monthly(NIFTY, THURSDAY, "2019-01", "2025-08"),
          monthly(NIFTY, TUESDAY, "2025-09", "2026-12"),
          weekly(BANKNIFTY, THURSDAY, "2019-01-01", "2023-09-03"),
          weekly(BANKNIFTY, WEDNESDAY, "2023-09-04", "2024-11-13"),
          monthly(BANKNIFTY, THURSDAY, "2019-01", "2024-02"),
          monthly(BANKNIFTY, WEDNESDAY, "2024-03", "2024-12"),
          monthly(BANKNIFTY, THURSDAY, "2025-01", "2025-08"),
          monthly(BANKNIFTY, TUESDAY, "2025-09", "2026-12"));

  private static final TradingCalendar NO_HOLIDAYS = new TradingCalendar(List.of());

  @Test
  void aThursdayHolidayMovesTheExpiryToWednesday() {
    // Independence Day 2019 fell on a Thursday
    TradingCalendar cal = closures("2019-08-15");

    ExpiryEntry e = only(build(cal, "2019-08", "2019-08"), NIFTY, "2019-08-15");

    assertThat(e.finalExpiry()).isEqualTo("2019-08-14");
    assertThat(e.shifted()).isTrue();
    assertThat(e.daysMovedBack()).isEqualTo(1);
    assertThat(e.type()).isEqualTo(ExpiryType.WEEKLY);
  }

  @Test
  void consecutiveClosuresMoveTheExpiryBackAgain() {
    TradingCalendar cal = closures("2019-08-15", "2019-08-14");

    ExpiryEntry e = only(build(cal, "2019-08", "2019-08"), NIFTY, "2019-08-15");

    assertThat(e.finalExpiry()).isEqualTo("2019-08-13");
    assertThat(e.daysMovedBack()).isEqualTo(2);
  }

  @Test
  void theShiftSkipsTheWeekendWhenMondayIsClosedToo() {
    // last Tuesday of 2026-03 and the Monday before it closed: back to Friday 2026-03-27
    TradingCalendar cal = closures("2026-03-31", "2026-03-30");

    ExpiryEntry e = only(build(cal, "2026-03", "2026-03"), NIFTY, "2026-03-31");

    assertThat(e.type()).isEqualTo(ExpiryType.MONTHLY);
    assertThat(e.finalExpiry()).isEqualTo("2026-03-27");
    assertThat(e.daysMovedBack()).isEqualTo(4);
  }

  @Test
  void anExpiryOnATradingDayIsNotShifted() {
    ExpiryEntry e = only(build(closures("2019-08-15"), "2019-08", "2019-08"), NIFTY, "2019-08-22");

    assertThat(e.finalExpiry()).isEqualTo(e.scheduled());
    assertThat(e.shifted()).isFalse();
    assertThat(e.daysMovedBack()).isZero();
  }

  @Test
  void bankNiftyWeekliesMoveToWednesdayInSeptember2023WhileTheMonthlyStaysOnThursday() {
    List<ExpiryEntry> sep = symbol(build(NO_HOLIDAYS, "2023-08", "2023-09"), BANKNIFTY);

    assertThat(finals(sep))
        .containsExactly(
            "2023-08-03",
            "2023-08-10",
            "2023-08-17",
            "2023-08-24",
            "2023-08-31",
            "2023-09-06",
            "2023-09-13",
            "2023-09-20",
            "2023-09-28");
    assertThat(sep.get(5).type()).isEqualTo(ExpiryType.WEEKLY);
    assertThat(sep.get(5).finalExpiry().getDayOfWeek()).isEqualTo(WEDNESDAY);
    assertThat(sep.get(8).type()).isEqualTo(ExpiryType.MONTHLY);
    assertThat(sep.get(8).rule()).isEqualTo("last Thursday of month");
  }

  @Test
  void noWeeklyIsListedInTheWeekOfTheMonthly() {
    // weekly Wednesdays, monthly last Thursday: the Wednesday 2023-10-25 of the monthly's week has
    // no weekly
    List<ExpiryEntry> oct = symbol(build(NO_HOLIDAYS, "2023-10", "2023-10"), BANKNIFTY);

    assertThat(finals(oct)).containsExactly("2023-10-04", "2023-10-11", "2023-10-18", "2023-10-26");
    assertThat(oct).extracting(ExpiryEntry::type).last().isEqualTo(ExpiryType.MONTHLY);
  }

  @Test
  void whenWeeklyAndMonthlyShareTheDayOnlyTheMonthlyIsListed() {
    List<ExpiryEntry> may = symbol(build(NO_HOLIDAYS, "2019-05", "2019-05"), NIFTY);

    assertThat(finals(may))
        .containsExactly("2019-05-02", "2019-05-09", "2019-05-16", "2019-05-23", "2019-05-30");
    assertThat(may)
        .filteredOn(e -> e.type() == ExpiryType.MONTHLY)
        .extracting(ExpiryEntry::finalExpiry)
        .containsExactly(LocalDate.parse("2019-05-30"));
  }

  @Test
  void aWeeklyAtTheStartOfTheRangeStillSeesTheMonthlyOfThePreviousMonth() {
    // a Friday weekly in the week of a Thursday monthly that ends the previous month (2019-01-31)
    List<ExpiryRule> rules =
        List.of(
            weekly(NIFTY, DayOfWeek.FRIDAY, "2019-01-01", "2019-02-28"),
            monthly(NIFTY, THURSDAY, "2019-01", "2019-02"));
    ExpiryCalendarBuilder b = new ExpiryCalendarBuilder(rules, NO_HOLIDAYS);

    assertThat(finals(b.build(YearMonth.parse("2019-02"), YearMonth.parse("2019-02"))))
        .containsExactly("2019-02-08", "2019-02-15", "2019-02-22", "2019-02-28");
    assertThat(b.build(YearMonth.parse("2019-02"), YearMonth.parse("2019-02")))
        .isEqualTo(
            b.build().stream()
                .filter(e -> e.contractMonth().equals(YearMonth.parse("2019-02")))
                .collect(Collectors.toList()));
  }

  @Test
  void bankNiftyWeekliesEndAfter2024_11_13() {
    List<ExpiryEntry> bn = symbol(build(NO_HOLIDAYS, "2024-10", "2025-02"), BANKNIFTY);

    List<ExpiryEntry> weeklies =
        bn.stream().filter(e -> e.type() == ExpiryType.WEEKLY).collect(Collectors.toList());
    assertThat(weeklies)
        .last()
        .extracting(ExpiryEntry::finalExpiry)
        .isEqualTo(LocalDate.parse("2024-11-13"));
    assertThat(finals(bn))
        .endsWith(
            "2024-11-06", "2024-11-13", "2024-11-27", "2024-12-25", "2025-01-30", "2025-02-27");
  }

  @Test
  void bothSymbolsMoveToTuesdayInSeptember2025() {
    List<ExpiryEntry> all = build(NO_HOLIDAYS, "2025-08", "2025-09");

    assertThat(finals(symbol(all, NIFTY)))
        .containsExactly(
            "2025-08-07",
            "2025-08-14",
            "2025-08-21",
            "2025-08-28",
            "2025-09-02",
            "2025-09-09",
            "2025-09-16",
            "2025-09-23",
            "2025-09-30");
    assertThat(finals(symbol(all, BANKNIFTY))).containsExactly("2025-08-28", "2025-09-30");
    assertThat(only(all, BANKNIFTY, "2025-09-30").rule()).isEqualTo("last Tuesday of month");
  }

  @Test
  void entriesAreSortedByInstrumentThenFinalExpiry() {
    List<ExpiryEntry> all = build(closures("2019-08-15"), "2019-07", "2019-09");

    assertThat(all).extracting(e -> e.instrument().name()).isSorted();
    assertThat(symbol(all, NIFTY)).extracting(ExpiryEntry::finalExpiry).isSorted();
    assertThat(all.get(0).instrument()).isEqualTo(BANKNIFTY);
  }

  @Test
  void theDefaultRangeIsTheMonthsTheRulesCover() {
    ExpiryCalendarBuilder b = new ExpiryCalendarBuilder(RULES, NO_HOLIDAYS);

    assertThat(b.firstMonth()).isEqualTo(YearMonth.parse("2019-01"));
    assertThat(b.lastMonth()).isEqualTo(YearMonth.parse("2026-12"));
    assertThat(b.build()).isEqualTo(b.build(b.firstMonth(), b.lastMonth()));
    // NIFTY weeklies start with the rule: none before 2019-02-14
    assertThat(symbol(b.build(), NIFTY).get(0).finalExpiry()).isEqualTo("2019-01-31");
    assertThat(symbol(b.build(), NIFTY).get(1).finalExpiry()).isEqualTo("2019-02-14");
  }

  @Test
  void overlappingRulesOfOneSymbolAndTypeAreRejected() {
    List<ExpiryRule> clash =
        List.of(
            weekly(NIFTY, THURSDAY, "2019-01-01", "2025-09-01"),
            weekly(NIFTY, TUESDAY, "2025-09-01", "2026-12-31"));

    assertThatThrownBy(() -> new ExpiryCalendarBuilder(clash, NO_HOLIDAYS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("overlap")
        .hasMessageContaining("weekly Thursday")
        .hasMessageContaining("weekly Tuesday");
  }

  private static List<ExpiryEntry> build(TradingCalendar cal, String from, String to) {
    return new ExpiryCalendarBuilder(RULES, cal).build(YearMonth.parse(from), YearMonth.parse(to));
  }

  private static TradingCalendar closures(String... dates) {
    return new TradingCalendar(
        java.util.Arrays.stream(dates).map(LocalDate::parse).collect(Collectors.toList()));
  }

  private static List<ExpiryEntry> symbol(List<ExpiryEntry> entries, Symbol s) {
    return entries.stream().filter(e -> e.instrument().equals(s)).collect(Collectors.toList());
  }

  private static List<String> finals(List<ExpiryEntry> entries) {
    return entries.stream().map(e -> e.finalExpiry().toString()).collect(Collectors.toList());
  }

  private static ExpiryEntry only(List<ExpiryEntry> entries, Symbol s, String scheduled) {
    List<ExpiryEntry> found =
        entries.stream()
            .filter(
                e -> e.instrument().equals(s) && e.scheduled().equals(LocalDate.parse(scheduled)))
            .collect(Collectors.toList());
    assertThat(found).as("%s entries scheduled %s", s, scheduled).hasSize(1);
    return found.get(0);
  }

  private static ExpiryRule weekly(Symbol s, DayOfWeek day, String from, String to) {
    return new ExpiryRule(
        s, ExpiryType.WEEKLY, Kind.WEEKLY, day, LocalDate.parse(from), LocalDate.parse(to), "test");
  }

  private static ExpiryRule monthly(Symbol s, DayOfWeek day, String from, String to) {
    return new ExpiryRule(
        s,
        ExpiryType.MONTHLY,
        Kind.LAST_WEEKDAY_OF_MONTH,
        day,
        YearMonth.parse(from).atDay(1),
        YearMonth.parse(to).atEndOfMonth(),
        "test");
  }
}
