package in.nfopslab.orchestrator;

import in.nfopslab.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Reads and writes {@code run_all_status_*.parquet}. The table is small (one row per strategy and task), so the
 * example Group API is fine here; dates are DATE, started/finished UTC-adjusted millisecond timestamps.
 */
public final class StatusParquet {
  static final MessageType SCHEMA = MessageTypeParser.parseMessageType("message run_status {"
      + " required binary strategy (STRING); required binary params_id (STRING); required binary symbol (STRING);"
      + " required int32 expiry (DATE); required int32 first_day (DATE); required int32 last_day (DATE);"
      + " required binary status (STRING); required binary error (STRING); required binary log_path (STRING);"
      + " optional int64 started (TIMESTAMP(MILLIS,true)); optional int64 finished (TIMESTAMP(MILLIS,true));"
      + " required double duration_s; required int64 trades; required binary params (STRING);"
      + " required binary data_key (STRING); }");

  private StatusParquet() {}

  public static void write(Path target, List<StatusRow> rows) throws IOException {
    AtomicFiles.write(target, tmp -> {
      SimpleGroupFactory f = new SimpleGroupFactory(SCHEMA);
      try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(tmp))
          .withConf(new PlainParquetConfiguration()).withType(SCHEMA)
          .withCompressionCodec(CompressionCodecName.ZSTD).build()) {
        for (StatusRow r : rows) {
          Group g = f.newGroup()
              .append("strategy", r.strategy()).append("params_id", r.paramsId()).append("symbol", r.symbol())
              .append("expiry", (int) r.expiry().toEpochDay()).append("first_day", (int) r.firstDay().toEpochDay())
              .append("last_day", (int) r.lastDay().toEpochDay()).append("status", r.status())
              .append("error", r.error()).append("log_path", r.logPath());
          if (r.started() != null) {
            g.append("started", r.started().toEpochMilli());
          }
          if (r.finished() != null) {
            g.append("finished", r.finished().toEpochMilli());
          }
          g.append("duration_s", r.durationS()).append("trades", r.trades()).append("params", r.params())
              .append("data_key", r.dataKey());
          w.write(g);
        }
      }
    });
  }

  public static List<StatusRow> read(Path file) throws IOException {
    List<StatusRow> out = new ArrayList<>();
    try (ParquetReader<Group> r = new GroupReader(new LocalInputFile(file)).withConf(new PlainParquetConfiguration()).build()) {
      Group g;
      while ((g = r.read()) != null) {
        out.add(new StatusRow(g.getString("strategy", 0), g.getString("params_id", 0), g.getString("symbol", 0),
            LocalDate.ofEpochDay(g.getInteger("expiry", 0)), LocalDate.ofEpochDay(g.getInteger("first_day", 0)),
            LocalDate.ofEpochDay(g.getInteger("last_day", 0)), g.getString("status", 0), g.getString("error", 0),
            g.getString("log_path", 0),
            g.getFieldRepetitionCount("started") > 0 ? Instant.ofEpochMilli(g.getLong("started", 0)) : null,
            g.getFieldRepetitionCount("finished") > 0 ? Instant.ofEpochMilli(g.getLong("finished", 0)) : null,
            g.getDouble("duration_s", 0), g.getLong("trades", 0), g.getString("params", 0),
            g.getString("data_key", 0)));
      }
    }
    return out;
  }

  /** A Group reader over an InputFile, with no Hadoop Path involved. */
  private static final class GroupReader extends ParquetReader.Builder<Group> {
    GroupReader(InputFile file) {
      super(file);
    }

    @Override
    protected ReadSupport<Group> getReadSupport() {
      return new GroupReadSupport();
    }
  }
}
