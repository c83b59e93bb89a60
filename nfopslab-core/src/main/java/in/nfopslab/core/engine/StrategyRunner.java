package in.nfopslab.core.engine;

import in.nfopslab.core.market.DayMarket;
import in.nfopslab.core.strategy.PositionState;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.trade.StanceRow;
import in.nfopslab.core.trade.TradeLeg;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One strategy variant across the days of an engine call: its instance, its output so far, the
 * states of its positions by id, and its failure. A throw from the strategy stops this variant
 * only.
 */
final class StrategyRunner {
  static final Comparator<TradeLeg> OUTPUT_ORDER =
      Comparator.comparing(TradeLeg::tradeDate)
          .thenComparing(TradeLeg::entryTs)
          .thenComparingLong(TradeLeg::tradeId)
          .thenComparingInt(TradeLeg::leg);

  private static final PositionState[] STATES = PositionState.values();

  final EngineInput input;
  final StrategyRun run;
  final String name;
  final String paramsId;
  final List<TradeLeg> trades = new ArrayList<>();
  final List<StanceRow> stances = new ArrayList<>();
  final List<EngineEvent> events = new ArrayList<>();
  final PastSpots past;
  private final Strategy strategy;
  private StrategyFailure failure;
  private byte[] states = new byte[16];
  private int positions;

  StrategyRunner(EngineInput input, StrategyRun run, PastSpots past) {
    this.input = input;
    this.run = run;
    this.past = past;
    this.name = run.config().name();
    this.paramsId = run.config().paramsId();
    Strategy s = null;
    try {
      s = run.factory().create(run.config());
      if (s == null) {
        throw new IllegalStateException("factory of " + name + " returned null");
      }
    } catch (RuntimeException e) {
      failure = new StrategyFailure(null, null, "cannot create " + name + ": " + e, e);
      if (!input.days().isEmpty()) {
        events.add(
            new EngineEvent(input.days().get(0), null, EngineEvent.Kind.ERROR, failure.message()));
      }
    }
    this.strategy = s;
  }

  boolean alive() {
    return failure == null;
  }

  Strategy strategy() {
    return strategy;
  }

  void runDay(DayMarket market) {
    if (failure != null) {
      return;
    }
    int tradesBefore = trades.size();
    int stancesBefore = stances.size();
    DayRun day = new DayRun(this, market);
    try {
      day.run();
    } catch (RuntimeException e) {
      // trades of a day cut short would be a partial day: keep whole days only
      trades.subList(tradesBefore, trades.size()).clear();
      stances.subList(stancesBefore, stances.size()).clear();
      LocalTime at = day.failureTime();
      failure = new StrategyFailure(market.date(), at, e.toString(), e);
      events.add(
          new EngineEvent(market.date(), at, EngineEvent.Kind.ERROR, name + " stopped: " + e));
    } finally {
      day.expire();
    }
  }

  void event(LocalDate date, LocalTime time, EngineEvent.Kind kind, String message) {
    events.add(new EngineEvent(date, time, kind, message));
  }

  int newPosition() {
    int id = ++positions;
    if (id >= states.length) {
      states = java.util.Arrays.copyOf(states, states.length * 2);
    }
    return id;
  }

  void setState(int id, PositionState state) {
    states[id] = (byte) state.ordinal();
  }

  PositionState state(int id) {
    if (id < 1 || id > positions) {
      throw new IllegalArgumentException(
          "no position " + id + " (this strategy has opened " + positions + ")");
    }
    return STATES[states[id]];
  }

  StrategyResult result() {
    List<TradeLeg> sorted = new ArrayList<>(trades);
    sorted.sort(OUTPUT_ORDER);
    return new StrategyResult(name, paramsId, sorted, stances, events, failure);
  }
}
