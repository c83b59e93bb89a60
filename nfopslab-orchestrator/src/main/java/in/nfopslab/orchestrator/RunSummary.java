package in.nfopslab.orchestrator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a run produced: per-strategy trade files, the status table, the run log, counts and timings.
 */
public record RunSummary(
    String runId,
    LocalDate start,
    LocalDate end,
    int tasks,
    List<StatusRow> rows,
    Map<String, Path> tradeFiles,
    Path statusFile,
    Path runLog,
    int executed,
    int reused,
    Duration elapsed) {
  public long count(String status) {
    return rows.stream().filter(r -> r.status().equals(status)).count();
  }
}
