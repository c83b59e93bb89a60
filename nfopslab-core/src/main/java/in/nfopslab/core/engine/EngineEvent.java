package in.nfopslab.core.engine;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Something a run's log should say about one strategy: why it did not trade, an order cancelled, an
 * exit filled at an old price, a strategy error. {@code time} is the session second it happened at
 * (null for a whole day).
 */
public record EngineEvent(LocalDate date, LocalTime time, Kind kind, String message) {
  /** What happened. */
  public enum Kind {
    /** The strategy, or a selection helper for it, found nothing to trade. */
    SKIP,
    /** An entry order never filled, or the strategy cancelled it. */
    CANCEL,
    /**
     * An exit filled at a price older than stale_fill_secs (after the order timeout, or at the
     * session close).
     */
    STALE_FILL,
    /** For information: a fallback the engine took. */
    NOTE,
    /** The strategy threw; it is stopped for the rest of the call. */
    ERROR
  }

  public EngineEvent {
    requireNonNull(date, "date is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(message, "message is null");
  }

  @Override
  public String toString() {
    return date + (time == null ? "" : " " + time) + " " + kind + ": " + message;
  }
}
