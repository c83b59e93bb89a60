package in.nfopslab.core.market;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Objects;

/**
 * Per-second bars of one instrument over one session, indexed by session second (0 = the open).
 * {@code close} is the last trade price in the second, forward-filled, and NaN before the day's
 * first trade; {@code volume} is the summed vol_delta; {@code ticks} the number of rows; {@code oi}
 * the last open interest, forward-filled from 0, or absent when the source has no oi column.
 *
 * <p>Two forms behind the same accessors. <b>Dense</b> ({@link #SecondBars(double[], long[], int[],
 * long[])}): one array entry per second, for series that trade almost every second (spot, futures)
 * and for the cold path. <b>Sparse</b> ({@link #sparse}): only the seconds with trades, as the
 * seconds cache stores an option series (a few hundred to a few thousand rows instead of 22,500
 * seconds); a second without a row reads as the dense form would (close and oi of the last trade
 * before it, volume and ticks 0). Readers that walk a day second by second use a {@link #cursor()},
 * which is O(1) amortised on either form. The arrays are owned by this object and must not be
 * modified after construction.
 */
public final class SecondBars {
  private final int length;
  private final int firstTrade;
  private final boolean hasOi;
  // the dense form (null for a sparse series)
  private final double[] close;
  private final long[] volume;
  private final int[] ticks;
  private final long[] oi;
  // the sparse form, rows [from, to) of the arrays, seconds strictly ascending (null when dense)
  private final int[] rowSecond;
  private final double[] rowClose;
  private final long[] rowVolume;
  private final int[] rowTicks;
  private final long[] rowOi;
  private final int from;
  private final int to;
  private volatile SecondBars
      denseCopy; // of a sparse series, made on the first array accessor call

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
    this.length = n;
    this.firstTrade = first;
    this.hasOi = oi != null;
    this.rowSecond = null;
    this.rowClose = null;
    this.rowVolume = null;
    this.rowTicks = null;
    this.rowOi = null;
    this.from = 0;
    this.to = 0;
  }

  private SecondBars(
      int seconds,
      int[] second,
      double[] close,
      long[] volume,
      int[] ticks,
      long[] oi,
      int from,
      int to) {
    this.length = seconds;
    this.rowSecond = second;
    this.rowClose = close;
    this.rowVolume = volume;
    this.rowTicks = ticks;
    this.rowOi = oi;
    this.from = from;
    this.to = to;
    this.hasOi = oi != null;
    this.firstTrade = from < to ? second[from] : -1;
    this.close = null;
    this.volume = null;
    this.ticks = null;
    this.oi = null;
  }

  /**
   * A series of {@code seconds} seconds from its rows {@code [from, to)} of the given arrays: one
   * row per second with trades, seconds strictly ascending within {@code [0, seconds)}, ticks > 0
   * ({@code oi} null when the source has none). The arrays are shared, not copied (a chain's rows
   * serve all of its series), and must not be modified afterwards.
   *
   * @throws IllegalArgumentException when the rows are not such rows
   */
  public static SecondBars sparse(
      int seconds,
      int[] second,
      double[] close,
      long[] volume,
      int[] ticks,
      long[] oi,
      int from,
      int to) {
    requireNonNull(second, "second is null");
    requireNonNull(close, "close is null");
    requireNonNull(volume, "volume is null");
    requireNonNull(ticks, "ticks is null");
    if (seconds < 0 || from < 0 || from > to) {
      throw new IllegalArgumentException(
          "bad sparse bounds: " + seconds + " seconds, rows " + from + ".." + to);
    }
    if (second.length < to
        || close.length < to
        || volume.length < to
        || ticks.length < to
        || (oi != null && oi.length < to)) {
      throw new IllegalArgumentException("sparse bar arrays are shorter than row " + to);
    }
    int prev = -1;
    for (int i = from; i < to; i++) {
      int s = second[i];
      if (s <= prev || s >= seconds || ticks[i] <= 0) {
        throw new IllegalArgumentException(
            "sparse row "
                + i
                + " (second "
                + s
                + ", ticks "
                + ticks[i]
                + ") is not a trade second after "
                + prev
                + " within "
                + seconds
                + " seconds");
      }
      prev = s;
    }
    return new SecondBars(seconds, second, close, volume, ticks, oi, from, to);
  }

  public int length() {
    return length;
  }

  /** True when only the seconds with trades are held (see the class comment). */
  public boolean isSparse() {
    return rowSecond != null;
  }

  /** Seconds with trades in the day. */
  public int tradeSeconds() {
    if (rowSecond != null) {
      return to - from;
    }
    int n = 0;
    for (int t : ticks) {
      if (t > 0) {
        n++;
      }
    }
    return n;
  }

  public double close(int second) {
    if (close != null) {
      return close[second];
    }
    int r = rowAtOrBefore(Objects.checkIndex(second, length));
    return r < from ? Double.NaN : rowClose[r];
  }

  public long volume(int second) {
    if (volume != null) {
      return volume[second];
    }
    int r = rowAtOrBefore(Objects.checkIndex(second, length));
    return r >= from && rowSecond[r] == second ? rowVolume[r] : 0L;
  }

  public int ticks(int second) {
    if (ticks != null) {
      return ticks[second];
    }
    int r = rowAtOrBefore(Objects.checkIndex(second, length));
    return r >= from && rowSecond[r] == second ? rowTicks[r] : 0;
  }

  public boolean hasOi() {
    return hasOi;
  }

  public long oi(int second) {
    if (close != null) {
      return oi == null ? 0L : oi[second];
    }
    int r = rowAtOrBefore(Objects.checkIndex(second, length));
    return rowOi == null || r < from ? 0L : rowOi[r];
  }

  /** Index of the first second with a trade, or -1 when the day has none. */
  public int firstTrade() {
    return firstTrade;
  }

  /** Index of the last second at or before {@code second} that had a trade, or -1. */
  public int lastTradeAtOrBefore(int second) {
    if (ticks != null) {
      for (int i = Math.min(second, ticks.length - 1); i >= 0; i--) {
        if (ticks[i] > 0) {
          return i;
        }
      }
      return -1;
    }
    int r = rowAtOrBefore(second);
    return r < from ? -1 : rowSecond[r];
  }

  /**
   * The dense arrays, for bulk readers (writers of the cache, tests, benchmarks); do not modify. A
   * sparse series builds them on the first call of any of the four (22,500 seconds of four arrays:
   * what the engine's {@link #cursor()} avoids).
   */
  public double[] closeArray() {
    return dense().close;
  }

  public long[] volumeArray() {
    return dense().volume;
  }

  public int[] ticksArray() {
    return dense().ticks;
  }

  public long[] oiArray() {
    return dense().oi;
  }

  /** A reader for one thread, fast when reads mostly move forward in time (see {@link Cursor}). */
  public Cursor cursor() {
    return rowSecond == null ? new DenseCursor(this) : new SparseCursor(this);
  }

  private SecondBars dense() {
    if (close != null) {
      return this;
    }
    SecondBars d = denseCopy;
    if (d == null) {
      d = densify();
      denseCopy = d;
    }
    return d;
  }

  /** The dense form of a sparse series: close and oi forward-filled like {@code BarBuilder}. */
  private SecondBars densify() {
    double[] c = new double[length];
    long[] v = new long[length];
    int[] n = new int[length];
    long[] o = rowOi == null ? null : new long[length];
    double last = Double.NaN;
    long lastOi = 0L;
    int s = 0;
    for (int r = from; r < to; r++) {
      int at = rowSecond[r];
      Arrays.fill(c, s, at, last);
      if (o != null) {
        Arrays.fill(o, s, at, lastOi);
      }
      last = rowClose[r];
      c[at] = last;
      v[at] = rowVolume[r];
      n[at] = rowTicks[r];
      if (o != null) {
        lastOi = rowOi[r];
        o[at] = lastOi;
      }
      s = at + 1;
    }
    Arrays.fill(c, s, length, last);
    if (o != null) {
      Arrays.fill(o, s, length, lastOi);
    }
    return new SecondBars(c, v, n, o);
  }

  /** The last row whose second is <= {@code second}, or {@code from - 1}: a binary search. */
  private int rowAtOrBefore(int second) {
    return search(rowSecond, from, to - 1, second, from - 1);
  }

  /**
   * The last index in {@code [lo, hi]} of ascending {@code a} whose value is <= {@code key}, or
   * {@code none} when there is none.
   */
  private static int search(int[] a, int lo, int hi, int key, int none) {
    int found = none;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= key) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /**
   * A reader of one series for one thread, with the range reads the engine's views need. On a
   * sparse series it remembers the row of the latest second read and the seconds that row covers,
   * so a day read second by second costs O(1) per read (two comparisons while no new trade comes;
   * each row is passed once); a read of an earlier second is a binary search and leaves the
   * position where it was. Same values as the {@link SecondBars} accessors, and the same index
   * errors.
   */
  public abstract static class Cursor {
    Cursor() {}

    public abstract double close(int second);

    public abstract long volume(int second);

    public abstract int ticks(int second);

    public abstract long oi(int second);

    /** The last second at or before {@code second} with a trade, or -1. */
    public abstract int lastTradeAtOrBefore(int second);

    /** True when a trade happened in one of the {@code maxAge} + 1 seconds ending at second. */
    public abstract boolean tradedWithin(int second, int maxAge);

    /**
     * Highest close over {@code [max(0, from), to]}, NaN closes skipped (NaN if all are NaN or the
     * range is empty).
     */
    public abstract double highestClose(int from, int to);

    /** As {@link #highestClose}, the lowest. */
    public abstract double lowestClose(int from, int to);

    /** Volume summed over {@code [max(0, from), to]}. */
    public abstract long volumeSum(int from, int to);
  }

  private static final class DenseCursor extends Cursor {
    private final double[] close;
    private final long[] volume;
    private final int[] ticks;
    private final long[] oi;

    DenseCursor(SecondBars b) {
      close = b.close;
      volume = b.volume;
      ticks = b.ticks;
      oi = b.oi;
    }

    @Override
    public double close(int second) {
      return close[second];
    }

    @Override
    public long volume(int second) {
      return volume[second];
    }

    @Override
    public int ticks(int second) {
      return ticks[second];
    }

    @Override
    public long oi(int second) {
      return oi == null ? 0L : oi[second];
    }

    @Override
    public int lastTradeAtOrBefore(int second) {
      for (int s = second; s >= 0; s--) {
        if (ticks[s] > 0) {
          return s;
        }
      }
      return -1;
    }

    @Override
    public boolean tradedWithin(int second, int maxAge) {
      int stop = Math.max(0, second - maxAge);
      for (int s = second; s >= stop; s--) {
        if (ticks[s] > 0) {
          return true;
        }
      }
      return false;
    }

    @Override
    public double highestClose(int from, int to) {
      double best = Double.NaN;
      for (int s = Math.max(0, from); s <= to; s++) {
        double c = close[s];
        if (c > best || (best != best && c == c)) {
          best = c;
        }
      }
      return best;
    }

    @Override
    public double lowestClose(int from, int to) {
      double best = Double.NaN;
      for (int s = Math.max(0, from); s <= to; s++) {
        double c = close[s];
        if (c < best || (best != best && c == c)) {
          best = c;
        }
      }
      return best;
    }

    @Override
    public long volumeSum(int from, int to) {
      long sum = 0;
      for (int s = Math.max(0, from); s <= to; s++) {
        sum += volume[s];
      }
      return sum;
    }
  }

  /**
   * The sparse form's reader. Every range read visits the value at its first second and then the
   * rows inside the range in second order: the dense loop visits the same values in the same order,
   * each repeated over the seconds it is carried, and repeats change neither a max, a min nor
   * (being zero volume) a sum, so results are identical to the last bit.
   */
  private static final class SparseCursor extends Cursor {
    private final int length;
    private final int[] second;
    private final double[] close;
    private final long[] volume;
    private final int[] ticks;
    private final long[] oi;
    private final int first; // the first row
    private final int last; // the last row
    private int row; // the row of the latest second read forward, or first - 1 before any
    private int lo = Integer.MIN_VALUE; // that row's second: reads from lo ...
    private int hi; // ... to before the next row's second (MAX_VALUE after the last) are that row

    SparseCursor(SecondBars b) {
      length = b.length;
      second = b.rowSecond;
      close = b.rowClose;
      volume = b.rowVolume;
      ticks = b.rowTicks;
      oi = b.rowOi;
      first = b.from;
      last = b.to - 1;
      row = first - 1;
      hi = first <= last ? second[first] : Integer.MAX_VALUE;
    }

    /** The last row whose second is <= s, or first - 1. */
    private int rowAt(int s) {
      if (s >= lo) {
        if (s < hi) {
          return row; // most reads: the same second again, or a second without a trade
        }
        int r = row + 1; // second[r] == hi <= s
        while (r < last && second[r + 1] <= s) {
          r++;
        }
        row = r;
        lo = second[r];
        hi = r < last ? second[r + 1] : Integer.MAX_VALUE;
        return r;
      }
      return rowBefore(row, s); // a look-back: the cursor stays
    }

    /**
     * The last row whose second is <= s, or first - 1, given that row {@code r}'s second is > s:
     * galloping back from r (1, 2, 4 ... rows), then a binary search inside the bracket found, so a
     * read a few trades back (a short look-back) costs a few comparisons, and any other a log.
     */
    private int rowBefore(int r, int s) {
      int high = r - 1; // every row after high is after s
      int step = 1;
      int low = high;
      while (low >= first && second[low] > s) {
        high = low - 1;
        low -= step;
        step <<= 1;
      }
      if (low < first) {
        return search(second, first, high, s, first - 1);
      }
      return search(second, low, high, s, low); // second[low] <= s
    }

    /**
     * The first row of a range read {@code [f, ...]} ending at row {@code end}: the rows of a range
     * are walked back from its end (the range read visits them anyway), so no search is needed.
     */
    private int firstRowFrom(int end, int f) {
      int r = end;
      while (r >= first && second[r] >= f) {
        r--;
      }
      return r + 1;
    }

    @Override
    public double close(int s) {
      int r = rowAt(Objects.checkIndex(s, length));
      return r < first ? Double.NaN : close[r];
    }

    @Override
    public long volume(int s) {
      int r = rowAt(Objects.checkIndex(s, length));
      return r >= first && second[r] == s ? volume[r] : 0L;
    }

    @Override
    public int ticks(int s) {
      int r = rowAt(Objects.checkIndex(s, length));
      return r >= first && second[r] == s ? ticks[r] : 0;
    }

    @Override
    public long oi(int s) {
      int r = rowAt(Objects.checkIndex(s, length));
      return oi == null || r < first ? 0L : oi[r];
    }

    @Override
    public int lastTradeAtOrBefore(int s) {
      if (s < 0) {
        return -1;
      }
      int r = rowAt(Objects.checkIndex(s, length));
      return r < first ? -1 : second[r];
    }

    @Override
    public boolean tradedWithin(int s, int maxAge) {
      int r = rowAt(Objects.checkIndex(s, length));
      return r >= first && second[r] >= Math.max(0, s - maxAge);
    }

    @Override
    public double highestClose(int from, int to) {
      return extremeClose(from, to, true);
    }

    @Override
    public double lowestClose(int from, int to) {
      return extremeClose(from, to, false);
    }

    /** The highest (or lowest) forward-filled close over [from, to], NaN seconds skipped. */
    private double extremeClose(int from, int to, boolean highest) {
      int f = Math.max(0, from);
      if (f > to) {
        return Double.NaN;
      }
      int end = rowAt(Objects.checkIndex(to, length));
      int start = firstRowFrom(end, f + 1) - 1; // the row at or before f (its close is f's)
      double best = start < first ? Double.NaN : close[start];
      for (int r = start + 1; r <= end; r++) {
        double c = close[r];
        if ((highest ? c > best : c < best) || (best != best && c == c)) {
          best = c;
        }
      }
      return best;
    }

    @Override
    public long volumeSum(int from, int to) {
      int f = Math.max(0, from);
      if (f > to) {
        return 0L;
      }
      int end = rowAt(Objects.checkIndex(to, length));
      int start = firstRowFrom(end, f);
      long sum = 0;
      for (int r = start; r <= end; r++) {
        sum += volume[r];
      }
      return sum;
    }
  }
}
