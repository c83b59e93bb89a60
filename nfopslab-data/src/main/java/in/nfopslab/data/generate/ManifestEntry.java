package in.nfopslab.data.generate;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.instrument.Symbol;
import java.time.LocalDate;

/**
 * One row of meta/packed_manifest.csv: a packed file, what it holds and its time range.
 *
 * @param path relative to the data root, '/'-separated, e.g. {@code
 *     packed/spot/NIFTY/202401/date=2024-01-02/ticks.parquet}
 * @param optType CE/PE for an option file, null for spot and futures
 * @param strike the strike of an option file, null otherwise
 * @param expiry the contract expiry of an option or futures file, null for spot
 * @param tminNanos earliest timestamp, true epoch nanoseconds
 * @param tmaxNanos latest timestamp, true epoch nanoseconds
 */
public record ManifestEntry(
    String path,
    Symbol symbol,
    OptionType optType,
    Integer strike,
    LocalDate expiry,
    long rows,
    long tminNanos,
    long tmaxNanos) {
  /** What a packed file holds. */
  public enum Kind {
    SPOT,
    FUTURES,
    OPTION
  }

  public ManifestEntry {
    requireNonNull(path, "path is null");
    requireNonNull(symbol, "symbol is null");
    if ((optType == null) != (strike == null)) {
      throw new IllegalArgumentException("opt_type and strike go together: " + path);
    }
    if (optType != null && expiry == null) {
      throw new IllegalArgumentException("an option file needs an expiry: " + path);
    }
    if (rows < 0 || (rows > 0 && tmaxNanos < tminNanos)) {
      throw new IllegalArgumentException("bad rows or time range: " + path);
    }
  }

  public Kind kind() {
    return optType != null ? Kind.OPTION : expiry != null ? Kind.FUTURES : Kind.SPOT;
  }
}
