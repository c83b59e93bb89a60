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
 * Aggregates one file's ticks of one day into per-second bars over the session: close = last price
 * in the second (rows ordered by timestamp, then file order), forward-filled and NaN before the
 * day's first trade; volume = sum of vol_delta; ticks = rows in the second; oi = last value,
 * forward-filled. Exact duplicate rows (same timestamp, close, vol_delta and oi) count once. Rows
 * outside the session are ignored.
 *
 * <p>The work is one pass over primitive arrays (plus a sort when rows are out of order); nothing
 * is allocated per row.
 */
public final class BarBuilder {
  private static final int INDEX_BITS = 18;
  private static final int MAX_PACKED_ROWS = 1 << INDEX_BITS;

  private BarBuilder() {}

  /**
   * Receives the seconds of one series that had trades, in ascending order (see {@link #sparse}).
   */
  @FunctionalInterface
  public interface Sink {
    /**
     * @param second session second index
     * @param oi the last open interest at or before this second (0 before the first, and without an
     *     oi column)
     */
    void bar(int second, double close, long volume, int ticks, long oi);
  }

  public static SecondBars build(Session session, TickBatch batch, List<DataWarning> warnings) {
    final int n = batch.rows();
    long[] ts = new long[n];
    double[] close = new double[n];
    long[] volume = new long[n];
    BigIntVector tsV = batch.ts();
    Float8Vector closeV = batch.price();
    BigIntVector volV = batch.volume();
    for (int i = 0; i < n; i++) {
      ts[i] = tsV.get(i);
      close[i] = closeV.get(i);
      volume[i] = volV.get(i);
    }
    long[] oi = null;
    boolean[] oiNull = null;
    BigIntVector oiV = batch.oi();
    if (oiV != null) {
      oi = new long[n];
      oiNull = new boolean[n];
      for (int i = 0; i < n; i++) {
        oiNull[i] = oiV.isNull(i);
        oi[i] = oiNull[i] ? 0L : oiV.get(i);
      }
    }
    return build(
        session,
        new TickColumns(
            batch.file(),
            n,
            ts,
            close,
            volume,
            oi,
            oiNull,
            null,
            null,
            null,
            List.of(),
            batch.timeEncoding(),
            batch.decodedRows()),
        warnings);
  }

  static SecondBars build(Session session, TickColumns cols, List<DataWarning> warnings) {
    // the seconds with trades, as the cache gets them, then spread over the session and
    // forward-filled
    final int seconds = session.seconds();
    final double[] close = new double[seconds];
    final long[] volume = new long[seconds];
    final int[] ticks = new int[seconds];
    final long[] oi = cols.oi == null ? null : new long[seconds];
    sparse(
        session,
        cols,
        warnings,
        (s, c, v, count, o) -> {
          close[s] = c;
          volume[s] = v;
          ticks[s] = count;
          if (oi != null) {
            oi[s] = o;
          }
        });
    double last = Double.NaN;
    long lastOi = 0L;
    for (int s = 0; s < seconds; s++) {
      if (ticks[s] > 0) {
        last = close[s];
        if (oi != null) {
          lastOi = oi[s];
        }
      } else {
        close[s] = last;
        if (oi != null) {
          oi[s] = lastOi;
        }
      }
    }
    return new SecondBars(close, volume, ticks, oi);
  }

  /**
   * The same bars as {@link #build} for the seconds that had trades only, handed to {@code sink} in
   * second order without building the dense session arrays: what the seconds cache stores. A
   * chain's far strikes trade a few hundred times a day, so filling and scanning 22,501 seconds per
   * series would cost more than their rows.
   */
  static void sparse(Session session, TickColumns cols, List<DataWarning> warnings, Sink sink) {
    sparse(session, cols, 0, cols.rows, warnings, sink);
  }

