package in.nfopslab.orchestrator;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of {@code run_all_status_*.parquet}: how one (strategy, task) pair ended. {@code status}
 * is ok, failed or skipped; {@code error} names the file and reason for data faults; {@code
 * logPath} is the pair's own log (failures only). {@code params} is the effective parameter text,
 * {@code paramsId} its stable hash, and {@code dataKey} a fingerprint of the task's input files and
 * the engine settings, which --resume compares.
 */
public record StatusRow(
    String strategy,
    String paramsId,
    String symbol,
    LocalDate expiry,
    LocalDate firstDay,
    LocalDate lastDay,
    String status,
    String error,
    String logPath,
    Instant started,
    Instant finished,
    double durationS,
    long trades,
    String params,
    String dataKey) {
  public static final String OK = "ok";
  public static final String FAILED = "failed";
  public static final String SKIPPED = "skipped";

  public StatusRow {
    requireNonNull(strategy, "strategy is null");
    requireNonNull(paramsId, "paramsId is null");
    requireNonNull(symbol, "symbol is null");
    requireNonNull(status, "status is null");
    error = error == null ? "" : error;
    logPath = logPath == null ? "" : logPath;
    params = params == null ? "" : params;
    dataKey = dataKey == null ? "" : dataKey;
  }

  public String taskId() {
    return symbol + "_exp" + expiry;
  }
}
