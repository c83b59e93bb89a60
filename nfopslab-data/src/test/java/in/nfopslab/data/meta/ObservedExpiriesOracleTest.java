package in.nfopslab.data.meta;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.calendar.ExpiryCalendar;
import in.nfopslab.core.calendar.ExpiryEntry;
import in.nfopslab.core.calendar.ExpiryRule;
import in.nfopslab.core.calendar.ExpiryType;
import in.nfopslab.core.instrument.Symbol;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The bundled expiry calendar against expiries really seen in public NSE files: reference file
 * calendar/observed_index_expiries.csv, copied to src/test/resources/reference/ (see the README
 * there).
 */
class ObservedExpiriesOracleTest {
  /** Why an observed expiry is rightly not in the calendar. */
  private enum Why {
    /**
     * Listed under the last-Thursday monthly rule before the 2025-09 Tuesday switch; the exchange
     * re-scheduled the contract to the last Tuesday of its month (also observed, from 2025-08-01).
     */
    RESCHEDULED_BY_RULE_CHANGE,
    /**
     * Seen before the exchange published that year's holidays (in December of the year before): the
     * scheduled day became a closure, so the contract expires on the previous trading day.
     */
    HOLIDAY_PUBLISHED_LATER
  }

  /** An observed expiry that the calendar rightly does not hold. */
  private record Explained(String symbol, String expiry, Why why) {}

  /**
   * Long-dated monthly contracts first seen in 2025-07 and 2025-08. 2025-12-24 is the last Thursday
   * 2025-12-25 (Christmas) moved back; 2026-03-26 is the last Thursday of 2026-03 as listed in
   * 2025.
   */
  private static final List<Explained> EXCEPTIONS =
      List.of(
          new Explained("NIFTY", "2025-09-25", Why.RESCHEDULED_BY_RULE_CHANGE),
          new Explained("NIFTY", "2025-12-24", Why.RESCHEDULED_BY_RULE_CHANGE),
          new Explained("NIFTY", "2026-03-26", Why.RESCHEDULED_BY_RULE_CHANGE),
          new Explained("NIFTY", "2026-06-25", Why.RESCHEDULED_BY_RULE_CHANGE),
          new Explained("NIFTY", "2026-12-31", Why.RESCHEDULED_BY_RULE_CHANGE),
          new Explained("BANKNIFTY", "2025-09-25", Why.RESCHEDULED_BY_RULE_CHANGE),
          new Explained("BANKNIFTY", "2025-12-24", Why.RESCHEDULED_BY_RULE_CHANGE),
          new Explained("BANKNIFTY", "2026-03-26", Why.RESCHEDULED_BY_RULE_CHANGE),
          // 2026-03-31 (Mahavir Jayanti) is a closure in the 2026 list: the monthly expires Monday
          // 2026-03-30
          new Explained("NIFTY", "2026-03-31", Why.HOLIDAY_PUBLISHED_LATER),
          new Explained("BANKNIFTY", "2026-03-31", Why.HOLIDAY_PUBLISHED_LATER));

  private final MetaTables tables = MetaTables.bundled();
  private final ExpiryCalendar calendar = tables.expiryCalendar();
  // the calendar ends with the holiday list (2026-12); the oracle's long-dated NIFTY contracts of
  // 2027-2030 lie beyond it
  private final YearMonth lastMonth =
      calendar.entries().stream().map(ExpiryEntry::contractMonth).max(YearMonth::compareTo).get();
  private final List<Observed> observed = observed();

  @Test
  void everyObservedNiftyAndBankNiftyExpiryIsInTheCalendarOrAnExplainedException() {
    List<Observed> inRange = inRange();
    List<String> missing = new ArrayList<>();
    for (Observed o : inRange) {
      if (!calendar.isExpiryDay(o.symbol(), o.expiry()) && exception(o) == null) {
        missing.add(
            o.symbol()
                + " "
                + o.expiry()
                + " ("
                + o.expiry().getDayOfWeek()
                + ", first seen "
                + o.firstObserved()
                + ")");
      }
    }

    assertThat(missing).as("observed expiries missing from meta/expiry_calendar.csv").isEmpty();
    // the filter must not hide the oracle: most of its rows are in the calendar's range
    assertThat(inRange).hasSizeGreaterThan(70);
  }

  @Test
  void everyExceptionIsObservedAbsentAndExplained() {
    for (Explained x : EXCEPTIONS) {
      Observed o =
          inRange().stream()
              .filter(
                  r ->
                      r.symbol().name().equals(x.symbol())
                          && r.expiry().toString().equals(x.expiry()))
              .findFirst()
              .orElseThrow(
                  () -> new AssertionError("exception " + x + " is not in the observed file"));
      assertThat(calendar.isExpiryDay(o.symbol(), o.expiry()))
          .as("%s is in the calendar: drop the exception", x)
          .isFalse();
      YearMonth month = YearMonth.from(o.expiry());
      ExpiryEntry listed = monthlyOf(o.symbol(), month);
      ExpiryRule now = monthlyRuleInForce(o.symbol(), month);

      switch (x.why()) {
        case RESCHEDULED_BY_RULE_CHANGE:
          ExpiryRule then = monthlyRuleInForce(o.symbol(), YearMonth.from(o.firstObserved()));
          assertThat(then.weekday())
              .as("%s: the rule changed between listing and expiry", x)
              .isNotEqualTo(now.weekday());
          LocalDate scheduledThen =
              month.atEndOfMonth().with(TemporalAdjusters.lastInMonth(then.weekday()));
          assertThat(o.expiry())
              .as("%s: scheduled (or holiday-shifted) under %s", x, then.describe())
              .isIn(scheduledThen, tables.calendar().onOrBefore(scheduledThen));
          assertThat(o.lastObserved())
              .as("%s: not seen after the switch", x)
              .isBefore(now.validFrom());
          assertThat(listed.scheduled().getDayOfWeek()).isEqualTo(now.weekday());
          break;
        case HOLIDAY_PUBLISHED_LATER:
          assertThat(listed.scheduled())
              .as("%s: the rule's scheduled day", x)
              .isEqualTo(o.expiry());
          assertThat(listed.shifted()).as("%s: moved back by a holiday", x).isTrue();
          assertThat(o.lastObserved().getYear())
              .as("%s: only seen before the year's holiday list", x)
              .isLessThan(o.expiry().getYear());
          break;
        default:
          throw new AssertionError(x.why());
      }
    }
  }

