package in.nfopslab.data.parquet;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * One flat column of a table of row objects (trade legs, stance rows, status rows): its Parquet
 * type and how the values of a block of rows are written to its {@link ColumnWriter}, one column at
 * a time ({@link ColumnFileWriter}). The schema and the writing come from the same list, so a
 * column cannot be written under another column's index.
 *
 * @param <R> the row type
 */
public final class RowColumn<R> {
  /** Writes the values of {@code rows[from, to)} of this column. */
  public interface Values<R> {
    void write(ColumnWriter out, List<R> rows, int from, int to);
  }

  /**
   * What result files are written with: v2 pages, ZSTD, a dictionary only for the string columns
   * (strategy, symbol, side... repeat on every row; numbers and timestamps are written plain),
   * parquet-java's default page rows.
   */
  public static ColumnFileWriter.Layout resultLayout(MessageType schema) {
    return new ColumnFileWriter.Layout(
        ParquetProperties.WriterVersion.PARQUET_2_0,
        CompressionCodecName.ZSTD,
        ParquetColumns.stringColumns(schema),
        ParquetProperties.DEFAULT_PAGE_ROW_COUNT_LIMIT);
  }

  private final Type type;
  private final Values<R> values;

  public RowColumn(Type type, Values<R> values) {
    this.type = requireNonNull(type, "type is null");
    this.values = requireNonNull(values, "values is null");
  }

  public Type type() {
    return type;
  }

  public static <R> RowColumn<R> string(String name, Function<R, String> f) {
    return new RowColumn<>(
        ParquetColumns.string(name),
        (out, rows, from, to) -> {
          for (int i = from; i < to; i++) {
            out.write(Binary.fromString(f.apply(rows.get(i))), 0, 0);
          }
        });
  }

  public static <R> RowColumn<R> int32(String name, ToIntFunction<R> f) {
    return new RowColumn<>(
        ParquetColumns.required(PrimitiveTypeName.INT32, name),
        (out, rows, from, to) -> {
          for (int i = from; i < to; i++) {
            out.write(f.applyAsInt(rows.get(i)), 0, 0);
          }
        });
  }

  public static <R> RowColumn<R> int64(String name, ToLongFunction<R> f) {
    return new RowColumn<>(
        ParquetColumns.required(PrimitiveTypeName.INT64, name),
        (out, rows, from, to) -> {
          for (int i = from; i < to; i++) {
            out.write(f.applyAsLong(rows.get(i)), 0, 0);
          }
        });
  }

  public static <R> RowColumn<R> float64(String name, ToDoubleFunction<R> f) {
    return new RowColumn<>(
        ParquetColumns.required(PrimitiveTypeName.DOUBLE, name),
        (out, rows, from, to) -> {
          for (int i = from; i < to; i++) {
            out.write(f.applyAsDouble(rows.get(i)), 0, 0);
          }
        });
  }

  /** A nullable DOUBLE; a null value is a null. */
  public static <R> RowColumn<R> optionalFloat64(String name, Function<R, Double> f) {
    return new RowColumn<>(
        ParquetColumns.optionalDouble(name),
        (out, rows, from, to) -> {
          for (int i = from; i < to; i++) {
            Double v = f.apply(rows.get(i));
            if (v == null) {
              out.writeNull(0, 0);
            } else {
              out.write(v.doubleValue(), 0, 1);
            }
          }
        });
  }

  /** A DATE (days since the epoch); when {@code optional}, a null date is a null. */
  public static <R> RowColumn<R> date(String name, boolean optional, Function<R, LocalDate> f) {
    int defined = optional ? 1 : 0;
    return new RowColumn<>(
        ParquetColumns.date(name, optional),
        (out, rows, from, to) -> {
          for (int i = from; i < to; i++) {
            LocalDate d = f.apply(rows.get(i));
            if (d == null && optional) {
              out.writeNull(0, 0);
            } else {
              out.write(Math.toIntExact(d.toEpochDay()), 0, defined);
            }
          }
        });
  }

  /**
   * A naive microsecond TIMESTAMP holding the IST wall clock ({@link ParquetColumns#timestamp}).
   */
  public static <R> RowColumn<R> timestamp(String name, Function<R, LocalDateTime> f) {
    return new RowColumn<>(
        ParquetColumns.timestamp(name),
        (out, rows, from, to) -> {
          for (int i = from; i < to; i++) {
            out.write(ParquetColumns.micros(f.apply(rows.get(i))), 0, 0);
          }
        });
  }

  /** A nullable UTC-adjusted millisecond TIMESTAMP (an instant); a null instant is a null. */
  public static <R> RowColumn<R> optionalInstant(String name, Function<R, Instant> f) {
    return new RowColumn<>(
        Types.optional(PrimitiveTypeName.INT64)
            .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS))
            .named(name),
        (out, rows, from, to) -> {
          for (int i = from; i < to; i++) {
            Instant t = f.apply(rows.get(i));
            if (t == null) {
              out.writeNull(0, 0);
            } else {
              out.write(t.toEpochMilli(), 0, 1);
            }
          }
        });
  }

  /** The message of these columns, in order. */
  public static <R> MessageType schema(String message, List<RowColumn<R>> columns) {
    List<Type> fields = new ArrayList<>(columns.size());
    for (RowColumn<R> c : columns) {
      fields.add(c.type);
    }
    return new MessageType(message, fields);
  }

  /**
   * Writes {@code rows} as the columns {@code columns} of a file of message {@code message} (in
   * {@link #resultLayout}) to {@code file}, one column at a time, in the order given.
   */
  public static <R> void write(
      Path file,
      String message,
      List<RowColumn<R>> columns,
      Map<String, String> metadata,
      List<R> rows)
      throws IOException {
    MessageType schema = schema(message, columns);
    ColumnFileWriter.write(
        file,
        schema,
        metadata,
        rows.size(),
        resultLayout(schema),
        (writers, from, to) -> {
          for (int c = 0; c < writers.length; c++) {
            columns.get(c).values.write(writers[c], rows, from, to);
          }
        });
  }
}
