package in.nfopslab.data.read;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;

/**
 * The ticks of one file inside one time window, in file order, as Arrow vectors: {@code ts} true
 * epoch nanoseconds, {@code price} (the close column), {@code volume} (vol_delta; zero when the
 * file has none) and {@code oi} (null when the file has no oi column). {@code open/high/low} are
 * present only when asked for (data checks). Rows the reader dropped (null or pre-2000 timestamps,
 * non-positive prices) are not here; the warnings say how many. Close it to free the Arrow buffers.
 */
public final class TickBatch implements AutoCloseable {
  private final Path file;
  private final BigIntVector ts;
  private final Float8Vector close;
  private final BigIntVector volume;
  private final BigIntVector oi;
  private final Float8Vector open;
  private final Float8Vector high;
  private final Float8Vector low;
  private final List<DataWarning> warnings;
  private final String timeEncoding;
  private final long decodedRows;

  TickBatch(
      Path file,
      BigIntVector ts,
      Float8Vector close,
      BigIntVector volume,
      BigIntVector oi,
      Float8Vector open,
      Float8Vector high,
      Float8Vector low,
      List<DataWarning> warnings,
      String timeEncoding,
      long decodedRows) {
    this.file = requireNonNull(file, "file is null");
    this.ts = requireNonNull(ts, "ts is null");
    this.close = requireNonNull(close, "close is null");
    this.volume = requireNonNull(volume, "volume is null");
    this.oi = oi;
    this.open = open;
    this.high = high;
    this.low = low;
    this.warnings = List.copyOf(warnings);
    this.timeEncoding = timeEncoding;
    this.decodedRows = decodedRows;
  }

  /**
   * Rows the reader decoded to produce this batch: less than the file's rows when pages were
   * skipped.
   */
  public long decodedRows() {
    return decodedRows;
  }

  public Path file() {
    return file;
  }

  public int rows() {
    return ts.getValueCount();
  }

  public BigIntVector ts() {
    return ts;
  }

  public Float8Vector price() {
    return close;
  }

  public BigIntVector volume() {
    return volume;
  }

  /** Open interest, or null when the file has no oi column. */
  public BigIntVector oi() {
    return oi;
  }

  public Float8Vector open() {
    return open;
  }

  public Float8Vector high() {
    return high;
  }

  public Float8Vector low() {
    return low;
  }

  public List<DataWarning> warnings() {
    return warnings;
  }

  /** How the file stored its timestamps, for messages. */
  public String timeEncoding() {
    return timeEncoding;
  }

  @Override
  public void close() {
    ts.close();
    close.close();
    volume.close();
    if (oi != null) {
      oi.close();
    }
    if (open != null) {
      open.close();
      high.close();
      low.close();
    }
  }
}
