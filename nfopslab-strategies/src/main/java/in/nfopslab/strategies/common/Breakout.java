package in.nfopslab.strategies.common;

/**
 * Which side of a range a price is on: strictly above the high ({@code UP}), strictly below the low
 * ({@code DOWN}), or not outside it ({@code NONE}, also for NaN).
 */
public enum Breakout {
  UP,
  DOWN,
  NONE;

  public static Breakout of(double price, PriceRange range) {
    if (price > range.high()) {
      return UP;
    }
    if (price < range.low()) {
      return DOWN;
    }
    return NONE;
  }

  /**
   * True when, after a breakout this way, the price is back inside the range by more than half its
   * width: below high - width/2 after an up breakout, above low + width/2 after a down one.
   */
  public boolean backInsideByHalf(double price, PriceRange range) {
    double half = range.width() / 2;
    switch (this) {
      case UP:
        return price < range.high() - half;
      case DOWN:
        return price > range.low() + half;
      default:
        return false;
    }
  }
}
