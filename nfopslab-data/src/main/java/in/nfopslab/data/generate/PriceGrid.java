package in.nfopslab.data.generate;

/** Prices on the exchange's 0.05 tick, handled as whole ticks so that rounding happens once. */
final class PriceGrid {
  static final double TICK = 0.05;
  static final double TICKS_PER_POINT = 20;

  private PriceGrid() {}

  /** Nearest whole tick of a price, at least one tick (the exchange's 0.05 floor). */
  static long ticks(double price) {
    return Math.max(1, Math.round(price * TICKS_PER_POINT));
  }

  static double price(long ticks) {
    return ticks / TICKS_PER_POINT;
  }
}
