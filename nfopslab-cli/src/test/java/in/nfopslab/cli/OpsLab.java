package in.nfopslab.cli;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.core.time.Ist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * A small hand-built NIFTY lab for operations tests, with the full column sets of the design
 * (options carry symbol, opt_type, strike, OHLC, vol_delta, expiry and its flags; spot carries
 * OHLC, symbol and trade_date; one monthly futures file), clean enough that {@code nfops data
 * check} finds nothing in it. Weekdays from 2024-01-01 (no NSE holidays before the 22nd); tasks by
 * the Thursday weekly expiries 01-04, 01-11, 01-18, 01-25. Spot walks a fixed zig-zag around
 * 21,000; options tick every 10 s, strikes 20,850..21,150.
 */
final class OpsLab {
  static final Symbol NIFTY = new Symbol("NIFTY");
  static final LocalDate MONTHLY = LocalDate.of(2024, 1, 25);
  static final int LOW_STRIKE = 20_850;
  static final int HIGH_STRIKE = 21_150;

  static final MessageType SPOT =
      MessageTypeParser.parseMessageType(
          "message spot {"
              + " required int64 timestamp (TIMESTAMP(NANOS,true)); required double open; required double high;"
              + " required double low; required double close; required int64 vol_delta; required binary symbol (STRING);"
              + " required int32 trade_date (DATE); }");
  static final MessageType FUTURES =
      MessageTypeParser.parseMessageType(
          "message futures {"
              + " required int64 timestamp (TIMESTAMP(MICROS,true)); required double open; required double high;"
              + " required double low; required double close; required int64 vol_delta; required int64 oi; }");
  static final MessageType OPTION =
      MessageTypeParser.parseMessageType(
          "message option {"
              + " required int64 timestamp (TIMESTAMP(MICROS,true)); required binary symbol (STRING);"
              + " required binary opt_type (STRING); required int32 strike; required double open; required double high;"
              + " required double low; required double close; required int64 vol_delta; required int32 expiry (DATE);"
              + " required binary expiry_type (STRING); required int32 is_monthly (INTEGER(8,true));"
              + " required int32 is_weekly (INTEGER(8,true)); }");

  private OpsLab() {}

