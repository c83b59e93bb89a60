package in.nfopslab.orchestrator;

import in.nfopslab.core.io.AtomicFiles;
import in.nfopslab.data.parquet.ParquetColumns;
import in.nfopslab.data.parquet.ParquetColumns.Column;
import in.nfopslab.data.parquet.RowColumn;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.MessageType;

/**
 * Reads and writes {@code run_all_status_*.parquet}. The table is small (one row per strategy and
 * task), so the shared result-file writer ({@link RowColumn}) and reader of {@link ParquetColumns}
 * serve; dates are DATE, started/finished UTC-adjusted millisecond timestamps.
 */
public final class StatusParquet {
  private static final List<RowColumn<StatusRow>> COLUMNS =
      List.of(
          RowColumn.string("strategy", StatusRow::strategy),
          RowColumn.string("params_id", StatusRow::paramsId),
          RowColumn.string("symbol", StatusRow::symbol),
          RowColumn.date("expiry", false, StatusRow::expiry),
          RowColumn.date("first_day", false, StatusRow::firstDay),
          RowColumn.date("last_day", false, StatusRow::lastDay),
          RowColumn.string("status", StatusRow::status),
          RowColumn.string("error", StatusRow::error),
          RowColumn.string("log_path", StatusRow::logPath),
          RowColumn.optionalInstant("started", StatusRow::started),
          RowColumn.optionalInstant("finished", StatusRow::finished),
          RowColumn.float64("duration_s", StatusRow::durationS),
          RowColumn.int64("trades", StatusRow::trades),
          RowColumn.string("params", StatusRow::params),
          RowColumn.string("data_key", StatusRow::dataKey));

  static final MessageType SCHEMA = RowColumn.schema("run_status", COLUMNS);

  private StatusParquet() {}

  /** Writes {@code rows} to {@code target} atomically, one column at a time. */
  public static void write(Path target, List<StatusRow> rows) throws IOException {
    AtomicFiles.write(target, tmp -> RowColumn.write(tmp, "run_status", COLUMNS, Map.of(), rows));
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
