package in.nfopslab.orchestrator;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.core.time.Ist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
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
 * A small hand-built NIFTY lab for orchestrator tests: 2024-01-01..2024-01-05 (Mon-Fri), so the
 * days fall in two tasks (expiry 2024-01-04 for Mon-Thu, 2024-01-11 for Fri). Spot walks a fixed
 * zig-zag around 21,000; each option ticks every 10 s at a price that moves with spot, so a bought
 * CE can win or lose.
 */
final class LabFixture {
  static final Symbol NIFTY = new Symbol("NIFTY");
  static final List<LocalDate> DAYS =
      List.of(
          LocalDate.of(2024, 1, 1),
          LocalDate.of(2024, 1, 2),
          LocalDate.of(2024, 1, 3),
          LocalDate.of(2024, 1, 4),
          LocalDate.of(2024, 1, 5));
  static final List<LocalDate> EXPIRIES =
      List.of(LocalDate.of(2024, 1, 4), LocalDate.of(2024, 1, 11));
  private static final MessageType SPOT =
      MessageTypeParser.parseMessageType(
          "message s { required int64 timestamp (TIMESTAMP(NANOS,true)); required double close; }");
  private static final MessageType OPT =
      MessageTypeParser.parseMessageType(
          "message o { required int64 timestamp (TIMESTAMP(MICROS,true)); required double close; required int64 vol_delta; }");

  private LabFixture() {}

  static double spot(LocalDate d, int s) {
    int day = d.getDayOfMonth();
    return 21_000 + 40 * Math.sin(s / 900.0 + day) + (s / 200) % 7 - 3 + day * 5;
  }

  static LabPaths build(Path root) throws IOException {
    LabPaths paths = LabPaths.of(root);
    for (LocalDate d : DAYS) {
      Path f = paths.spotFile(NIFTY, d);
      Files.createDirectories(f.getParent());
      try (ParquetWriter<Group> w = writer(f, SPOT)) {
        SimpleGroupFactory g = new SimpleGroupFactory(SPOT);
        for (int s = 0; s < 22_501; s += 5) {
          w.write(
              g.newGroup()
                  .append("timestamp", Ist.epochNanos(d, LocalTime.of(9, 15).plusSeconds(s)))
                  .append("close", Math.round(spot(d, s) * 20) / 20.0));
        }
      }
    }
    for (LocalDate e : EXPIRIES) {
      for (OptionType t : OptionType.values()) {
        for (int k = 20_900; k <= 21_200; k += 50) {
          Path f = paths.optionFile(NIFTY, e, t, k);
          Files.createDirectories(f.getParent());
          try (ParquetWriter<Group> w = writer(f, OPT)) {
            SimpleGroupFactory g = new SimpleGroupFactory(OPT);
            for (LocalDate d : DAYS) {
              if (d.isAfter(e)) {
                continue;
              }
              for (int s = 0; s < 22_501; s += 10) {
                double intrinsic = t == OptionType.CE ? spot(d, s) - k : k - spot(d, s);
                double price =
                    Math.max(
                        0.05,
                        Math.round(
                                (Math.max(intrinsic, 0)
                                        + 60
                                        + 0.3 * (e.getDayOfMonth() - d.getDayOfMonth()))
                                    * 20)
                            / 20.0);
                w.write(
                    g.newGroup()
                        .append(
                            "timestamp",
                            Ist.epochNanos(d, LocalTime.of(9, 15).plusSeconds(s)) / 1000)
                        .append("close", price)
                        .append("vol_delta", (long) (s % 17)));
              }
            }
          }
        }
      }
    }
    return paths;
  }

  private static ParquetWriter<Group> writer(Path f, MessageType schema) throws IOException {
    return ExampleParquetWriter.builder(new LocalOutputFile(f))
        .withConf(new PlainParquetConfiguration())
        .withType(schema)
        .build();
  }
}
