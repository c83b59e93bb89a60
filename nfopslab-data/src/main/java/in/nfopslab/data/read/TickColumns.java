package in.nfopslab.data.read;

import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;

/**
 * The ticks of one file inside one time window as plain arrays, in file order: what {@link
 * TickReader} decodes and {@link BarBuilder} aggregates without copying, and what {@link TickBatch}
 * wraps in Arrow vectors for callers that want those. Arrays may be longer than {@link #rows}; only
 * {@code [0, rows)} is meaningful. {@code oi} and {@code oiNull} are null when the file has no oi
 * column; {@code open/high/low} when OHLC was not asked for.
 */
final class TickColumns {
  final Path file;
  final int rows;
  final long[] ts;
  final double[] close;
  final long[] volume;
  final long[] oi;
  final boolean[] oiNull;
  final double[] open;
  final double[] high;
  final double[] low;
  final List<DataWarning> warnings;
  final String timeEncoding;
  final long decodedRows;

  TickColumns(
      Path file,
      int rows,
      long[] ts,
      double[] close,
      long[] volume,
      long[] oi,
      boolean[] oiNull,
      double[] open,
      double[] high,
      double[] low,
      List<DataWarning> warnings,
      String timeEncoding,
      long decodedRows) {
    this.file = file;
    this.rows = rows;
    this.ts = ts;
    this.close = close;
    this.volume = volume;
    this.oi = oi;
    this.oiNull = oiNull;
    this.open = open;
    this.high = high;
    this.low = low;
    this.warnings = List.copyOf(warnings);
    this.timeEncoding = timeEncoding;
    this.decodedRows = decodedRows;
  }

  /**
   * The rows with {@code fromNanos <= ts < toNanos}, in file order, as new arrays (OHLC left out).
   */
  TickColumns select(long fromNanos, long toNanos) {
    int m = 0;
    for (int i = 0; i < rows; i++) {
      if (ts[i] >= fromNanos && ts[i] < toNanos) {
        m++;
      }
    }
    long[] t = new long[m];
    double[] c = new double[m];
    long[] v = new long[m];
    long[] o = oi == null ? null : new long[m];
    boolean[] on = oi == null ? null : new boolean[m];
    int k = 0;
    for (int i = 0; i < rows; i++) {
      if (ts[i] >= fromNanos && ts[i] < toNanos) {
        t[k] = ts[i];
        c[k] = close[i];
        v[k] = volume[i];
        if (o != null) {
          o[k] = oi[i];
          on[k] = oiNull[i];
        }
        k++;
      }
    }
    return new TickColumns(file, m, t, c, v, o, on, null, null, null, List.of(), timeEncoding, m);
  }

  /** Copies the columns into Arrow vectors owned by the returned batch. */
  TickBatch toBatch(BufferAllocator allocator) {
    BigIntVector tsV = null;
    Float8Vector closeV = null;
    BigIntVector volV = null;
    BigIntVector oiV = null;
    Float8Vector openV = null;
    Float8Vector highV = null;
    Float8Vector lowV = null;
    try {
      tsV = longs("ts", allocator, ts, null);
      closeV = doubles("close", allocator, close);
      volV = longs("volume", allocator, volume, null);
      oiV = oi == null ? null : longs("oi", allocator, oi, oiNull);
      if (open != null) {
        openV = doubles("open", allocator, open);
        highV = doubles("high", allocator, high);
        lowV = doubles("low", allocator, low);
      }
      return new TickBatch(
          file, tsV, closeV, volV, oiV, openV, highV, lowV, warnings, timeEncoding, decodedRows);
    } catch (RuntimeException e) {
      for (AutoCloseable v : new AutoCloseable[] {tsV, closeV, volV, oiV, openV, highV, lowV}) {
        if (v != null) {
          try {
            v.close();
          } catch (Exception ignored) {
            // already failing
          }
        }
      }
      throw e;
    }
  }

  private BigIntVector longs(String name, BufferAllocator a, long[] values, boolean[] nulls) {
    BigIntVector v = new BigIntVector(name, a);
    v.allocateNew(Math.max(rows, 1));
    for (int i = 0; i < rows; i++) {
      if (nulls != null && nulls[i]) {
        v.setNull(i);
      } else {
        v.set(i, values[i]);
      }
    }
    v.setValueCount(rows);
    return v;
  }

  private Float8Vector doubles(String name, BufferAllocator a, double[] values) {
    Float8Vector v = new Float8Vector(name, a);
    v.allocateNew(Math.max(rows, 1));
    for (int i = 0; i < rows; i++) {
      v.set(i, values[i]);
    }
    v.setValueCount(rows);
    return v;
  }
}
