package in.nfopslab.strategies.common;

import java.time.LocalTime;

/**
 * Checks of parameter values a strategy makes when it is created, so a bad variant fails before it
 * runs.
 */
public final class ParamChecks {
  private ParamChecks() {}

  /** Fails unless the times, given as name, time pairs, are in order (equal is allowed). */
  public static void requireOrder(String strategy, Object... nameTimePairs) {
    for (int i = 2; i < nameTimePairs.length; i += 2) {
      LocalTime before = (LocalTime) nameTimePairs[i - 1];
      LocalTime after = (LocalTime) nameTimePairs[i + 1];
      if (after.isBefore(before)) {
        throw new IllegalArgumentException(
            strategy
                + ": "
                + nameTimePairs[i]
                + " ("
                + after
                + ") is before "
                + nameTimePairs[i - 2]
                + " ("
                + before
                + ")");
      }
    }
  }

  public static int positive(String strategy, String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(
          strategy + ": " + name + " must be positive, got " + value);
    }
    return value;
  }

  public static int notNegative(String strategy, String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(
          strategy + ": " + name + " must not be negative, got " + value);
    }
    return value;
  }

  public static double notNegative(String strategy, String name, double value) {
    if (!(value >= 0)) {
      throw new IllegalArgumentException(
          strategy + ": " + name + " must not be negative, got " + value);
    }
    return value;
  }
}
