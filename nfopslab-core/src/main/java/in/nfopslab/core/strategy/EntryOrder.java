package in.nfopslab.core.strategy;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A new position: its legs (all filled in one second, or the order is cancelled), its engine exits,
 * and the strategy-specific numeric columns written on every leg's output row (e.g. {@code
 * spot_at_signal}).
 */
public record EntryOrder(List<OrderLeg> legs, ExitRules exits, SortedMap<String, Double> extra) {
  public EntryOrder {
    requireNonNull(legs, "legs is null");
    requireNonNull(exits, "exits is null");
    requireNonNull(extra, "extra is null");
    if (legs.isEmpty()) {
      throw new IllegalArgumentException("an entry order needs at least one leg");
    }
    legs = List.copyOf(legs);
    extra = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(extra));
  }

  public static EntryOrder of(ExitRules exits, OrderLeg... legs) {
    return new EntryOrder(List.of(legs), exits, new TreeMap<>());
  }

  /** A copy with one more output column. */
  public EntryOrder withExtra(String column, double value) {
    TreeMap<String, Double> m = new TreeMap<>(extra);
    m.put(requireNonNull(column, "column is null"), value);
    return new EntryOrder(legs, exits, m);
  }

  public EntryOrder withExtra(Map<String, Double> columns) {
    TreeMap<String, Double> m = new TreeMap<>(extra);
    m.putAll(columns);
    return new EntryOrder(legs, exits, m);
  }
}
