package in.nfopslab.data.parquet;

import static java.util.Objects.requireNonNull;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForInteger;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForLong;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Writes a Parquet file a column at a time from primitive arrays: v2 data pages of up to {@value #PAGE_ROWS} rows,
 * integers DELTA_BINARY_PACKED (parquet-java's own encoders) and doubles PLAIN, ZSTD-compressed with zstd-jni, page
 * statistics from one min/max pass, through
 * parquet-java's public {@link ParquetFileWriter} page API. The record path ({@code ParquetWriter} with a
 * {@code RecordConsumer}) costs several calls, a dictionary lookup and a statistics update per value; this is a copy
 * and a compression per page. For flat numeric columns only (INT32, INT64, DOUBLE; REQUIRED, or OPTIONAL with every
 * value present or every value null), which is what the seconds cache stores. The result reads like any other
 * Parquet file (DuckDB, parquet-java, this project's reader).
 */
public final class ColumnarWriter {
  static final int PAGE_ROWS = 16_384;
  private static final int ZSTD_LEVEL = 1;
  private static final int DELTA_BLOCK = 128;
  private static final int DELTA_MINIBLOCKS = 4;

  /** One column's values: exactly one of the arrays, or {@code allNull} for an OPTIONAL column with no value. */
  public record Column(String name, int[] ints, long[] longs, double[] doubles, boolean allNull) {
    public Column {
      requireNonNull(name, "name is null");
    }

    public static Column of(String name, int[] values) {
      return new Column(name, values, null, null, false);
    }

    public static Column of(String name, long[] values) {
      return new Column(name, null, values, null, false);
    }

    public static Column of(String name, double[] values) {
      return new Column(name, null, null, values, false);
    }

    public static Column nulls(String name) {
      return new Column(name, null, null, null, true);
    }
  }

  private ColumnarWriter() {}

  /** Writes {@code rows} rows of {@code columns} (in schema order, every schema column once) to {@code file}. */
  public static void write(Path file, MessageType schema, Map<String, String> metadata, int rows, List<Column> columns)
      throws IOException {
    if (columns.size() != schema.getColumns().size()) {
      throw new IllegalArgumentException(columns.size() + " columns for a schema of " + schema.getColumns().size());
    }
    ParquetFileWriter w = new ParquetFileWriter(new LocalOutputFile(file), schema, ParquetFileWriter.Mode.OVERWRITE,
        Long.MAX_VALUE, 0, ParquetProperties.DEFAULT_COLUMN_INDEX_TRUNCATE_LENGTH,
        ParquetProperties.DEFAULT_STATISTICS_TRUNCATE_LENGTH, false);
    w.start();
    if (rows > 0) {
      w.startBlock(rows);
      for (int c = 0; c < columns.size(); c++) {
        Column col = columns.get(c);
        ColumnDescriptor d = schema.getColumns().get(c);
        if (!d.getPath()[0].equals(col.name()) || d.getPath().length != 1) {
          throw new IllegalArgumentException("column " + c + " is " + String.join(".", d.getPath()) + ", got " + col.name());
        }
        writeColumn(w, d, col, rows);
      }
      w.endBlock();
    }
    w.end(metadata);
  }

  private static void writeColumn(ParquetFileWriter w, ColumnDescriptor d, Column col, int rows) throws IOException {
    final PrimitiveTypeName type = d.getPrimitiveType().getPrimitiveTypeName();
    final int width = switch (type) {
      case INT32 -> 4;
      case INT64, DOUBLE -> 8;
      default -> throw new IllegalArgumentException("column " + col.name() + ": type " + type + " not supported");
    };
    final boolean optional = d.getMaxDefinitionLevel() > 0;
    if (col.allNull() && !optional) {
      throw new IllegalArgumentException("column " + col.name() + " is required and has no values");
    }
    if (!col.allNull()) {
      int length = col.ints() != null ? col.ints().length : col.longs() != null ? col.longs().length : col.doubles().length;
      boolean ok = switch (type) {
        case INT32 -> col.ints() != null;
        case INT64 -> col.longs() != null;
        default -> col.doubles() != null;
      };
      if (!ok || length < rows) {
        throw new IllegalArgumentException("column " + col.name() + ": values do not match type " + type + " and "
            + rows + " rows");
      }
    }
    w.startColumn(d, rows, CompressionCodecName.ZSTD);
    byte[] raw = new byte[Math.min(rows, PAGE_ROWS) * width];
    for (int from = 0; from < rows; from += PAGE_ROWS) {
      final int n = Math.min(PAGE_ROWS, rows - from);
      Statistics<?> stats = Statistics.createStats(d.getPrimitiveType());
      BytesInput levels = BytesInput.empty();
      if (optional) {
        // one RLE run of n definition levels, 1 (present) or 0 (null), bit width 1
        levels = BytesInput.from(rleRun(n, col.allNull() ? 0 : 1));
      }
      int size = 0;
      byte[] data = raw;
      Encoding encoding = Encoding.PLAIN;
      if (col.allNull()) {
        stats.incrementNumNulls(n);
      } else {
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        switch (type) {
          case INT32 -> {
            DeltaBinaryPackingValuesWriterForInteger delta = new DeltaBinaryPackingValuesWriterForInteger(
                DELTA_BLOCK, DELTA_MINIBLOCKS, 8 * 1024, 1 << 20, HeapByteBufferAllocator.getInstance());
            for (int i = from; i < from + n; i++) {
              delta.writeInteger(col.ints()[i]);
            }
            data = delta.getBytes().toByteArray();
            encoding = Encoding.DELTA_BINARY_PACKED;
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int i = from; i < from + n; i++) {
              min = Math.min(min, col.ints()[i]);
              max = Math.max(max, col.ints()[i]);
            }
            ((org.apache.parquet.column.statistics.IntStatistics) stats).updateStats(min);
            ((org.apache.parquet.column.statistics.IntStatistics) stats).updateStats(max);
          }
          case INT64 -> {
            DeltaBinaryPackingValuesWriterForLong delta = new DeltaBinaryPackingValuesWriterForLong(
                DELTA_BLOCK, DELTA_MINIBLOCKS, 8 * 1024, 1 << 20, HeapByteBufferAllocator.getInstance());
            for (int i = from; i < from + n; i++) {
              delta.writeLong(col.longs()[i]);
            }
            data = delta.getBytes().toByteArray();
            encoding = Encoding.DELTA_BINARY_PACKED;
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i = from; i < from + n; i++) {
              min = Math.min(min, col.longs()[i]);
              max = Math.max(max, col.longs()[i]);
            }
            ((org.apache.parquet.column.statistics.LongStatistics) stats).updateStats(min);
            ((org.apache.parquet.column.statistics.LongStatistics) stats).updateStats(max);
          }
          default -> {
            b.asDoubleBuffer().put(col.doubles(), from, n);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            boolean any = false;
            for (int i = from; i < from + n; i++) {
              double v = col.doubles()[i];
              if (!Double.isNaN(v)) {
                any = true;
                min = Math.min(min, v);
                max = Math.max(max, v);
              }
            }
            if (any) {
              ((org.apache.parquet.column.statistics.DoubleStatistics) stats).updateStats(min);
              ((org.apache.parquet.column.statistics.DoubleStatistics) stats).updateStats(max);
            }
          }
        }
        size = data == raw ? n * width : data.length;
      }
      byte[] compressed = Zstd.compress(size == data.length ? data : java.util.Arrays.copyOf(data, size), ZSTD_LEVEL);
      w.writeDataPageV2(n, col.allNull() ? n : 0, n, BytesInput.empty(), levels, encoding,
          BytesInput.from(compressed), true, size, stats);
    }
    w.endColumn();
  }

  /** An RLE run of {@code count} copies of {@code value} (bit width 1): the header varint, then one value byte. */
  private static byte[] rleRun(int count, int value) {
    long header = (long) count << 1;
    byte[] out = new byte[11];
    int p = 0;
    while ((header & ~0x7FL) != 0) {
      out[p++] = (byte) ((header & 0x7F) | 0x80);
      header >>>= 7;
    }
    out[p++] = (byte) header;
    out[p++] = (byte) value;
    return java.util.Arrays.copyOf(out, p);
  }
}
