package in.nfopslab.data.generate;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.calendar.ExpiryType;
import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.instrument.Symbol;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.api.Binary;

/**
 * Writes the ticks of one packed file (spot day, futures contract or option contract) in the
 * schemas of {@link GeneratedSchemas}. Columns that are constant for the file (symbol, strike,
 * expiry, ...) are prepared once; each tick sets a few primitives on one reused row, so nothing is
 * allocated per row. Checks that timestamps never go backwards, and keeps the row count and time
 * range for the manifest.
 */
final class TickFileWriter implements TickSink, Closeable {
  private enum Kind {
    SPOT,
    FUTURES,
    OPTION
  }

  /** The one mutable row a writer reuses. */
  private static final class Row {
    long timestamp;
    double open;
    double high;
    double low;
    double close;
    long volume;
    long oi;
  }

  private final ParquetWriter<Row> writer;
  private final Row row = new Row();
  private long rows;
  private long minNanos = Long.MAX_VALUE;
  private long maxNanos = Long.MIN_VALUE;

  private TickFileWriter(Path file, Support support) throws IOException {
    this.writer = ParquetOut.open(file, support, "close");
  }

  static TickFileWriter spot(
      Path file, Symbol symbol, LocalDate tradeDate, Map<String, String> metadata)
      throws IOException {
    requireNonNull(tradeDate, "tradeDate is null");
    return new TickFileWriter(
        file, new Support(Kind.SPOT, symbol, null, 0, tradeDate, null, metadata));
  }

  static TickFileWriter futures(
      Path file, Symbol symbol, LocalDate expiry, Map<String, String> metadata) throws IOException {
    requireNonNull(expiry, "expiry is null");
    return new TickFileWriter(
        file, new Support(Kind.FUTURES, symbol, null, 0, expiry, null, metadata));
  }

  static TickFileWriter option(
      Path file,
      Symbol symbol,
      OptionType type,
      int strike,
      LocalDate expiry,
      ExpiryType expiryType,
      Map<String, String> metadata)
      throws IOException {
    requireNonNull(type, "type is null");
    requireNonNull(expiry, "expiry is null");
    requireNonNull(expiryType, "expiryType is null");
    return new TickFileWriter(
        file, new Support(Kind.OPTION, symbol, type, strike, expiry, expiryType, metadata));
  }

  @Override
  public void tick(
      long epochNanos, double open, double high, double low, double close, long volume, long oi)
      throws IOException {
    if (epochNanos < maxNanos) {
      throw new IllegalStateException("ticks out of order: " + epochNanos + " after " + maxNanos);
    }
    minNanos = Math.min(minNanos, epochNanos);
    maxNanos = epochNanos;
    row.timestamp = epochNanos;
    row.open = open;
    row.high = high;
    row.low = low;
    row.close = close;
    row.volume = volume;
    row.oi = oi;
    writer.write(row);
    rows++;
  }

  long rows() {
    return rows;
  }

  /** Earliest timestamp (true epoch nanos); only meaningful when rows() > 0. */
  long minNanos() {
    return minNanos;
  }

  long maxNanos() {
    return maxNanos;
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }

  private static final class Support extends ParquetOut.Support<Row> {
    private final Kind kind;
    private final Binary symbol;
    private final Binary optType;
    private final int strike;
    private final int date;
    private final Binary expiryType;
    private final int isMonthly;

    Support(
        Kind kind,
        Symbol symbol,
        OptionType type,
        int strike,
        LocalDate date,
        ExpiryType expiryType,
        Map<String, String> metadata) {
      super(schema(kind), metadata);
      this.kind = kind;
      this.symbol = ParquetOut.constant(requireNonNull(symbol, "symbol is null").name());
      this.optType = type == null ? null : ParquetOut.constant(type.name());
      this.strike = strike;
      this.date = (int) date.toEpochDay();
      this.expiryType = expiryType == null ? null : ParquetOut.constant(expiryType.label());
      this.isMonthly = expiryType == ExpiryType.MONTHLY ? 1 : 0;
    }

    private static org.apache.parquet.schema.MessageType schema(Kind kind) {
      switch (kind) {
        case SPOT:
          return GeneratedSchemas.SPOT;
        case FUTURES:
          return GeneratedSchemas.FUTURES;
        default:
          return GeneratedSchemas.OPTION;
      }
    }

    @Override
    void writeRecord(Row r) {
      if (kind == Kind.OPTION) {
        putLong("timestamp", 0, r.timestamp / 1_000L);
        putBinary("symbol", 1, symbol);
        putBinary("opt_type", 2, optType);
        putInt("strike", 3, strike);
        putPricesAndVolume(r, 4);
        putInt("expiry", 9, date);
        putBinary("expiry_type", 10, expiryType);
        putInt("is_monthly", 11, isMonthly);
        putInt("is_weekly", 12, 1 - isMonthly);
        putLong("oi", 13, r.oi);
        return;
      }
      putLong("timestamp", 0, r.timestamp);
      putBinary("symbol", 1, symbol);
      putInt(kind == Kind.SPOT ? "trade_date" : "expiry", 2, date);
      putPricesAndVolume(r, 3);
      if (kind == Kind.FUTURES) {
        putLong("oi", 8, r.oi);
      }
    }

    /** open, high, low, close and vol_delta, at column {@code first} and the four after it. */
    private void putPricesAndVolume(Row r, int first) {
      putDouble("open", first, r.open);
      putDouble("high", first + 1, r.high);
      putDouble("low", first + 2, r.low);
      putDouble("close", first + 3, r.close);
      putLong("vol_delta", first + 4, r.volume);
    }
  }
}
