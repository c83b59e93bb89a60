package in.nfopslab.core.engine;

import in.nfopslab.core.strategy.EntryOrder;
import in.nfopslab.core.strategy.OrderLeg;
import in.nfopslab.core.strategy.PositionState;

/**
 * The engine's book entry for one position of one strategy on one day: its legs, their fills and exits in
 * primitive arrays, and the levels of its exits fixed at the entry fill. Mutated only by {@link DayRun}.
 */
final class Position {
  static final int NONE = Integer.MAX_VALUE;

  final int id;
  final EntryOrder order;
  final OrderLeg[] legs;
  final SeriesView[] series;
  final int[] sign; // side sign x ratio
  final int signalSecond;
  final int timeExitSecond; // NONE when off
  final int eodSecond; // NONE when off

  PositionState state = PositionState.PENDING;
  long tradeId;
  int fillSecond = -1;
  final double[] entryPrice;
  final double[] exitPrice;
  final int[] exitDecision; // -1 while no exit is decided for the leg
  final int[] exitSecond; // -1 while the leg is open
  final String[] exitReason;
  int openLegs;

  // fixed at the entry fill; +Infinity disables a level
  double stopDistance;
  double targetDistance;
  double trailDistance;
  final double[] legStopDistance;
  double realized; // points of the legs already closed, signed and ratio-weighted
  double bestPnl = Double.NEGATIVE_INFINITY;

  Position(int id, EntryOrder order, SeriesView[] series, int signalSecond, int timeExitSecond, int eodSecond) {
    this.id = id;
    this.order = order;
    this.legs = order.legs().toArray(new OrderLeg[0]);
    this.series = series;
    this.signalSecond = signalSecond;
    this.timeExitSecond = timeExitSecond;
    this.eodSecond = eodSecond;
    int n = legs.length;
    this.sign = new int[n];
    for (int k = 0; k < n; k++) {
      sign[k] = legs[k].side().sign() * legs[k].ratio();
    }
    this.entryPrice = new double[n];
    this.exitPrice = new double[n];
    this.exitDecision = new int[n];
    this.exitSecond = new int[n];
    this.exitReason = new String[n];
    this.legStopDistance = new double[n];
    java.util.Arrays.fill(exitDecision, -1);
    java.util.Arrays.fill(exitSecond, -1);
    this.openLegs = n;
  }

  /** Profit in points (ratio-weighted) at second {@code t}: closed legs at their exits, open legs at their close. */
  double pnlAt(int t) {
    double pnl = realized;
    for (int k = 0; k < legs.length; k++) {
      if (exitSecond[k] < 0) {
        pnl += sign[k] * (series[k].closeAt(t) - entryPrice[k]);
      }
    }
    return pnl;
  }
}
