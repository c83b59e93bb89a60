package in.nfopslab.fees;

/**
 * One row of {@code stance_summary_{SYMBOL}.csv}: how many days a stance-only strategy took one
 * stance in a period.
 */
record StanceCount(
    String symbol, String strategy, String paramsId, String period, String stance, int days) {
  StrategyKey key() {
    return new StrategyKey(strategy, paramsId);
  }
}
