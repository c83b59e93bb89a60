package in.nfopslab.core.trade;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One leg of one trade: the uniform output row of every strategy (see docs/strategies/CATALOG.md),
 * so fees and reports work on all of them. Timestamps are IST wall-clock. {@code optType} is CE, PE
 * or FUT (hedge legs). {@code pnlPoints} is per unit; {@code pnlInr} = pnlPoints x lotSize x lots.
 * {@code extra} holds the strategy-specific numeric columns (e.g. iv_at_entry), sorted by name.
 */
public record TradeLeg(
    String strategy,
    String paramsId,
    String symbol,
    long tradeId,
    int leg,
    LocalDate tradeDate,
    LocalDate expiry,
    String optType,
    int strike,
    Side side,
    int lots,
    int lotSize,
    LocalDateTime signalTs,
    LocalDateTime entryTs,
    double entryPrice,
    LocalDateTime exitTs,
    double exitPrice,
    String exitReason,
    double pnlPoints,
    double pnlInr,
    SortedMap<String, Double> extra) {
  public TradeLeg {
    requireNonNull(strategy, "strategy is null");
    requireNonNull(paramsId, "paramsId is null");
    requireNonNull(symbol, "symbol is null");
    requireNonNull(tradeDate, "tradeDate is null");
    requireNonNull(optType, "optType is null");
    requireNonNull(side, "side is null");
    requireNonNull(signalTs, "signalTs is null");
    requireNonNull(entryTs, "entryTs is null");
    requireNonNull(exitTs, "exitTs is null");
    requireNonNull(exitReason, "exitReason is null");
    extra =
        extra == null
            ? new TreeMap<>()
            : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(extra));
  }

  /** The output columns, in order, before the strategy-specific ones. */
  public static final java.util.List<String> COLUMNS =
      java.util.List.of(
          "strategy",
          "params_id",
          "symbol",
          "trade_id",
          "leg",
          "trade_date",
          "expiry",
          "opt_type",
          "strike",
          "side",
          "lots",
          "lot_size",
          "signal_ts",
          "entry_ts",
          "entry_price",
          "exit_ts",
          "exit_price",
          "exit_reason",
          "pnl_points",
          "pnl_inr");

  public static TradeLeg withExtra(TradeLeg t, Map<String, Double> more) {
    TreeMap<String, Double> m = new TreeMap<>(t.extra());
    m.putAll(more);
    return new TradeLeg(
        t.strategy,
        t.paramsId,
        t.symbol,
        t.tradeId,
        t.leg,
        t.tradeDate,
        t.expiry,
        t.optType,
        t.strike,
        t.side,
        t.lots,
        t.lotSize,
        t.signalTs,
        t.entryTs,
        t.entryPrice,
        t.exitTs,
        t.exitPrice,
        t.exitReason,
        t.pnlPoints,
        t.pnlInr,
        m);
  }
}
