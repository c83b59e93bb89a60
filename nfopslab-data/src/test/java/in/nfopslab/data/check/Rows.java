package in.nfopslab.data.check;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.time.Ist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Hand-made packed files for data check tests: rows of (IST time, OHLC, vol_delta) plus the
 * identity columns, clean by default, each test breaking one thing.
 */
final class Rows {
  static final MessageType OPTION =
      MessageTypeParser.parseMessageType(
          "message option {"
              + " required int64 timestamp (TIMESTAMP(MICROS,true)); required binary symbol (STRING);"
              + " required binary opt_type (STRING); required int32 strike; required double open; required double high;"
              + " required double low; required double close; required int64 vol_delta; required int32 expiry (DATE); }");
  static final MessageType SPOT =
      MessageTypeParser.parseMessageType(
          "message spot {"
              + " required int64 timestamp (TIMESTAMP(NANOS,true)); required double close; required binary symbol (STRING);"
              + " required int32 trade_date (DATE); }");

  /** One row; identity fields default to the file's own. */
  record Row(
      LocalDate day,
      long epochNanos,
      double open,
      double high,
      double low,
      double close,
      long vol,
      String symbol,
      String type,
      int strike,
      LocalDate expiry) {
    Row with(double o, double h, double l, double c) {
      return new Row(day, epochNanos, o, h, l, c, vol, symbol, type, strike, expiry);
    }

    Row vol(long v) {
      return new Row(day, epochNanos, open, high, low, close, v, symbol, type, strike, expiry);
    }

    Row at(long nanos) {
      return new Row(day, nanos, open, high, low, close, vol, symbol, type, strike, expiry);
    }

    Row identity(String sym, String t, int k, LocalDate e) {
      return new Row(day, epochNanos, open, high, low, close, vol, sym, t, k, e);
    }
  }

  private Rows() {}

  static long ist(LocalDate d, String time) {
    return Ist.epochNanos(d, LocalTime.parse(time));
  }

  /**
   * A clean option day: a row every 10 s from 09:15 for {@code n} rows, close moving, volume
   * trading.
   */
  static List<Row> optionDay(LocalDate d, OptionType t, int k, LocalDate e, int n) {
    List<Row> rows = new ArrayList<>();
    double prev = 100;
    for (int i = 0; i < n; i++) {
      double c = 100 + (i % 9) * 0.5;
      rows.add(
          new Row(
              d,
              ist(d, "09:15:00") + i * 10_000_000_000L,
              prev,
              Math.max(prev, c) + 0.05,
              Math.min(prev, c) - 0.05,
              c,
              1 + i % 3,
              "NIFTY",
              t.name(),
              k,
              e));
      prev = c;
    }
    return rows;
  }

  static Path writeOption(Path file, List<Row> rows) throws IOException {
    Files.createDirectories(file.getParent());
    Files.deleteIfExists(file);
    try (ParquetWriter<Group> w =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withConf(new PlainParquetConfiguration())
            .withType(OPTION)
            .build()) {
      SimpleGroupFactory g = new SimpleGroupFactory(OPTION);
      for (Row r : rows) {
        w.write(
            g.newGroup()
                .append("timestamp", Math.floorDiv(r.epochNanos(), 1000L))
                .append("symbol", r.symbol())
                .append("opt_type", r.type())
                .append("strike", r.strike())
                .append("open", r.open())
                .append("high", r.high())
                .append("low", r.low())
                .append("close", r.close())
                .append("vol_delta", r.vol())
                .append("expiry", (int) r.expiry().toEpochDay()));
      }
    }
    return file;
  }

  static Path writeSpot(Path file, LocalDate tradeDate, String symbol, List<Long> nanos)
      throws IOException {
    Files.createDirectories(file.getParent());
    Files.deleteIfExists(file);
    try (ParquetWriter<Group> w =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withConf(new PlainParquetConfiguration())
            .withType(SPOT)
            .build()) {
      SimpleGroupFactory g = new SimpleGroupFactory(SPOT);
      int i = 0;
      for (long t : nanos) {
        w.write(
            g.newGroup()
                .append("timestamp", t)
                .append("close", 21_000.0 + (i++ % 5))
                .append("symbol", symbol)
                .append("trade_date", (int) tradeDate.toEpochDay()));
      }
    }
    return file;
  }
}
