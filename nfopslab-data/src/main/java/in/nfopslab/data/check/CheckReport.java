package in.nfopslab.data.check;

import java.util.List;
import java.util.Map;

/** What a check found: files checked by kind, and every finding, ordered by file then check. */
public record CheckReport(Map<PackedFile.Kind, Integer> filesByKind, List<Finding> findings) {
  public CheckReport {
    filesByKind = Map.copyOf(filesByKind);
    findings = List.copyOf(findings);
  }

  public int files() {
    return filesByKind.values().stream().mapToInt(Integer::intValue).sum();
  }

  public long count(Finding.Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  /** Files with at least one finding of this severity. */
  public long filesWith(Finding.Severity severity) {
    return findings.stream()
        .filter(f -> f.severity() == severity)
        .map(Finding::file)
        .distinct()
        .count();
  }

  public boolean hasErrors() {
    return count(Finding.Severity.ERROR) > 0;
  }
}
