package in.nfopslab.core.trade;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One daily stance of a strategy that takes a view without trading (dispersion): what it concluded,
 * when, and the numbers it concluded it from. Reports count stances instead of showing such a
 * strategy as zero PnL.
 *
 * @param ts the IST wall-clock time of the decision
 * @param stance e.g. long_dispersion, short_dispersion, neutral, or no_data
 * @param note why, when the numbers alone do not say (e.g. "no basket configured"); empty otherwise
 * @param values the numeric inputs and outputs (index_iv, index_rv, basket_rv,
 *     implied_corr_proxy...), by name; a NaN or missing value means "not available"
 */
public record StanceRow(
    String strategy,
    String paramsId,
    String symbol,
    LocalDate tradeDate,
    LocalDateTime ts,
    String stance,
    String note,
    SortedMap<String, Double> values) {
  public StanceRow {
    requireNonNull(strategy, "strategy is null");
    requireNonNull(paramsId, "paramsId is null");
    requireNonNull(symbol, "symbol is null");
    requireNonNull(tradeDate, "tradeDate is null");
    requireNonNull(ts, "ts is null");
    requireNonNull(stance, "stance is null");
    note = note == null ? "" : note;
    values =
        values == null
            ? Collections.emptySortedMap()
            : Collections.unmodifiableSortedMap(new TreeMap<>(values));
  }

  /** The output columns, in order, before the numeric ones. */
  public static final java.util.List<String> COLUMNS =
      java.util.List.of("strategy", "params_id", "symbol", "trade_date", "ts", "stance", "note");
}
