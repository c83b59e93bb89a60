package in.nfopslab.core.calendar;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.time.Ist;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * The regular F&O session of one trading day: open and close are both inclusive trading seconds, so
 * 09:15:00-15:30:00 has 22,501 seconds. Second index 0 is the open.
 */
public record Session(LocalDate date, LocalTime open, LocalTime close) {
  public Session {
    requireNonNull(date, "date is null");
    requireNonNull(open, "open is null");
    requireNonNull(close, "close is null");
    if (!close.isAfter(open)) {
      throw new IllegalArgumentException(
          "session close " + close + " is not after open " + open + " on " + date);
    }
  }

  /** Number of trading seconds, both ends included. */
  public int seconds() {
    return close.toSecondOfDay() - open.toSecondOfDay() + 1;
  }

  public int openSecondOfDay() {
    return open.toSecondOfDay();
  }

  /** True epoch second of the session open. */
  public long openEpochSecond() {
    return Ist.epochSecond(date, open.toSecondOfDay());
  }

  /** Index of a second of day (IST) inside the session, or -1 when it lies outside. */
  public int indexOfSecondOfDay(int secondOfDay) {
    int i = secondOfDay - open.toSecondOfDay();
    return i >= 0 && i < seconds() ? i : -1;
  }

  /** Index of an IST wall-clock time, or -1 outside the session. */
  public int indexOf(LocalTime time) {
    return indexOfSecondOfDay(time.toSecondOfDay());
  }

  public LocalTime timeAt(int index) {
    return LocalTime.ofSecondOfDay(open.toSecondOfDay() + index);
  }

  /** True epoch nanos of the start of second {@code index}. */
  public long epochNanosAt(int index) {
    return (openEpochSecond() + index) * Ist.NANOS_PER_SECOND;
  }
}
