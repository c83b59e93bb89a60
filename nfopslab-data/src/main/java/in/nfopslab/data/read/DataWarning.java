package in.nfopslab.data.read;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A fault the reader survived (rows dropped or repaired), naming the file, the kind and how many
 * rows.
 */
public record DataWarning(Path file, Kind kind, long rows, String message) {
  /** What the reader saw and did about it. */
  public enum Kind {
    /** Rows with a null timestamp: dropped. */
    NULL_TIMESTAMPS,
    /** Rows with a timestamp before 2000 (e.g. 1970 epoch zero): dropped. */
    EPOCH_TIMESTAMPS,
    /** Rows whose close is null, zero or negative: dropped. */
    NON_POSITIVE_PRICE,
    /** Exact duplicate rows: counted once. */
    DUPLICATE_ROWS,
    /** Rows not ordered by timestamp: sorted (stable, so file order breaks ties). */
    OUT_OF_ORDER,
    /** Negative vol_delta (a volume counter reset): counted as zero. */
    VOLUME_RESET,
    /** The file has no vol_delta column: volume is zero. */
    NO_VOLUME
  }

  public DataWarning {
    requireNonNull(file, "file is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(message, "message is null");
  }

  @Override
  public String toString() {
    return file + ": " + message;
  }
}
