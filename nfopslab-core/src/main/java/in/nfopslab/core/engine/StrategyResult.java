package in.nfopslab.core.engine;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.trade.StanceRow;
import in.nfopslab.core.trade.TradeLeg;
import java.util.List;

/**
 * What one strategy variant did over an engine call's days: its trade legs sorted by (trade_date,
 * entry_ts, trade_id, leg), its stance rows in time order, its events, and its failure if it threw
 * (trades and stances then cover the days before the failure only).
 */
public record StrategyResult(
    String strategy,
    String paramsId,
    List<TradeLeg> trades,
    List<StanceRow> stances,
    List<EngineEvent> events,
    StrategyFailure failure) {
  public StrategyResult {
    requireNonNull(strategy, "strategy is null");
    requireNonNull(paramsId, "paramsId is null");
    trades = List.copyOf(trades);
    stances = List.copyOf(stances);
    events = List.copyOf(events);
  }

  public boolean ok() {
    return failure == null;
  }

  /** Events of one kind. */
  public List<EngineEvent> events(EngineEvent.Kind kind) {
    java.util.ArrayList<EngineEvent> out = new java.util.ArrayList<>();
    for (EngineEvent e : events) {
      if (e.kind() == kind) {
        out.add(e);
      }
    }
    return out;
  }
}
