package in.nfopslab.orchestrator;

import static in.nfopslab.data.parquet.ParquetColumns.putDate;
import static in.nfopslab.data.parquet.ParquetColumns.putDouble;
import static in.nfopslab.data.parquet.ParquetColumns.putLong;
import static in.nfopslab.data.parquet.ParquetColumns.putString;

import in.nfopslab.core.io.AtomicFiles;
import in.nfopslab.data.parquet.ParquetColumns;
import in.nfopslab.data.parquet.ParquetColumns.Column;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Reads and writes {@code run_all_status_*.parquet}. The table is small (one row per strategy and
 * task), so the shared result-file writer and reader of {@link ParquetColumns} serve; dates are
 * DATE, started/finished UTC-adjusted millisecond timestamps.
 */
public final class StatusParquet {
  static final MessageType SCHEMA =
      MessageTypeParser.parseMessageType(
          "message run_status {"
              + " required binary strategy (STRING); required binary params_id (STRING); required binary symbol (STRING);"
              + " required int32 expiry (DATE); required int32 first_day (DATE); required int32 last_day (DATE);"
              + " required binary status (STRING); required binary error (STRING); required binary log_path (STRING);"
              + " optional int64 started (TIMESTAMP(MILLIS,true)); optional int64 finished (TIMESTAMP(MILLIS,true));"
              + " required double duration_s; required int64 trades; required binary params (STRING);"
              + " required binary data_key (STRING); }");

  private StatusParquet() {}

  public static void write(Path target, List<StatusRow> rows) throws IOException {
    AtomicFiles.write(
        target,
        tmp ->
            ParquetColumns.write(
                tmp,
                SCHEMA,
                java.util.Map.of(),
                rows.size(),
                (out, i) -> {
                  StatusRow r = rows.get(i);
                  putString(out, "strategy", 0, r.strategy());
                  putString(out, "params_id", 1, r.paramsId());
                  putString(out, "symbol", 2, r.symbol());
                  putDate(out, "expiry", 3, r.expiry());
                  putDate(out, "first_day", 4, r.firstDay());
                  putDate(out, "last_day", 5, r.lastDay());
                  putString(out, "status", 6, r.status());
                  putString(out, "error", 7, r.error());
                  putString(out, "log_path", 8, r.logPath());
                  if (r.started() != null) {
                    putLong(out, "started", 9, r.started().toEpochMilli());
                  }
                  if (r.finished() != null) {
                    putLong(out, "finished", 10, r.finished().toEpochMilli());
                  }
                  putDouble(out, "duration_s", 11, r.durationS());
                  putLong(out, "trades", 12, r.trades());
                  putString(out, "params", 13, r.params());
                  putString(out, "data_key", 14, r.dataKey());
                },
                ParquetColumns.stringColumns(SCHEMA)));
  }

  public static List<StatusRow> read(Path file) throws IOException {
    List<StatusRow> out = new ArrayList<>();
    String where = file.toString();
    ParquetColumns.readAll(
        file,
        schema -> {
          Column strategy = Column.of(schema, "strategy", where, true);
          Column paramsId = Column.of(schema, "params_id", where, true);
          Column symbol = Column.of(schema, "symbol", where, true);
          Column expiry = Column.of(schema, "expiry", where, true);
          Column firstDay = Column.of(schema, "first_day", where, true);
          Column lastDay = Column.of(schema, "last_day", where, true);
          Column status = Column.of(schema, "status", where, true);
          Column error = Column.of(schema, "error", where, true);
          Column logPath = Column.of(schema, "log_path", where, true);
          Column started = Column.of(schema, "started", where, true);
          Column finished = Column.of(schema, "finished", where, true);
          Column durationS = Column.of(schema, "duration_s", where, true);
          Column trades = Column.of(schema, "trades", where, true);
          Column params = Column.of(schema, "params", where, true);
          Column dataKey = Column.of(schema, "data_key", where, true);
          return g ->
              out.add(
                  new StatusRow(
                      strategy.string(g),
                      paramsId.string(g),
                      symbol.string(g),
                      expiry.date(g),
                      firstDay.date(g),
                      lastDay.date(g),
                      status.string(g),
                      error.string(g),
                      logPath.string(g),
                      started.isNull(g) ? null : Instant.ofEpochMilli(started.integer(g)),
                      finished.isNull(g) ? null : Instant.ofEpochMilli(finished.integer(g)),
                      durationS.number(g),
                      trades.integer(g),
                      params.string(g),
                      dataKey.string(g)));
        });
    return out;
  }
}
