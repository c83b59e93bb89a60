package in.nfopslab.fees;

import java.time.LocalDate;

/**
 * A slice of a run the summary reports on: a calendar year ("2024"), the whole run ("all") or the
 * last year of it ("last_1y"), both ends inclusive.
 */
record Period(String label, LocalDate from, LocalDate to) {
  static final String ALL = "all";
  static final String LAST_YEAR = "last_1y";

  boolean contains(LocalDate d) {
    return !d.isBefore(from) && !d.isAfter(to);
  }

  boolean isYear() {
    return isYear(label);
  }

  static boolean isYear(String label) {
    return !label.equals(ALL) && !label.equals(LAST_YEAR);
  }
}