  @Test
  void whereTheSourcesListedEveryLiveContractTheCalendarHasNoExtraExpiry() {
    // these windows have an observed expiry every week, so any calendar expiry inside them must be
    // observed too
    assertSameInWindow("BANKNIFTY", "2019-05-16", "2019-09-26");
    assertSameInWindow("NIFTY", "2025-07-24", "2025-09-02");
    assertSameInWindow("NIFTY", "2025-11-18", "2025-12-16");
  }

  @Test
  void noSymbolHasTwoObservedExpiriesInOneWeekApartFromTheExceptions() {
    // supports the rule that no weekly is listed in the week of the monthly (the monthly serves
    // that week)
    Map<String, LocalDate> byWeek = new HashMap<>();
    List<String> clashes = new ArrayList<>();
    for (Observed o : inRange()) {
      if (exception(o) == null) {
        String key =
            o.symbol()
                + " week of "
                + o.expiry().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate prev = byWeek.putIfAbsent(key, o.expiry());
        if (prev != null) {
          clashes.add(key + ": " + prev + " and " + o.expiry());
        }
      }
    }

    assertThat(clashes).isEmpty();
  }

  private void assertSameInWindow(String symbol, String from, String to) {
    Symbol s = new Symbol(symbol);
    LocalDate a = LocalDate.parse(from);
    LocalDate b = LocalDate.parse(to);
    Set<LocalDate> seen =
        observed.stream()
            .filter(
                o ->
                    o.symbol().equals(s)
                        && !o.expiry().isBefore(a)
                        && !o.expiry().isAfter(b)
                        && exception(o) == null)
            .map(Observed::expiry)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<LocalDate> listed =
        calendar.expiries(s).stream()
            .filter(d -> !d.isBefore(a) && !d.isAfter(b))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(listed).as("%s %s..%s", symbol, from, to).isEqualTo(seen);
  }

  /** The monthly rule that schedules the given contract month. */
  private ExpiryRule monthlyRuleInForce(Symbol symbol, YearMonth m) {
    return tables.expiryRules().stream()
        .filter(r -> r.symbol().equals(symbol) && r.type() == ExpiryType.MONTHLY)
        .filter(
            r ->
                !YearMonth.from(r.validFrom()).isAfter(m)
                    && !YearMonth.from(r.validTo()).isBefore(m))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no monthly rule for " + symbol + " in " + m));
  }

  private List<Observed> inRange() {
    return observed.stream()
        .filter(o -> !YearMonth.from(o.expiry()).isAfter(lastMonth))
        .collect(Collectors.toList());
  }

  private ExpiryEntry monthlyOf(Symbol symbol, YearMonth month) {
    List<ExpiryEntry> found =
        calendar.entries().stream()
            .filter(
                e ->
                    e.instrument().equals(symbol)
                        && e.type() == ExpiryType.MONTHLY
                        && e.contractMonth().equals(month))
            .collect(Collectors.toList());
    assertThat(found).as("%s monthly of %s", symbol, month).hasSize(1);
    return found.get(0);
  }

  private static Explained exception(Observed o) {
    for (Explained x : EXCEPTIONS) {
      if (x.symbol().equals(o.symbol().name()) && x.expiry().equals(o.expiry().toString())) {
        return x;
      }
    }
    return null;
  }

  private record Observed(
      Symbol symbol, LocalDate expiry, LocalDate firstObserved, LocalDate lastObserved) {}

  /**
   * NIFTY and BANKNIFTY option expiries of the oracle; futures (_FUT) and other indices are not in
   * the calendar.
   */
  private static List<Observed> observed() {
    String name = "/reference/observed_index_expiries.csv";
    try (Reader r =
        new InputStreamReader(
            Objects.requireNonNull(
                ObservedExpiriesOracleTest.class.getResourceAsStream(name), name),
            StandardCharsets.UTF_8)) {
      List<Observed> out = new ArrayList<>();
      for (MetaCsv.Row row :
          MetaCsv.parse(
              name, r, "underlying", "expiry_date", "weekday", "first_observed", "last_observed")) {
        String u = row.get("underlying");
        if (u.equals("NIFTY") || u.equals("BANKNIFTY")) {
          LocalDate expiry = row.date("expiry_date");
          // the file's weekday column is a cross-check of its own dates
          assertThat(expiry.getDayOfWeek().name())
              .startsWith(row.get("weekday").toUpperCase(java.util.Locale.ROOT));
          out.add(
              new Observed(
                  new Symbol(u), expiry, row.date("first_observed"), row.date("last_observed")));
        }
      }
      return out;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
