package in.nfopslab.core.engine;

import java.util.List;

/** One result per strategy variant, in the order of {@link EngineInput#strategies()}. */
public record EngineResult(List<StrategyResult> results) {
  public EngineResult {
    results = List.copyOf(results);
  }

  /** The result of a strategy by name, when the call ran exactly one variant of it. */
  public StrategyResult result(String strategy) {
    StrategyResult found = null;
    for (StrategyResult r : results) {
      if (r.strategy().equals(strategy)) {
        if (found != null) {
          throw new IllegalArgumentException(
              "several variants of " + strategy + ": look them up by params id");
        }
        found = r;
      }
    }
    if (found == null) {
      throw new IllegalArgumentException("no result for " + strategy);
    }
    return found;
  }
}
