package in.nfopslab.data.read;

import in.nfopslab.core.calendar.Session;
import in.nfopslab.core.market.SecondBars;
import in.nfopslab.core.time.Ist;
import in.nfopslab.data.read.DataWarning.Kind;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;

/**
 * Aggregates one file's ticks of one day into per-second bars over the session: close = last price in the second
 * (rows ordered by timestamp, then file order), forward-filled and NaN before the day's first trade; volume = sum
 * of vol_delta; ticks = rows in the second; oi = last value, forward-filled. Exact duplicate rows (same timestamp,
 * close, vol_delta and oi) count once. Rows outside the session are ignored.
 */
public final class BarBuilder {
  private static final int INDEX_BITS = 18;
  private static final int MAX_PACKED_ROWS = 1 << INDEX_BITS;

  private BarBuilder() {}

  public static SecondBars build(Session session, TickBatch batch, List<DataWarning> warnings) {
    final int seconds = session.seconds();
    final long openNanos = session.openEpochSecond() * Ist.NANOS_PER_SECOND;
    final long endNanos = openNanos + seconds * Ist.NANOS_PER_SECOND;
    final BigIntVector tsV = batch.ts();
    final Float8Vector closeV = batch.price();
    final BigIntVector volV = batch.volume();
    final BigIntVector oiV = batch.oi();
    final int n = batch.rows();

    double[] close = new double[seconds];
    long[] volume = new long[seconds];
    int[] ticks = new int[seconds];
    long[] oi = oiV == null ? null : new long[seconds];
    boolean[] oiSet = oiV == null ? null : new boolean[seconds];

    int outOfOrder = 0;
    for (int i = 1; i < n; i++) {
      if (tsV.get(i) < tsV.get(i - 1)) {
        outOfOrder++;
      }
    }
    int[] order = outOfOrder == 0 ? null : sortedOrder(tsV, n, openNanos);

    long duplicates = 0;
    long runTs = Long.MIN_VALUE;
    int runStart = 0;
    for (int k = 0; k < n; k++) {
      final int i = order == null ? k : order[k];
      final long t = tsV.get(i);
      if (t < openNanos || t >= endNanos) {
        continue;
      }
      final double c = closeV.get(i);
      final long v = volV.get(i);
      final boolean hasOi = oiV != null && !oiV.isNull(i);
      final long o = hasOi ? oiV.get(i) : 0L;
      if (t == runTs) {
        if (isDuplicate(order, runStart, k, tsV, closeV, volV, oiV, c, v, hasOi, o)) {
          duplicates++;
          continue;
        }
      } else {
        runTs = t;
        runStart = k;
      }
      final int s = (int) ((t - openNanos) / Ist.NANOS_PER_SECOND);
      ticks[s]++;
      volume[s] += v;
      close[s] = c;
      if (hasOi) {
        oi[s] = o;
        oiSet[s] = true;
      }
    }

    double last = Double.NaN;
    long lastOi = 0L;
    for (int s = 0; s < seconds; s++) {
      if (ticks[s] > 0) {
        last = close[s];
      } else {
        close[s] = last;
      }
      if (oi != null) {
        if (oiSet[s]) {
          lastOi = oi[s];
        } else {
          oi[s] = lastOi;
        }
      }
    }
    if (outOfOrder > 0) {
      warnings.add(new DataWarning(batch.file(), Kind.OUT_OF_ORDER, outOfOrder,
          outOfOrder + " rows out of timestamp order: sorted (file order breaks ties)"));
    }
    if (duplicates > 0) {
      warnings.add(new DataWarning(batch.file(), Kind.DUPLICATE_ROWS, duplicates,
          duplicates + " exact duplicate rows counted once"));
    }
    return new SecondBars(close, volume, ticks, oi);
  }

  /** Row positions k in [runStart, k) share the timestamp; is row k equal to one of them in every column? */
  private static boolean isDuplicate(int[] order, int runStart, int k, BigIntVector tsV, Float8Vector closeV,
      BigIntVector volV, BigIntVector oiV, double c, long v, boolean hasOi, long o) {
    for (int p = runStart; p < k; p++) {
      int j = order == null ? p : order[p];
      if (Double.compare(closeV.get(j), c) == 0 && volV.get(j) == v) {
        boolean jHasOi = oiV != null && !oiV.isNull(j);
        if (jHasOi == hasOi && (!hasOi || oiV.get(j) == o)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Stable order of rows by timestamp. Rows are packed as (timestamp - open) << 18 | row so one primitive sort
   * does it; rows outside the session sort to the ends and are skipped by the caller.
   */
  static int[] sortedOrder(BigIntVector ts, int n, long openNanos) {
    int[] order = new int[n];
    if (n <= MAX_PACKED_ROWS) {
      long[] keys = new long[n];
      long maxOffset = (1L << (63 - INDEX_BITS)) - 1;
      for (int i = 0; i < n; i++) {
        long off = ts.get(i) - openNanos;
        off = off < 0 ? 0 : Math.min(off, maxOffset);
        keys[i] = (off << INDEX_BITS) | i;
      }
      Arrays.sort(keys);
      for (int i = 0; i < n; i++) {
        order[i] = (int) (keys[i] & (MAX_PACKED_ROWS - 1));
      }
      return order;
    }
    Integer[] boxed = new Integer[n];
    for (int i = 0; i < n; i++) {
      boxed[i] = i;
    }
    Arrays.sort(boxed, (a, b) -> Long.compare(ts.get(a), ts.get(b)));
    for (int i = 0; i < n; i++) {
      order[i] = boxed[i];
    }
    return order;
  }
}
