package in.nfopslab.core.strategy;

/**
 * Per-second bars of one instrument as a strategy may see them: only seconds at or before the
 * current second. Seconds are session indices (0 = the open). Every accessor checks its index
 * against now and throws {@link LookAheadException} for a later second, so no view ever shows the
 * future. {@code close} is the last trade price, forward-filled, NaN before the day's first trade.
 * A view stays valid for the day it was obtained on and throws when used on another day.
 */
public interface BarView {
  /** The current second of the view's clock. */
  int now();

  /** Close at the current second (NaN before the first trade). */
  double close();

  /** Close at {@code second} <= now. */
  double close(int second);

  /** Close {@code lag} >= 0 seconds ago (NaN before the open). */
  double closeAgo(int lag);

  /** Summed traded volume in {@code second} <= now. */
  long volume(int second);

  /** Number of trades (ticks) in {@code second} <= now. */
  int ticks(int second);

  boolean hasOi();

  /** Last open interest at {@code second} <= now (0 without an oi column). */
  long oi(int second);

  /** The last second at or before now with a trade, or -1. */
  int lastTrade();

  /** Highest non-NaN close over [from, to], both inclusive, to <= now; NaN when there is none. */
  double highestClose(int from, int to);

  /** Lowest non-NaN close over [from, to], both inclusive, to <= now; NaN when there is none. */
  double lowestClose(int from, int to);

  /** Volume over [from, to], both inclusive, to <= now (seconds before the open count as zero). */
  long volumeSum(int from, int to);

  /** Volume over the last {@code n} seconds ending at now, now included. */
  long volumeLast(int n);
}
