package in.nfopslab.fees;

import java.util.List;
import java.util.Map;

/**
 * Everything the post-processor found for one symbol: the summary rows (per strategy and period),
 * the stance counts of stance-only strategies, and each strategy's daily net series for the charts.
 *
 * @param labels how each strategy is named in tables and charts (with its params_id only when a
 *     strategy has several)
 */
record SymbolSummary(
    String symbol,
    List<SummaryRow> rows,
    List<StanceCount> stances,
    Map<StrategyKey, DailySeries> series,
    Map<StrategyKey, String> labels,
    Period lastYear) {}
