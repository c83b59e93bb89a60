package in.nfopslab.core.calendar;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.instrument.Symbol;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Generates the expiry calendar (the rows of meta/expiry_calendar.csv) from expiry rules and the
 * trading calendar, so the calendar is derived data that cannot disagree with the rules or the
 * holiday list.
 *
 * <p>Three conventions apply on top of the rules:
 *
 * <ul>
 *   <li>A contract whose scheduled day is not a trading day expires on the previous trading day,
 *       repeated while that is a closure too ({@link TradingCalendar#onOrBefore}).
 *   <li>No weekly is listed in a Monday-Sunday week that holds the same symbol's monthly scheduled
 *       expiry: the monthly serves that week (e.g. BANKNIFTY in 2023-10: weekly Wednesdays, but the
 *       week of the Thursday monthly 2023-10-26 has no Wednesday weekly). A weekly whose final day
 *       equals a monthly's is dropped too.
 *   <li>A weekly's contract month is the month of its scheduled day.
 * </ul>
 */
public final class ExpiryCalendarBuilder {
  private static final Comparator<ExpiryEntry> ORDER =
      Comparator.comparing((ExpiryEntry e) -> e.instrument().name())
          .thenComparing(ExpiryEntry::finalExpiry)
          .thenComparing(ExpiryEntry::type);

  private final List<ExpiryRule> rules;
  private final TradingCalendar calendar;

  /**
   * Fails when two rules of one symbol and expiry type are in force on the same day, so a table
   * cannot be ambiguous.
   */
  public ExpiryCalendarBuilder(List<ExpiryRule> rules, TradingCalendar calendar) {
    requireNonNull(rules, "rules is null");
    requireNonNull(calendar, "calendar is null");
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("no expiry rules");
    }
    this.rules = List.copyOf(rules);
    this.calendar = calendar;
    for (int i = 0; i < this.rules.size(); i++) {
      ExpiryRule a = this.rules.get(i);
      for (int j = i + 1; j < this.rules.size(); j++) {
        ExpiryRule b = this.rules.get(j);
        if (a.symbol().equals(b.symbol()) && a.type() == b.type() && a.overlaps(b)) {
          throw new IllegalArgumentException(
              "expiry rules overlap: " + a.describe() + " and " + b.describe());
        }
      }
    }
  }

  public List<ExpiryRule> rules() {
    return rules;
  }

  /** The first month any rule covers: the default start of {@link #build()}. */
  public YearMonth firstMonth() {
    LocalDate min = rules.get(0).validFrom();
    for (ExpiryRule r : rules) {
      if (r.validFrom().isBefore(min)) {
        min = r.validFrom();
      }
    }
    return YearMonth.from(min);
  }

  /** The last month any rule covers: the default end of {@link #build()}. */
  public YearMonth lastMonth() {
    LocalDate max = rules.get(0).validTo();
    for (ExpiryRule r : rules) {
      if (r.validTo().isAfter(max)) {
        max = r.validTo();
      }
    }
    return YearMonth.from(max);
  }

  /** The calendar over the months the rules cover. */
  public List<ExpiryEntry> build() {
    return build(firstMonth(), lastMonth());
  }

  /**
   * Every expiry whose contract month lies in {@code from..to} (both inclusive), sorted by
   * instrument name, then final expiry, then type.
   */
  public List<ExpiryEntry> build(YearMonth from, YearMonth to) {
    requireNonNull(from, "from is null");
    requireNonNull(to, "to is null");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException(
          "month range ends (" + to + ") before it starts (" + from + ")");
    }
    Set<Symbol> symbols = new TreeSet<>(Comparator.comparing(Symbol::name));
    for (ExpiryRule r : rules) {
      symbols.add(r.symbol());
    }
    List<ExpiryEntry> out = new ArrayList<>();
    for (Symbol s : symbols) {
      // monthlies one month either side too, so a weekly at the edge of the range still sees the
      // monthly of its week
      List<ExpiryEntry> monthlies =
          entries(s, ExpiryType.MONTHLY, from.minusMonths(1), to.plusMonths(1));
      Set<LocalDate> monthlyWeeks = new HashSet<>();
      Set<LocalDate> monthlyFinals = new HashSet<>();
      for (ExpiryEntry m : monthlies) {
        monthlyWeeks.add(weekStart(m.scheduled()));
        monthlyFinals.add(m.finalExpiry());
        if (inRange(m, from, to)) {
          out.add(m);
        }
      }
      for (ExpiryEntry w : entries(s, ExpiryType.WEEKLY, from, to)) {
        if (inRange(w, from, to)
            && !monthlyWeeks.contains(weekStart(w.scheduled()))
            && !monthlyFinals.contains(w.finalExpiry())) {
          out.add(w);
        }
      }
    }
    out.sort(ORDER);
    return List.copyOf(out);
  }

  private List<ExpiryEntry> entries(Symbol symbol, ExpiryType type, YearMonth from, YearMonth to) {
    List<ExpiryEntry> out = new ArrayList<>();
    for (ExpiryRule r : rules) {
      if (r.symbol().equals(symbol) && r.type() == type) {
        for (LocalDate scheduled : scheduledDays(r, from, to)) {
          out.add(
              new ExpiryEntry(
                  symbol,
                  type,
                  YearMonth.from(scheduled),
                  scheduled,
                  calendar.onOrBefore(scheduled),
                  r.label()));
        }
      }
    }
    return out;
  }

  private static List<LocalDate> scheduledDays(ExpiryRule r, YearMonth from, YearMonth to) {
    List<LocalDate> days = new ArrayList<>();
    switch (r.kind()) {
      case WEEKLY -> {
        LocalDate start =
            max(r.validFrom(), from.atDay(1)).with(TemporalAdjusters.nextOrSame(r.weekday()));
        LocalDate end = min(r.validTo(), to.atEndOfMonth());
        for (LocalDate d = start; !d.isAfter(end); d = d.plusWeeks(1)) {
          days.add(d);
        }
      }
      case LAST_WEEKDAY_OF_MONTH -> {
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
          LocalDate d = m.atEndOfMonth().with(TemporalAdjusters.lastInMonth(r.weekday()));
          if (r.isValidOn(d)) {
            days.add(d);
          }
        }
      }
      default -> throw new IllegalStateException("unknown rule kind " + r.kind());
    }
    return days;
  }

  private static boolean inRange(ExpiryEntry e, YearMonth from, YearMonth to) {
    return !e.contractMonth().isBefore(from) && !e.contractMonth().isAfter(to);
  }

  private static LocalDate weekStart(LocalDate d) {
    return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
