package in.nfopslab.data.check;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Locale;

/**
 * One thing {@code nfops data check} found in one file: which check, how bad, how many rows (or
 * days, for stale_close; 1 for a file-level fault) and a detail with the first example.
 */
public record Finding(Path file, Severity severity, String check, long count, String detail) {
  /**
   * error: the data is wrong or unusable as it is; warning: suspicious, or normal in real vendor
   * data.
   */
  public enum Severity {
    ERROR,
    WARNING;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Finding {
    requireNonNull(file, "file is null");
    requireNonNull(severity, "severity is null");
    requireNonNull(check, "check is null");
    requireNonNull(detail, "detail is null");
  }

  static Finding error(Path file, String check, long count, String detail) {
    return new Finding(file, Severity.ERROR, check, count, detail);
  }

  static Finding warning(Path file, String check, long count, String detail) {
    return new Finding(file, Severity.WARNING, check, count, detail);
  }
}