  /** Weekdays from {@code first} to {@code last}. */
  static List<LocalDate> days(LocalDate first, LocalDate last) {
    List<LocalDate> out = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        out.add(d);
      }
    }
    return out;
  }

  /** The Thursday on or after {@code d}: the weekly expiry of its days in January 2024. */
  static LocalDate expiryOf(LocalDate d) {
    LocalDate e = d;
    while (e.getDayOfWeek() != DayOfWeek.THURSDAY) {
      e = e.plusDays(1);
    }
    return e;
  }

  static double spot(LocalDate d, int s) {
    int day = d.getDayOfMonth();
    return 21_000 + 40 * Math.sin(s / 900.0 + day) + (s / 200) % 7 - 3 + day * 3;
  }

  static double option(OptionType t, int k, LocalDate d, LocalDate e, int s) {
    double intrinsic = t == OptionType.CE ? spot(d, s) - k : k - spot(d, s);
    double timeValue =
        30 * Math.exp(-Math.abs(spot(d, s) - k) / 400)
            + 10
            + 2.0 * (e.toEpochDay() - d.toEpochDay());
    return Math.max(0.05, round(Math.max(intrinsic, 0) + timeValue));
  }

  static double round(double price) {
    return Math.round(price * 20) / 20.0;
  }

  static LabPaths build(Path root, LocalDate first, LocalDate last) throws IOException {
    LabPaths paths = LabPaths.of(root);
    List<LocalDate> days = days(first, last);
    for (LocalDate d : days) {
      writeSpot(paths.spotFile(NIFTY, d), d);
    }
    writeFutures(paths.futuresFile(NIFTY, MONTHLY), days);
    List<LocalDate> expiries = days.stream().map(OpsLab::expiryOf).distinct().toList();
    for (LocalDate e : expiries) {
      List<LocalDate> its = days.stream().filter(d -> expiryOf(d).equals(e)).toList();
      for (OptionType t : OptionType.values()) {
        for (int k = LOW_STRIKE; k <= HIGH_STRIKE; k += 50) {
          writeOption(paths.optionFile(NIFTY, e, t, k), t, k, e, its);
        }
      }
    }
    return paths;
  }

  static void writeSpot(Path f, LocalDate d) throws IOException {
    Files.createDirectories(f.getParent());
    try (ParquetWriter<Group> w = writer(f, SPOT)) {
      SimpleGroupFactory g = new SimpleGroupFactory(SPOT);
      double prev = round(spot(d, 0));
      for (int s = 0; s < 22_501; s += 5) {
        double c = round(spot(d, s));
        w.write(
            g.newGroup()
                .append("timestamp", Ist.epochNanos(d, LocalTime.of(9, 15).plusSeconds(s)))
                .append("open", prev)
                .append("high", Math.max(prev, c) + 0.5)
                .append("low", Math.min(prev, c) - 0.5)
                .append("close", c)
                .append("vol_delta", 0L)
                .append("symbol", NIFTY.name())
                .append("trade_date", (int) d.toEpochDay()));
        prev = c;
      }
    }
  }

  static void writeFutures(Path f, List<LocalDate> days) throws IOException {
    Files.createDirectories(f.getParent());
    try (ParquetWriter<Group> w = writer(f, FUTURES)) {
      SimpleGroupFactory g = new SimpleGroupFactory(FUTURES);
      for (LocalDate d : days) {
        for (int s = 0; s < 22_501; s += 15) {
          double c = round(spot(d, s) + 60);
          w.write(
              g.newGroup()
                  .append("timestamp", Ist.epochNanos(d, LocalTime.of(9, 15).plusSeconds(s)) / 1000)
                  .append("open", c)
                  .append("high", c + 1)
                  .append("low", c - 1)
                  .append("close", c)
                  .append("vol_delta", (long) (25 + s % 50))
                  .append("oi", 1_000_000L + s));
        }
      }
    }
  }

  static void writeOption(Path f, OptionType t, int k, LocalDate e, List<LocalDate> days)
      throws IOException {
    Files.createDirectories(f.getParent());
    boolean monthly = e.equals(MONTHLY);
    try (ParquetWriter<Group> w = writer(f, OPTION)) {
      SimpleGroupFactory g = new SimpleGroupFactory(OPTION);
      for (LocalDate d : days) {
        double prev = option(t, k, d, e, 0);
        for (int s = 0; s < 22_501; s += 10) {
          double c = option(t, k, d, e, s);
          w.write(
              g.newGroup()
                  .append("timestamp", Ist.epochNanos(d, LocalTime.of(9, 15).plusSeconds(s)) / 1000)
                  .append("symbol", NIFTY.name())
                  .append("opt_type", t.name())
                  .append("strike", k)
                  .append("open", prev)
                  .append("high", Math.max(prev, c))
                  .append("low", Math.min(prev, c))
                  .append("close", c)
                  .append("vol_delta", (long) (1 + s % 17))
                  .append("expiry", (int) e.toEpochDay())
                  .append("expiry_type", monthly ? "monthly" : "weekly")
                  .append("is_monthly", monthly ? 1 : 0)
                  .append("is_weekly", monthly ? 0 : 1));
          prev = c;
        }
      }
    }
  }

  static ParquetWriter<Group> writer(Path f, MessageType schema) throws IOException {
    return ExampleParquetWriter.builder(new LocalOutputFile(f))
        .withConf(new PlainParquetConfiguration())
        .withType(schema)
        .build();
  }

  /**
   * A copy of a built lab's data (not its outputs) under {@code to}, so a test can break files or
   * run alone.
   */
  static LabPaths copy(Path from, Path to) throws IOException {
    Path data = from.resolve("data");
    try (Stream<Path> s = Files.walk(data)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path target = to.resolve("data").resolve(data.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return LabPaths.of(to);
  }
}
