package in.nfopslab.core.strategy;

import static java.util.Objects.requireNonNull;

/**
 * The size of a stop, target or trailing distance: a percent of the entry premium, or premium
 * points per unit.
 */
public record Level(double value, Unit unit) {
  /** Percent of the entry premium, or premium points. */
  public enum Unit {
    PERCENT,
    POINTS
  }

  public Level {
    requireNonNull(unit, "unit is null");
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException("exit level must be a positive number, got " + value);
    }
  }

  public static Level percent(double pct) {
    return new Level(pct, Unit.PERCENT);
  }

  public static Level points(double points) {
    return new Level(points, Unit.POINTS);
  }

  /** The distance in points for a given entry premium (points per unit). */
  public double distance(double premium) {
    return unit == Unit.PERCENT ? premium * value / 100.0 : value;
  }
}
