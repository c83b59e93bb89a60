package in.nfopslab.data.trades;

import in.nfopslab.data.parquet.ParquetColumns;

import static in.nfopslab.data.parquet.ParquetColumns.putDate;
import static in.nfopslab.data.parquet.ParquetColumns.putDouble;
import static in.nfopslab.data.parquet.ParquetColumns.putInt;
import static in.nfopslab.data.parquet.ParquetColumns.putLong;
import static in.nfopslab.data.parquet.ParquetColumns.putString;
import static in.nfopslab.data.parquet.ParquetColumns.putTimestamp;
import static java.util.Objects.requireNonNull;

import in.nfopslab.core.io.AtomicFiles;
import in.nfopslab.core.trade.Side;
import in.nfopslab.core.trade.TradeLeg;
import in.nfopslab.data.parquet.ParquetColumns.Column;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Trade legs as Parquet, the format of {@code backtests/results/{strategy}_{SYMBOL}_{START}_{END}.parquet}. The
 * columns are the uniform ones of {@link TradeLeg#COLUMNS} in that order, then one nullable DOUBLE per key of the
 * legs' {@code extra} maps (the union of keys, sorted; null where a leg lacks the key). Strings are STRING, dates
 * DATE ({@code expiry} nullable), timestamps INT64 TIMESTAMP(MICROS, isAdjustedToUTC=false) holding the IST wall
 * clock (a reader that shows them "in UTC" shows the IST time; sub-microsecond digits are dropped). The footer
 * carries {@code nfopslab.kind=trade_legs}. Legs are written in the order given.
 */
public final class TradeParquet {
  public static final String KIND = "trade_legs";

  private static final Set<String> UNIFORM = Set.copyOf(TradeLeg.COLUMNS);

  private TradeParquet() {}

  /** The schema of a file whose legs carry these extra keys. */
  public static MessageType schema(Collection<String> extraKeys) {
    List<Type> f = new ArrayList<>();
    f.add(ParquetColumns.string("strategy"));
    f.add(ParquetColumns.string("params_id"));
    f.add(ParquetColumns.string("symbol"));
    f.add(ParquetColumns.required(PrimitiveTypeName.INT64, "trade_id"));
    f.add(ParquetColumns.required(PrimitiveTypeName.INT32, "leg"));
    f.add(ParquetColumns.date("trade_date", false));
    f.add(ParquetColumns.date("expiry", true));
    f.add(ParquetColumns.string("opt_type"));
    f.add(ParquetColumns.required(PrimitiveTypeName.INT32, "strike"));
    f.add(ParquetColumns.string("side"));
    f.add(ParquetColumns.required(PrimitiveTypeName.INT32, "lots"));
    f.add(ParquetColumns.required(PrimitiveTypeName.INT32, "lot_size"));
    f.add(ParquetColumns.timestamp("signal_ts"));
    f.add(ParquetColumns.timestamp("entry_ts"));
    f.add(ParquetColumns.required(PrimitiveTypeName.DOUBLE, "entry_price"));
    f.add(ParquetColumns.timestamp("exit_ts"));
    f.add(ParquetColumns.required(PrimitiveTypeName.DOUBLE, "exit_price"));
    f.add(ParquetColumns.string("exit_reason"));
    f.add(ParquetColumns.required(PrimitiveTypeName.DOUBLE, "pnl_points"));
    f.add(ParquetColumns.required(PrimitiveTypeName.DOUBLE, "pnl_inr"));
    for (String k : extraKeys) {
      ParquetColumns.checkExtraName(k, UNIFORM);
      f.add(ParquetColumns.optionalDouble(k));
    }
    return new MessageType("trade_legs", f);
  }

  /** Writes {@code legs} to {@code target} atomically (a temporary file renamed into place). */
  public static void write(Path target, List<TradeLeg> legs) throws IOException {
    requireNonNull(target, "target is null");
    requireNonNull(legs, "legs is null");
    SortedSet<String> keys = new TreeSet<>();
    for (TradeLeg l : legs) {
      keys.addAll(requireNonNull(l, "leg is null").extra().keySet());
    }
    List<String> extra = List.copyOf(keys);
    MessageType schema = schema(extra);
    int first = TradeLeg.COLUMNS.size();
    AtomicFiles.write(
        target,
        tmp ->
            ParquetColumns.write(
                tmp, schema, Map.of(ParquetColumns.KIND_KEY, KIND), legs.size(),
                (out, i) -> {
                  TradeLeg l = legs.get(i);
                  putString(out, "strategy", 0, l.strategy());
                  putString(out, "params_id", 1, l.paramsId());
                  putString(out, "symbol", 2, l.symbol());
                  putLong(out, "trade_id", 3, l.tradeId());
                  putInt(out, "leg", 4, l.leg());
                  putDate(out, "trade_date", 5, l.tradeDate());
                  if (l.expiry() != null) {
                    putDate(out, "expiry", 6, l.expiry());
                  }
                  putString(out, "opt_type", 7, l.optType());
                  putInt(out, "strike", 8, l.strike());
                  putString(out, "side", 9, l.side().name());
                  putInt(out, "lots", 10, l.lots());
                  putInt(out, "lot_size", 11, l.lotSize());
                  putTimestamp(out, "signal_ts", 12, l.signalTs());
                  putTimestamp(out, "entry_ts", 13, l.entryTs());
                  putDouble(out, "entry_price", 14, l.entryPrice());
                  putTimestamp(out, "exit_ts", 15, l.exitTs());
                  putDouble(out, "exit_price", 16, l.exitPrice());
                  putString(out, "exit_reason", 17, l.exitReason());
                  putDouble(out, "pnl_points", 18, l.pnlPoints());
                  putDouble(out, "pnl_inr", 19, l.pnlInr());
                  for (int k = 0; k < extra.size(); k++) {
                    Double v = l.extra().get(extra.get(k));
                    if (v != null) {
                      putDouble(out, extra.get(k), first + k, v);
                    }
                  }
                }));
  }

  /**
   * Reads the legs of a trade file, by column name: extra columns of any numeric type become {@code extra}
   * entries (absent where null), other extra columns are ignored, a missing uniform column is an error.
   */
  public static List<TradeLeg> read(Path file) throws IOException {
    requireNonNull(file, "file is null");
    List<TradeLeg> legs = new ArrayList<>();
    String where = file.toString();
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
          List<Column> extras = new ArrayList<>();
          Set<String> seen = new HashSet<>(UNIFORM);
          for (Type t : schema.getFields()) {
            if (!seen.contains(t.getName()) && t.isPrimitive()) {
              Column c = Column.of(schema, t.getName(), where, true);
              if (c.isNumeric()) {
                extras.add(c);
              }
            }
          }
          return g -> {
            TreeMap<String, Double> extra = new TreeMap<>();
            for (Column c : extras) {
              if (!c.isNull(g)) {
                extra.put(c.name(), c.number(g));
              }
            }
            try {
              legs.add(
                  new TradeLeg(
                      strategy.string(g), paramsId.string(g), symbol.string(g), tradeId.integer(g),
                      (int) leg.integer(g), tradeDate.date(g), expiry == null ? null : expiry.date(g),
                      optType.string(g), (int) strike.integer(g), side(side.string(g)), (int) lots.integer(g),
                      (int) lotSize.integer(g), signalTs.timestamp(g), entryTs.timestamp(g), entryPrice.number(g),
                      exitTs.timestamp(g), exitPrice.number(g), exitReason.string(g), pnlPoints.number(g),
                      pnlInr.number(g), extra));
            } catch (RuntimeException e) {
              throw new IllegalArgumentException(where + ": row " + (legs.size() + 1) + ": " + e.getMessage(), e);
            }
          };
        });
    return legs;
  }

  private static Side side(String text) {
    if (text == null) {
      throw new IllegalArgumentException("side is null");
    }
    return Side.valueOf(text.trim().toUpperCase(Locale.ROOT));
  }
}
