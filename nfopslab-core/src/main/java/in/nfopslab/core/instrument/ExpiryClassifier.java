package in.nfopslab.core.instrument;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.calendar.ExpiryCalendar;
import in.nfopslab.core.calendar.ExpiryEntry;
import in.nfopslab.core.calendar.ExpiryType;
import java.time.LocalDate;

/**
 * Tells whether an expiry date is a weekly or a monthly contract of a symbol. Lot size revisions
 * reach weekly and monthly contracts on different first expiries, so the lot size table needs to
 * know which one a contract is.
 */
@FunctionalInterface
public interface ExpiryClassifier {
  ExpiryType typeOf(Symbol symbol, LocalDate expiry);

  /**
   * The expiry calendar's answer; for an expiry the calendar does not list (synthetic data, dates
   * past its end) the {@link #lastWeekOfMonth()} rule.
   */
  static ExpiryClassifier of(ExpiryCalendar calendar) {
    requireNonNull(calendar, "calendar is null");
    ExpiryClassifier fallback = lastWeekOfMonth();
    return (symbol, expiry) -> {
      ExpiryEntry e = calendar.entry(symbol, expiry);
      return e != null ? e.type() : fallback.typeOf(symbol, expiry);
    };
  }

  /**
   * Monthly when the expiry falls in the last seven days of its month (monthly contracts expire on
   * the last given weekday, or a day or two earlier after a holiday), else weekly. A weekly
   * contract that expires in the last days of a month after the monthly one (BANKNIFTY's Wednesday
   * weeklies of 2023-24) is misread as monthly, which is why the calendar comes first.
   */
  static ExpiryClassifier lastWeekOfMonth() {
    return (symbol, expiry) ->
        expiry.plusDays(7).getMonth() != expiry.getMonth() ? ExpiryType.MONTHLY : ExpiryType.WEEKLY;
  }
}
