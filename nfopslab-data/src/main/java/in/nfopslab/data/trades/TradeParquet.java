package in.nfopslab.data.trades;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.trade.Side;
import in.nfopslab.core.trade.TradeLeg;
import in.nfopslab.data.parquet.ParquetColumns;
import in.nfopslab.data.parquet.ParquetColumns.Column;
import in.nfopslab.data.parquet.RowColumn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.schema.MessageType;

/**
 * Trade legs as Parquet, the format of {@code
 * backtests/results/{strategy}_{SYMBOL}_{START}_{END}.parquet}. The columns are the uniform ones of
 * {@link TradeLeg#COLUMNS} in that order, then one nullable DOUBLE per key of the legs' {@code
 * extra} maps (the union of keys, sorted; null where a leg lacks the key). Strings are STRING,
 * dates DATE ({@code expiry} nullable), timestamps INT64 TIMESTAMP(MICROS, isAdjustedToUTC=false)
 * holding the IST wall clock (a reader that shows them "in UTC" shows the IST time; sub-microsecond
 * digits are dropped). The footer carries {@code nfopslab.kind=trade_legs}. Legs are written in the
 * order given.
 */
public final class TradeParquet {
  public static final String KIND = "trade_legs";

  private static final NumericTail<TradeLeg> FILE =
      new NumericTail<>(
          "trade_legs",
          KIND,
          List.of(
              RowColumn.string("strategy", TradeLeg::strategy),
              RowColumn.string("params_id", TradeLeg::paramsId),
              RowColumn.string("symbol", TradeLeg::symbol),
              RowColumn.int64("trade_id", TradeLeg::tradeId),
              RowColumn.int32("leg", TradeLeg::leg),
              RowColumn.date("trade_date", false, TradeLeg::tradeDate),
              RowColumn.date("expiry", true, TradeLeg::expiry),
              RowColumn.string("opt_type", TradeLeg::optType),
              RowColumn.int32("strike", TradeLeg::strike),
              RowColumn.string("side", l -> l.side().name()),
              RowColumn.int32("lots", TradeLeg::lots),
              RowColumn.int32("lot_size", TradeLeg::lotSize),
              RowColumn.timestamp("signal_ts", TradeLeg::signalTs),
              RowColumn.timestamp("entry_ts", TradeLeg::entryTs),
              RowColumn.float64("entry_price", TradeLeg::entryPrice),
              RowColumn.timestamp("exit_ts", TradeLeg::exitTs),
              RowColumn.float64("exit_price", TradeLeg::exitPrice),
              RowColumn.string("exit_reason", TradeLeg::exitReason),
              RowColumn.float64("pnl_points", TradeLeg::pnlPoints),
              RowColumn.float64("pnl_inr", TradeLeg::pnlInr)),
          TradeLeg::extra);

  private TradeParquet() {}

  /** The schema of a file whose legs carry these extra keys. */
  public static MessageType schema(Collection<String> extraKeys) {
    return FILE.schema(extraKeys);
  }

  /** Writes {@code legs} to {@code target} atomically (a temporary file renamed into place). */
  public static void write(Path target, List<TradeLeg> legs) throws IOException {
    FILE.write(target, legs, Map.of());
  }

  /**
   * As {@link #write(Path, List)}, with {@code footer}'s key/values in the file's footer next to
   * the kind (e.g. a run part's status row, so the part needs no second file); {@link
   * ParquetColumns#KIND_KEY} is reserved.
   */
  public static void write(Path target, List<TradeLeg> legs, Map<String, String> footer)
      throws IOException {
    FILE.write(target, legs, requireNonNull(footer, "footer is null"));
  }

  /**
   * A trade file's legs and the key/value metadata of its footer (a value may be null: Parquet
   * allows a key without a value, and files from other tools are read too).
   */
  public record Contents(List<TradeLeg> legs, Map<String, String> footer) {
    public Contents {
      legs = List.copyOf(legs);
      footer = Collections.unmodifiableMap(new LinkedHashMap<>(footer));
    }
  }

  /**
   * Reads the legs of a trade file, by column name: extra columns of any numeric type become {@code
   * extra} entries (absent where null), other extra columns are ignored, a missing uniform column
   * is an error.
   */
  public static List<TradeLeg> read(Path file) throws IOException {
    return readWithFooter(file).legs();
  }

  /** As {@link #read(Path)}, with the footer's key/value metadata, from one open of the file. */
  public static Contents readWithFooter(Path file) throws IOException {
    requireNonNull(file, "file is null");
    List<TradeLeg> legs = new ArrayList<>();
    String where = file.toString();
    Map<String, String> footer =
        ParquetColumns.readAll(
            file,
            schema -> {
              Column strategy = Column.of(schema, "strategy", where, true);
              Column paramsId = Column.of(schema, "params_id", where, true);
              Column symbol = Column.of(schema, "symbol", where, true);
              Column tradeId = Column.of(schema, "trade_id", where, true);
              Column leg = Column.of(schema, "leg", where, true);
              Column tradeDate = Column.of(schema, "trade_date", where, true);
              Column expiry = Column.of(schema, "expiry", where, false);
              Column optType = Column.of(schema, "opt_type", where, true);
              Column strike = Column.of(schema, "strike", where, true);
              Column side = Column.of(schema, "side", where, true);
              Column lots = Column.of(schema, "lots", where, true);
              Column lotSize = Column.of(schema, "lot_size", where, true);
              Column signalTs = Column.of(schema, "signal_ts", where, true);
              Column entryTs = Column.of(schema, "entry_ts", where, true);
              Column entryPrice = Column.of(schema, "entry_price", where, true);
              Column exitTs = Column.of(schema, "exit_ts", where, true);
              Column exitPrice = Column.of(schema, "exit_price", where, true);
              Column exitReason = Column.of(schema, "exit_reason", where, true);
              Column pnlPoints = Column.of(schema, "pnl_points", where, true);
              Column pnlInr = Column.of(schema, "pnl_inr", where, true);
              List<Column> extras = FILE.tail(schema, where);
              return g -> {
                TreeMap<String, Double> extra = NumericTail.values(extras, g);
                try {
                  legs.add(
                      new TradeLeg(
                          strategy.string(g),
                          paramsId.string(g),
                          symbol.string(g),
                          tradeId.integer(g),
                          (int) leg.integer(g),
                          tradeDate.date(g),
                          expiry == null ? null : expiry.date(g),
                          optType.string(g),
                          (int) strike.integer(g),
                          side(side.string(g)),
                          (int) lots.integer(g),
                          (int) lotSize.integer(g),
                          signalTs.timestamp(g),
                          entryTs.timestamp(g),
                          entryPrice.number(g),
                          exitTs.timestamp(g),
                          exitPrice.number(g),
                          exitReason.string(g),
                          pnlPoints.number(g),
                          pnlInr.number(g),
                          extra));
                } catch (RuntimeException e) {
                  throw new IllegalArgumentException(
                      where + ": row " + (legs.size() + 1) + ": " + e.getMessage(), e);
                }
              };
            });
    return new Contents(legs, footer);
  }

  private static Side side(String text) {
    if (text == null) {
      throw new IllegalArgumentException("side is null");
    }
    return Side.valueOf(text.trim().toUpperCase(Locale.ROOT));
  }
}
