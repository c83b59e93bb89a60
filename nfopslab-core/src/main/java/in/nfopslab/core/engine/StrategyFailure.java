package in.nfopslab.core.engine;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Where and why a strategy threw. {@code date} and {@code time} are null when it failed before its
 * first day.
 */
public record StrategyFailure(LocalDate date, LocalTime time, String message, Throwable cause) {
  public StrategyFailure {
    requireNonNull(message, "message is null");
    requireNonNull(cause, "cause is null");
  }
}
