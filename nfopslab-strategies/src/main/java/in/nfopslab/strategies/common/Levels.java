package in.nfopslab.strategies.common;

import in.nfopslab.core.strategy.Level;

/** Exit levels from parameters, where 0 turns the exit off (so a sweep can switch one off). */
public final class Levels {
  private Levels() {}

  /** {@code pct} percent of the entry premium, or null (off) for 0. */
  public static Level percent(double pct) {
    return pct == 0 ? null : Level.percent(pct);
  }

  /** {@code points} premium points per unit, or null (off) for 0. */
  public static Level points(double points) {
    return points == 0 ? null : Level.points(points);
  }
}
