package in.nfopslab.fees;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;

/**
 * A strategy and one of its parameter sets: the unit the summary reports on (a sweep has many per
 * strategy).
 */
record StrategyKey(String strategy, String paramsId) implements Comparable<StrategyKey> {
  private static final Comparator<StrategyKey> ORDER =
      Comparator.comparing(StrategyKey::strategy).thenComparing(StrategyKey::paramsId);

  StrategyKey {
    requireNonNull(strategy, "strategy is null");
    requireNonNull(paramsId, "paramsId is null");
  }

  @Override
  public int compareTo(StrategyKey o) {
    return ORDER.compare(this, o);
  }

  /** "strategy" or "strategy [params]" for charts and tables. */
  String label(boolean withParams) {
    return withParams ? strategy + " [" + paramsId + "]" : strategy;
  }
}
