package in.nfopslab.core.calendar;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Trading days of the NSE regular session: weekdays that are not listed closures. The closures come
 * from meta/holidays.csv; nothing here knows a holiday by itself.
 */
public final class TradingCalendar {
  private final NavigableSet<LocalDate> closures;

  public TradingCalendar(Iterable<LocalDate> closures) {
    requireNonNull(closures, "closures is null");
    TreeSet<LocalDate> set = new TreeSet<>();
    closures.forEach(set::add);
    this.closures = java.util.Collections.unmodifiableNavigableSet(set);
  }

  public boolean isTradingDay(LocalDate date) {
    DayOfWeek d = date.getDayOfWeek();
    return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !closures.contains(date);
  }

  public boolean isClosure(LocalDate date) {
    return closures.contains(date);
  }

  /** The latest trading day on or before {@code date}. */
  public LocalDate onOrBefore(LocalDate date) {
    LocalDate d = date;
    while (!isTradingDay(d)) {
      d = d.minusDays(1);
    }
    return d;
  }

  /** The earliest trading day on or after {@code date}. */
  public LocalDate onOrAfter(LocalDate date) {
    LocalDate d = date;
    while (!isTradingDay(d)) {
      d = d.plusDays(1);
    }
    return d;
  }

  public LocalDate previousTradingDay(LocalDate date) {
    return onOrBefore(date.minusDays(1));
  }

  public LocalDate nextTradingDay(LocalDate date) {
    return onOrAfter(date.plusDays(1));
  }

  /** Trading days from {@code from} to {@code to}, both inclusive. */
  public List<LocalDate> tradingDays(LocalDate from, LocalDate to) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (isTradingDay(d)) {
        days.add(d);
      }
    }
    return days;
  }

  public NavigableSet<LocalDate> closures() {
    return closures;
  }
}
