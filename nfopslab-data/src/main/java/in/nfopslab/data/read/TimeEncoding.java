package in.nfopslab.data.read;

import in.nfopslab.core.time.Ist;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * How one file stores its timestamp column, and the conversion of stored values to true epoch
 * nanoseconds. Real files differ: UTC-adjusted timestamps (true instants), naive timestamps holding
 * IST wall-clock time, units of ms, µs or ns, and INT96. All of them come out as the same instants
 * here.
 *
 * <p>INT96 is read as a UTC instant (Impala/Spark convention). An INT64 column without a timestamp
 * annotation is taken as a UTC instant whose unit is guessed from its magnitude (see {@link
 * #guessUnit}).
 */
public final class TimeEncoding {
  private static final long JULIAN_EPOCH_DAY = 2_440_588L;
  private static final long NANOS_PER_DAY = 86_400L * Ist.NANOS_PER_SECOND;

  private final boolean int96;
  private final long nanosPerUnit;

  /**
   * Added to (value x nanosPerUnit) to get true epoch nanos: -19800 s for naive IST values, else 0.
   */
  private final long shiftNanos;

  private final String description;

  private TimeEncoding(boolean int96, long nanosPerUnit, boolean naiveIst, String description) {
    this.int96 = int96;
    this.nanosPerUnit = nanosPerUnit;
    this.shiftNanos = naiveIst ? -Ist.OFFSET_SECONDS * Ist.NANOS_PER_SECOND : 0L;
    this.description = description;
  }

  /**
   * Reads the encoding from the column type; {@code sampleMax} helps only for unannotated INT64
   * columns.
   */
  static TimeEncoding of(Path file, PrimitiveType type, long sampleMax) throws DataFileException {
    PrimitiveTypeName p = type.getPrimitiveTypeName();
    if (p == PrimitiveTypeName.INT96) {
      return new TimeEncoding(true, 1L, false, "INT96 (UTC)");
    }
    if (p != PrimitiveTypeName.INT64) {
      throw new DataFileException(
          file,
          DataFileException.Fault.BAD_COLUMN_TYPE,
          "column 'timestamp' is " + type + ", expected an INT64 or INT96 timestamp");
    }
    LogicalTypeAnnotation a = type.getLogicalTypeAnnotation();
    if (a instanceof TimestampLogicalTypeAnnotation) {
      TimestampLogicalTypeAnnotation t = (TimestampLogicalTypeAnnotation) a;
      long unit = unitNanos(t.getUnit());
      boolean naive = !t.isAdjustedToUTC();
      return new TimeEncoding(
          false,
          unit,
          naive,
          "INT64 " + t.getUnit() + (naive ? " naive (IST wall clock)" : " UTC-adjusted"));
    }
    long unit = guessUnit(sampleMax);
    return new TimeEncoding(
        false,
        unit,
        false,
        "INT64 without annotation, read as UTC with unit 1/" + (1_000_000_000L / unit) + " s");
  }

  private static long unitNanos(LogicalTypeAnnotation.TimeUnit unit) {
    switch (unit) {
      case MILLIS:
        return 1_000_000L;
      case MICROS:
        return 1_000L;
      default:
        return 1L;
    }
  }

  /**
   * Seconds, ms, µs or ns by magnitude: 2000-01-01 is ~9.5e8 s, 9.5e11 ms, 9.5e14 µs, 9.5e17 ns.
   */
  static long guessUnit(long value) {
    long v = Math.abs(value);
    if (v < 100_000_000_000L) {
      return 1_000_000_000L;
    }
    if (v < 100_000_000_000_000L) {
      return 1_000_000L;
    }
    if (v < 100_000_000_000_000_000L) {
      return 1_000L;
    }
    return 1L;
  }

  public boolean isInt96() {
    return int96;
  }

  /** True epoch nanos of a stored INT64 value. */
  public long toEpochNanos(long stored) {
    return stored * nanosPerUnit + shiftNanos;
  }

  /**
   * True epoch nanos of a stored INT96 value (8 bytes nanos of day, 4 bytes Julian day,
   * little-endian).
   */
  public static long int96ToEpochNanos(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long nanosOfDay = b.getLong();
    long julianDay = b.getInt() & 0xFFFFFFFFL;
    return (julianDay - JULIAN_EPOCH_DAY) * NANOS_PER_DAY + nanosOfDay;
  }

  /** The smallest stored value whose instant is at or after {@code epochNanos} (for pushdown). */
  public long storedCeil(long epochNanos) {
    return Math.floorDiv(epochNanos - shiftNanos + nanosPerUnit - 1, nanosPerUnit);
  }

  @Override
  public String toString() {
    return description;
  }
}
