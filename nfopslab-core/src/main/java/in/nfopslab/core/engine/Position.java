package in.nfopslab.core.engine;

import in.nfopslab.core.strategy.EntryOrder;
import in.nfopslab.core.strategy.OrderLeg;
import in.nfopslab.core.strategy.PositionState;
import in.nfopslab.core.trade.Side;
import java.util.Arrays;

/**
 * The engine's book entry for one position of one strategy on one day: its legs, their fills and
 * exits in primitive arrays, and the levels of its exits fixed at the entry fill. Mutated only by
 * {@link DayRun}.
 *
 * <p>Legs 0 .. {@link #entryLegs} - 1 are the entry order's option legs; they fill together. Hedge
 * legs (futures, or spot when the day has no futures) are appended while the position is open; each
 * fills on its own and weighs {@code units / (lots x lot size)} in the position's mark, so the mark
 * stays in points per unit of the option legs.
 */
final class Position {
  static final int NONE = Integer.MAX_VALUE;

  final int id;
  final EntryOrder order;
  final int signalSecond;
  final int timeExitSecond; // NONE when off
  final int eodSecond; // NONE when off
  final int entryLegs;

  PositionState state = PositionState.PENDING;
  long tradeId;
  int fillSecond = -1;

  int legCount;
  OrderLeg[] legs; // null for a hedge leg
  SeriesView[] series;
  Side[] side;
  double[] weight; // side sign x ratio; for a hedge leg side sign x units / (lots x lot size)
  int[] hedgeUnits; // index units of a hedge leg, 0 for an option leg
  int[] entryDecision; // second the leg was decided
  int[] entrySecond; // -1 while the leg waits for its fill
  boolean[] cancelled; // a hedge leg that never filled: no output row
  double[] entryPrice;
  double[] exitPrice;
  int[] exitDecision; // -1 while no exit is decided for the leg
  int[] exitSecond; // -1 while the leg is open
  String[] exitReason;
  double[] legStopDistance;
  int openLegs; // legs filled or waiting for their entry, not yet closed or cancelled

  // fixed at the entry fill; +Infinity disables a level
  double stopDistance;
  double targetDistance;
  double trailDistance;
  double realized; // points of the legs already closed, weighted
  double bestPnl = Double.NEGATIVE_INFINITY;

  Position(
      int id,
      EntryOrder order,
      SeriesView[] series,
      int signalSecond,
      int timeExitSecond,
      int eodSecond) {
    this.id = id;
    this.order = order;
    this.signalSecond = signalSecond;
    this.timeExitSecond = timeExitSecond;
    this.eodSecond = eodSecond;
    OrderLeg[] entry = order.legs().toArray(new OrderLeg[0]);
    this.entryLegs = entry.length;
    allocate(entry.length);
    for (int k = 0; k < entry.length; k++) {
      legs[k] = entry[k];
      this.series[k] = series[k];
      side[k] = entry[k].side();
      weight[k] = entry[k].side().sign() * entry[k].ratio();
      entryDecision[k] = signalSecond;
    }
    this.legCount = entry.length;
    this.openLegs = entry.length;
  }

  private void allocate(int n) {
    legs = new OrderLeg[n];
    series = new SeriesView[n];
    side = new Side[n];
    weight = new double[n];
    hedgeUnits = new int[n];
    entryDecision = new int[n];
    entrySecond = new int[n];
    cancelled = new boolean[n];
    entryPrice = new double[n];
    exitPrice = new double[n];
    exitDecision = new int[n];
    exitSecond = new int[n];
    exitReason = new String[n];
    legStopDistance = new double[n];
    Arrays.fill(entrySecond, -1);
    Arrays.fill(exitDecision, -1);
    Arrays.fill(exitSecond, -1);
  }

  /** Appends a hedge leg decided at {@code t}; returns its index. */
  int addHedge(SeriesView on, Side s, int units, double w, int t) {
    int k = legCount;
    if (k == legs.length) {
      int n = Math.max(4, k * 2);
      legs = Arrays.copyOf(legs, n);
      series = Arrays.copyOf(series, n);
      side = Arrays.copyOf(side, n);
      weight = Arrays.copyOf(weight, n);
      hedgeUnits = Arrays.copyOf(hedgeUnits, n);
      entryDecision = Arrays.copyOf(entryDecision, n);
      entrySecond = grow(entrySecond, n);
      cancelled = Arrays.copyOf(cancelled, n);
      entryPrice = Arrays.copyOf(entryPrice, n);
      exitPrice = Arrays.copyOf(exitPrice, n);
      exitDecision = grow(exitDecision, n);
      exitSecond = grow(exitSecond, n);
      exitReason = Arrays.copyOf(exitReason, n);
      legStopDistance = Arrays.copyOf(legStopDistance, n);
    }
    series[k] = on;
    side[k] = s;
    hedgeUnits[k] = units;
    weight[k] = w;
    entryDecision[k] = t;
    legStopDistance[k] = Double.POSITIVE_INFINITY;
    legCount = k + 1;
    openLegs++;
    return k;
  }

  private static int[] grow(int[] a, int n) {
    int old = a.length;
    int[] b = Arrays.copyOf(a, n);
    Arrays.fill(b, old, n, -1);
    return b;
  }

  boolean isHedge(int k) {
    return legs[k] == null;
  }

  /** True while the leg waits for its entry fill. */
  boolean awaitingFill(int k) {
    return entrySecond[k] < 0 && !cancelled[k];
  }

  /** True while the leg is filled and not yet closed. */
  boolean isOpen(int k) {
    return entrySecond[k] >= 0 && exitSecond[k] < 0;
  }

  /**
   * Profit in points per unit at second {@code t}: closed legs at their exits, open legs at their
   * close.
   */
  double pnlAt(int t) {
    double pnl = realized;
    for (int k = 0; k < legCount; k++) {
      if (isOpen(k)) {
        pnl += weight[k] * (series[k].closeAt(t) - entryPrice[k]);
      }
    }
    return pnl;
  }

  /**
   * Net hedge in index units per unit of the option legs: filled and waiting hedge legs, + long, -
   * short.
   */
  double hedged() {
    double h = 0;
    for (int k = entryLegs; k < legCount; k++) {
      if (!cancelled[k] && exitSecond[k] < 0) {
        h += weight[k];
      }
    }
    return h;
  }
}
