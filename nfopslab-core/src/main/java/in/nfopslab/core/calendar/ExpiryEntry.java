package in.nfopslab.core.calendar;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.instrument.Symbol;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * One contract expiry: the day the rule schedules and the day it really expires after holiday
 * shifts (previous trading day, repeated while that is a holiday too). One row of
 * meta/expiry_calendar.csv.
 */
public record ExpiryEntry(
    Symbol instrument,
    ExpiryType type,
    YearMonth contractMonth,
    LocalDate scheduled,
    LocalDate finalExpiry,
    String rule) {
  public ExpiryEntry {
    requireNonNull(instrument, "instrument is null");
    requireNonNull(type, "type is null");
    requireNonNull(contractMonth, "contractMonth is null");
    requireNonNull(scheduled, "scheduled is null");
    requireNonNull(finalExpiry, "finalExpiry is null");
    requireNonNull(rule, "rule is null");
    if (finalExpiry.isAfter(scheduled)) {
      throw new IllegalArgumentException(
          "final expiry " + finalExpiry + " is after scheduled " + scheduled);
    }
  }

  public boolean shifted() {
    return !finalExpiry.equals(scheduled);
  }

  /** Calendar days between the scheduled and the final expiry. */
  public int daysMovedBack() {
    return (int) ChronoUnit.DAYS.between(finalExpiry, scheduled);
  }
}
