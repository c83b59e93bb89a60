package in.nfopslab.data.trades;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.trade.StanceRow;
import in.nfopslab.data.parquet.ParquetColumns;
import in.nfopslab.data.parquet.ParquetColumns.Column;
import in.nfopslab.data.parquet.RowColumn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.schema.MessageType;

/**
 * Stance rows as Parquet: the output of a strategy that takes a daily view without trading
 * (dispersion), written where its trade file would be ({@code
 * results/{strategy}_{SYMBOL}_{START}_{END}.parquet}). Columns: {@code strategy, params_id, symbol,
 * trade_date (DATE), ts (TIMESTAMP(MICROS, not UTC-adjusted), IST wall clock), stance, note
 * (STRING)}, then one nullable DOUBLE per value name (union over rows, sorted). The footer carries
 * {@code nfopslab.kind=stance}, which is how {@code nfops fees} tells it from a trade file.
 */
public final class StanceParquet {
  public static final String KIND = "stance";

  private static final NumericTail<StanceRow> FILE =
      new NumericTail<>(
          "stance",
          KIND,
          List.of(
              RowColumn.string("strategy", StanceRow::strategy),
              RowColumn.string("params_id", StanceRow::paramsId),
              RowColumn.string("symbol", StanceRow::symbol),
              RowColumn.date("trade_date", false, StanceRow::tradeDate),
              RowColumn.timestamp("ts", StanceRow::ts),
              RowColumn.string("stance", StanceRow::stance),
              RowColumn.string("note", StanceRow::note)),
          StanceRow::values);

  private StanceParquet() {}

  public static MessageType schema(List<String> valueNames) {
    return FILE.schema(valueNames);
  }

  /** Writes {@code rows} to {@code target} atomically. */
  public static void write(Path target, List<StanceRow> rows) throws IOException {
    FILE.write(target, rows, Map.of());
  }

  /** Reads the rows of a stance file by column name; {@code note} may be absent. */
  public static List<StanceRow> read(Path file) throws IOException {
    requireNonNull(file, "file is null");
    List<StanceRow> rows = new ArrayList<>();
    String where = file.toString();
    ParquetColumns.readAll(
        file,
        schema -> {
          Column strategy = Column.of(schema, "strategy", where, true);
          Column paramsId = Column.of(schema, "params_id", where, true);
          Column symbol = Column.of(schema, "symbol", where, true);
          Column tradeDate = Column.of(schema, "trade_date", where, true);
          Column ts = Column.of(schema, "ts", where, true);
          Column stance = Column.of(schema, "stance", where, true);
          Column note = Column.of(schema, "note", where, false);
          List<Column> values = FILE.tail(schema, where);
          return g -> {
            TreeMap<String, Double> v = NumericTail.values(values, g);
            try {
              rows.add(
                  new StanceRow(
                      strategy.string(g),
                      paramsId.string(g),
                      symbol.string(g),
                      tradeDate.date(g),
                      ts.timestamp(g),
                      stance.string(g),
                      note == null ? "" : note.string(g),
                      v));
            } catch (RuntimeException e) {
              throw new IllegalArgumentException(
                  where + ": row " + (rows.size() + 1) + ": " + e.getMessage(), e);
            }
          };
        });
    return rows;
  }
}
