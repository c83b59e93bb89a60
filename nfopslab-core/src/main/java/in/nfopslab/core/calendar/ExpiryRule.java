package in.nfopslab.core.calendar;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.instrument.Symbol;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * One expiry rule as data (a row of meta/expiry_rules.csv): which weekday a symbol's weekly or
 * monthly contracts are scheduled on, for scheduled expiry dates from {@code validFrom} to {@code
 * validTo}, both inclusive. An exchange rule change is a new rule, never new code; the holiday
 * shift is applied by {@link ExpiryCalendarBuilder}.
 */
public record ExpiryRule(
    Symbol symbol,
    ExpiryType type,
    Kind kind,
    DayOfWeek weekday,
    LocalDate validFrom,
    LocalDate validTo,
    String note) {

  /** How the scheduled days of a rule are laid out in time. */
  public enum Kind {
    /** Every {@code weekday} of every week. */
    WEEKLY("weekly"),
    /** The last {@code weekday} of every calendar month. */
    LAST_WEEKDAY_OF_MONTH("last-weekday-of-month");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public static Kind parse(String text) {
      requireNonNull(text, "kind is null");
      for (Kind k : values()) {
        if (k.label.equalsIgnoreCase(text.trim())) {
          return k;
        }
      }
      throw new IllegalArgumentException(
          "invalid rule kind '" + text + "': expected weekly or last-weekday-of-month");
    }
  }

  public ExpiryRule {
    requireNonNull(symbol, "symbol is null");
    requireNonNull(type, "type is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(weekday, "weekday is null");
    requireNonNull(validFrom, "validFrom is null");
    requireNonNull(validTo, "validTo is null");
    requireNonNull(note, "note is null");
    if (validTo.isBefore(validFrom)) {
      throw new IllegalArgumentException(
          "rule ends (" + validTo + ") before it starts (" + validFrom + ")");
    }
    if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
      throw new IllegalArgumentException("expiry weekday " + weekday + " is not a weekday");
    }
  }

  public boolean isValidOn(LocalDate scheduled) {
    return !scheduled.isBefore(validFrom) && !scheduled.isAfter(validTo);
  }

  public boolean overlaps(ExpiryRule other) {
    return !other.validTo.isBefore(validFrom) && !other.validFrom.isAfter(validTo);
  }

  /**
   * The short text written to the Rule column of the expiry calendar, e.g. {@code weekly Thursday}
   * or {@code last Tuesday of month}. It leaves out the validity dates so that extending the
   * table's horizon does not rewrite every row of the generated calendar.
   */
  public String label() {
    String day = weekday.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    return kind == Kind.WEEKLY ? "weekly " + day : "last " + day + " of month";
  }

  /** The rule with its symbol, type and validity, for error messages. */
  public String describe() {
    return symbol + " " + type.label() + " " + label() + " (" + validFrom + ".." + validTo + ")";
  }
}
