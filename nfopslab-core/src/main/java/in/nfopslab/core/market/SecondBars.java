package in.nfopslab.core.market;

import static java.util.Objects.requireNonNull;

/**
 * Per-second bars of one instrument over one session, indexed by session second (0 = the open).
 * {@code close} is the last trade price in the second, forward-filled, and NaN before the day's
 * first trade; {@code volume} is the summed vol_delta; {@code ticks} the number of rows; {@code oi}
 * the last open interest, or null when the source has no oi column. The arrays are owned by this
 * object and must not be modified after construction.
 */
public final class SecondBars {
  private final double[] close;
  private final long[] volume;
  private final int[] ticks;
  private final long[] oi;
  private final int firstTrade;

  public SecondBars(double[] close, long[] volume, int[] ticks, long[] oi) {
    this.close = requireNonNull(close, "close is null");
    this.volume = requireNonNull(volume, "volume is null");
    this.ticks = requireNonNull(ticks, "ticks is null");
    this.oi = oi;
    int n = close.length;
    if (volume.length != n || ticks.length != n || (oi != null && oi.length != n)) {
      throw new IllegalArgumentException("bar arrays differ in length");
    }
    int first = -1;
    for (int i = 0; i < n; i++) {
      if (ticks[i] > 0) {
        first = i;
        break;
      }
    }
    this.firstTrade = first;
  }

  public int length() {
    return close.length;
  }

  public double close(int second) {
    return close[second];
  }

  public long volume(int second) {
    return volume[second];
  }

  public int ticks(int second) {
    return ticks[second];
  }

  public boolean hasOi() {
    return oi != null;
  }

  public long oi(int second) {
    return oi == null ? 0L : oi[second];
  }

  /** Index of the first second with a trade, or -1 when the day has none. */
  public int firstTrade() {
    return firstTrade;
  }

  /** Index of the last second at or before {@code second} that had a trade, or -1. */
  public int lastTradeAtOrBefore(int second) {
    for (int i = Math.min(second, ticks.length - 1); i >= 0; i--) {
      if (ticks[i] > 0) {
        return i;
      }
    }
    return -1;
  }

  /** Direct access for bulk readers (writers of the cache, tests); do not modify. */
  public double[] closeArray() {
    return close;
  }

  public long[] volumeArray() {
    return volume;
  }

  public int[] ticksArray() {
    return ticks;
  }

  public long[] oiArray() {
    return oi;
  }
}