  /**
   * As {@link #sparse(Session, TickColumns, List, Sink)} over rows {@code [lo, hi)} of {@code cols}
   * only.
   */
  static void sparse(
      Session session, TickColumns cols, int lo, int hi, List<DataWarning> warnings, Sink sink) {
    final int seconds = session.seconds();
    final long openNanos = session.openEpochSecond() * Ist.NANOS_PER_SECOND;
    final long endNanos = openNanos + seconds * Ist.NANOS_PER_SECOND;
    final long[] tsA = cols.ts;
    final double[] closeA = cols.close;
    final long[] volA = cols.volume;
    final long[] oiA = cols.oi;
    final boolean[] oiNullA = cols.oiNull;

    int outOfOrder = 0;
    for (int i = lo + 1; i < hi; i++) {
      if (tsA[i] < tsA[i - 1]) {
        outOfOrder++;
      }
    }
    final int[] order = outOfOrder == 0 ? null : sortedOrder(tsA, lo, hi, openNanos);

    long duplicates = 0;
    long runTs = Long.MIN_VALUE;
    int runStart = 0;
    int sec = -1;
    double secClose = Double.NaN;
    long secVolume = 0;
    int secTicks = 0;
    long lastOi = 0L;
    final int base = order == null ? lo : 0;
    final int m = hi - lo;
    for (int k = base; k < base + m; k++) {
      final int i = order == null ? k : order[k];
      final long t = tsA[i];
      if (t < openNanos || t >= endNanos) {
        continue;
      }
      final double c = closeA[i];
      final long v = volA[i];
      final boolean hasOi = oiA != null && !oiNullA[i];
      final long o = hasOi ? oiA[i] : 0L;
      if (t == runTs) {
        if (isDuplicate(order, runStart, k, cols, c, v, hasOi, o)) {
          duplicates++;
          continue;
        }
      } else {
        runTs = t;
        runStart = k;
      }
      final int s = (int) ((t - openNanos) / Ist.NANOS_PER_SECOND);
      if (s != sec) {
        if (secTicks > 0) {
          sink.bar(sec, secClose, secVolume, secTicks, lastOi);
        }
        sec = s;
        secVolume = 0;
        secTicks = 0;
      }
      secTicks++;
      secVolume += v;
      secClose = c;
      if (hasOi) {
        lastOi = o;
      }
    }
    if (secTicks > 0) {
      sink.bar(sec, secClose, secVolume, secTicks, lastOi);
    }
    if (outOfOrder > 0) {
      warnings.add(
          new DataWarning(
              cols.file,
              Kind.OUT_OF_ORDER,
              outOfOrder,
              outOfOrder + " rows out of timestamp order: sorted (file order breaks ties)"));
    }
    if (duplicates > 0) {
      warnings.add(
          new DataWarning(
              cols.file,
              Kind.DUPLICATE_ROWS,
              duplicates,
              duplicates + " exact duplicate rows counted once"));
    }
  }

  /**
   * Row positions k in [runStart, k) share the timestamp; is row k equal to one of them in every
   * column?
   */
  private static boolean isDuplicate(
      int[] order, int runStart, int k, TickColumns cols, double c, long v, boolean hasOi, long o) {
    for (int p = runStart; p < k; p++) {
      int j = order == null ? p : order[p];
      if (Double.compare(cols.close[j], c) == 0 && cols.volume[j] == v) {
        boolean jHasOi = cols.oi != null && !cols.oiNull[j];
        if (jHasOi == hasOi && (!hasOi || cols.oi[j] == o)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Stable order of rows {@code [lo, hi)} by timestamp, as row indexes. Rows are packed as
   * (timestamp - open) << 18 | (row - lo) so one primitive sort does it; rows outside the session
   * sort to the ends and are skipped by the caller.
   */
  static int[] sortedOrder(long[] ts, int lo, int hi, long openNanos) {
    final int n = hi - lo;
    int[] order = new int[n];
    if (n <= MAX_PACKED_ROWS) {
      long[] keys = new long[n];
      long maxOffset = (1L << (63 - INDEX_BITS)) - 1;
      for (int i = 0; i < n; i++) {
        long off = ts[lo + i] - openNanos;
        off = off < 0 ? 0 : Math.min(off, maxOffset);
        keys[i] = (off << INDEX_BITS) | i;
      }
      Arrays.sort(keys);
      for (int i = 0; i < n; i++) {
        order[i] = lo + (int) (keys[i] & (MAX_PACKED_ROWS - 1));
      }
      return order;
    }
    Integer[] boxed = new Integer[n];
    for (int i = 0; i < n; i++) {
      boxed[i] = lo + i;
    }
    Arrays.sort(boxed, (a, b) -> Long.compare(ts[a], ts[b]));
    for (int i = 0; i < n; i++) {
      order[i] = boxed[i];
    }
    return order;
  }
}
