package in.nfopslab.orchestrator;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A pair's status row as key/values of its trade part's footer ({@code nfopslab.status.<column>},
 * one key per column of the status table), so a (strategy, task) pair is one file instead of a
 * trade part and a one-row status part. Values are text: dates ISO, {@code started}/{@code
 * finished} epoch milliseconds (absent when null; the status table keeps milliseconds too, so a row
 * reads back exactly as the table will hold it), {@code duration_s} as {@link Double#toString}
 * (exact round trip).
 */
final class StatusFooter {
  static final String PREFIX = "nfopslab.status.";
  private static final String STATUS = PREFIX + "status";

  private StatusFooter() {}

  static Map<String, String> encode(StatusRow r) {
    requireNonNull(r, "row is null");
    Map<String, String> m = new LinkedHashMap<>();
    m.put(PREFIX + "strategy", r.strategy());
    m.put(PREFIX + "params_id", r.paramsId());
    m.put(PREFIX + "symbol", r.symbol());
    m.put(PREFIX + "expiry", r.expiry().toString());
    m.put(PREFIX + "first_day", r.firstDay().toString());
    m.put(PREFIX + "last_day", r.lastDay().toString());
    m.put(STATUS, r.status());
    m.put(PREFIX + "error", r.error());
    m.put(PREFIX + "log_path", r.logPath());
    if (r.started() != null) {
      m.put(PREFIX + "started", Long.toString(r.started().toEpochMilli()));
    }
    if (r.finished() != null) {
      m.put(PREFIX + "finished", Long.toString(r.finished().toEpochMilli()));
    }
    m.put(PREFIX + "duration_s", Double.toString(r.durationS()));
    m.put(PREFIX + "trades", Long.toString(r.trades()));
    m.put(PREFIX + "params", r.params());
    m.put(PREFIX + "data_key", r.dataKey());
    return m;
  }

  /**
   * The status row a footer carries, or null when it carries none (a trade file that is not a run
   * part, or a part written by a build that kept the status in a separate file).
   *
   * @throws IllegalArgumentException when the row is there but incomplete or malformed
   */
  static StatusRow decode(Map<String, String> footer) {
    if (!footer.containsKey(STATUS)) {
      return null;
    }
    try {
      return new StatusRow(
          required(footer, "strategy"),
          required(footer, "params_id"),
          required(footer, "symbol"),
          LocalDate.parse(required(footer, "expiry")),
          LocalDate.parse(required(footer, "first_day")),
          LocalDate.parse(required(footer, "last_day")),
          footer.get(STATUS),
          required(footer, "error"),
          required(footer, "log_path"),
          instant(footer.get(PREFIX + "started")),
          instant(footer.get(PREFIX + "finished")),
          Double.parseDouble(required(footer, "duration_s")),
          Long.parseLong(required(footer, "trades")),
          required(footer, "params"),
          required(footer, "data_key"));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "malformed status row in the footer: " + e.getMessage(), e);
    }
  }

  private static String required(Map<String, String> footer, String column) {
    String v = footer.get(PREFIX + column);
    if (v == null) {
      throw new IllegalArgumentException("no " + PREFIX + column);
    }
    return v;
  }

  private static Instant instant(String millis) {
    return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
  }
}
