package in.nfopslab.data.read;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A data file that cannot be used, with the file and a machine-readable fault, so the caller can
 * decide to skip the task and say exactly why. Checked on purpose: every caller must decide.
 */
public final class DataFileException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the file. */
  public enum Fault {
    NOT_FOUND,
    NOT_PARQUET,
    EMPTY,
    MISSING_COLUMN,
    BAD_COLUMN_TYPE,
    ALL_NULL_TIMESTAMPS,
    EPOCH_TIMESTAMPS,
    UNREADABLE
  }

  private final transient Path file;
  private final Fault fault;

  public DataFileException(Path file, Fault fault, String reason) {
    this(file, fault, reason, null);
  }

  public DataFileException(Path file, Fault fault, String reason, Throwable cause) {
    super(file + ": " + reason, cause);
    this.file = requireNonNull(file, "file is null");
    this.fault = requireNonNull(fault, "fault is null");
  }

  public Path file() {
    return file;
  }

  public Fault fault() {
    return fault;
  }
}
