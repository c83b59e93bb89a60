package in.nfopslab.strategies.common;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/** A string parameter holding clock times, e.g. {@code entry_times=10:00:00,12:30:00}. */
public final class ClockTimes {
  private ClockTimes() {}

  /** The distinct times of a comma-separated list, ascending; at least one, whole seconds. */
  public static LocalTime[] parse(String param, String text) {
    String[] parts = text.split(",");
    LocalTime[] out = new LocalTime[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        out[i] = LocalTime.parse(parts[i].trim());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "parameter "
                + param
                + " expects times HH:mm:ss separated by commas, got '"
                + text
                + "'",
            e);
      }
      if (out[i].getNano() != 0) {
        throw new IllegalArgumentException(
            "parameter " + param + " expects whole seconds, got '" + parts[i] + "'");
      }
    }
    return Arrays.stream(out).distinct().sorted().toArray(LocalTime[]::new);
  }
}
