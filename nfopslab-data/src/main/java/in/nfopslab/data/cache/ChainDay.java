package in.nfopslab.data.cache;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.market.SecondBars;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The per-second bars of every CE and PE series of one expiry on one day, kept sparse (only seconds
 * with trades) the way the cache stores them; a series is served as a sparse {@link SecondBars}
 * over its rows, never spread over the session's seconds. Rows are sorted by (type, strike,
 * second); {@code ranges} maps a series key to its rows.
 */
public final class ChainDay {
  private final int seconds;
  private final int[] type; // 0 = CE, 1 = PE
  private final int[] strike;
  private final int[] second;
  private final double[] close;
  private final long[] volume;
  private final int[] ticks;
  private final long[] oi; // null when no series has oi
  private final Map<Long, int[]> ranges = new HashMap<>();
  private final Map<Long, SecondBars> series = new HashMap<>();
  private final NavigableSet<Integer> ceStrikes = new TreeSet<>();
  private final NavigableSet<Integer> peStrikes = new TreeSet<>();

  ChainDay(
      int seconds,
      int[] type,
      int[] strike,
      int[] second,
      double[] close,
      long[] volume,
      int[] ticks,
      long[] oi,
      Iterable<long[]> listedSeries) {
    this.seconds = seconds;
    this.type = requireNonNull(type, "type is null");
    this.strike = strike;
    this.second = second;
    this.close = close;
    this.volume = volume;
    this.ticks = ticks;
    this.oi = oi;
    int n = type.length;
    int start = 0;
    for (int i = 1; i <= n; i++) {
      if (i == n || type[i] != type[start] || strike[i] != strike[start]) {
        ranges.put(key(type[start], strike[start]), new int[] {start, i});
        start = i;
      }
    }
    for (long[] s : listedSeries) {
      (s[0] == 0 ? ceStrikes : peStrikes).add((int) s[1]);
    }
  }

  static long key(int type, int strike) {
    return ((long) type << 32) | (strike & 0xFFFFFFFFL);
  }

  /** Strikes that have a file for this type (traded today or not). */
  public NavigableSet<Integer> strikes(OptionType t) {
    return t == OptionType.CE ? ceStrikes : peStrikes;
  }

  public int rows() {
    return type.length;
  }

  /**
   * What the chain holds, summed over its bars (seconds with trades): ticks, volume, closes in
   * paise (each rounded, so the sum does not depend on summation order) and open interest. Lets a
   * check or a benchmark compare chains built different ways, or with another engine's bars,
   * without comparing every bar.
   */
  public record Totals(long bars, long ticks, long volume, long closePaise, long oi) {}

  public Totals totals() {
    long n = 0;
    long v = 0;
    long c = 0;
    long o = 0;
    for (int i = 0; i < type.length; i++) {
      n += ticks[i];
      v += volume[i];
      c += Math.round(close[i] * 100);
      if (oi != null) {
        o += oi[i];
      }
    }
    return new Totals(type.length, n, v, c, o);
  }

  /**
   * The bars of one series, or null when it has no trade today: sparse, over this chain's rows (no
   * copy), read like dense bars through {@link SecondBars}' accessors and cursor.
   */
  public synchronized SecondBars bars(OptionType t, int k) {
    long key = key(t.ordinal(), k);
    SecondBars b = series.get(key);
    if (b != null) {
      return b;
    }
    int[] r = ranges.get(key);
    if (r == null) {
      return null;
    }
    b = SecondBars.sparse(seconds, second, close, volume, ticks, oi, r[0], r[1]);
    series.put(key, b);
    return b;
  }

  int seconds() {
    return seconds;
  }

  /** Rows {@code [from, to)} of each series with trades, by {@link #key}. */
  Map<Long, int[]> seriesRows() {
    return ranges;
  }

  int[] typeArray() {
    return type;
  }

  int[] strikeArray() {
    return strike;
  }

  int[] secondArray() {
    return second;
  }

  double[] closeArray() {
    return close;
  }

  long[] volumeArray() {
    return volume;
  }

  int[] ticksArray() {
    return ticks;
  }

  long[] oiArray() {
    return oi;
  }
}
