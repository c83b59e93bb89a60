package in.nfopslab.core.calendar;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Session bounds by date, read from meta/sessions.csv: each row is in force from its date until the
 * next row's. (The F&O close moves from 15:30 to 15:40 on 2026-08-03, so bounds are data, not
 * constants.)
 */
public final class SessionSchedule {
  /** One row of the schedule. */
  public record Entry(LocalDate effectiveFrom, LocalTime open, LocalTime close) {
    public Entry {
      requireNonNull(effectiveFrom, "effectiveFrom is null");
      requireNonNull(open, "open is null");
      requireNonNull(close, "close is null");
    }
  }

  private final List<Entry> entries;

  public SessionSchedule(List<Entry> entries) {
    requireNonNull(entries, "entries is null");
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("session schedule is empty");
    }
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(Entry::effectiveFrom));
    this.entries = List.copyOf(sorted);
  }

  public Session sessionFor(LocalDate date) {
    Entry found = null;
    for (Entry e : entries) {
      if (!e.effectiveFrom().isAfter(date)) {
        found = e;
      }
    }
    if (found == null) {
      throw new IllegalArgumentException(
          "no session bounds for "
              + date
              + " (schedule starts "
              + entries.get(0).effectiveFrom()
              + ")");
    }
    return new Session(date, found.open(), found.close());
  }

  public List<Entry> entries() {
    return entries;
  }
}
