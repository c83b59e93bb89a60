package in.nfopslab.data.parquet;

import in.nfopslab.data.read.NoopGroupConverter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The small amount of Parquet plumbing shared by the result files (trade legs, stances): schema
 * building, a writer over local files with ZSTD, and typed reads of a {@link Row} by column name
 * that accept the ways other tools store the same values (timestamps in ms/us/ns, UTC-adjusted or
 * not; dates; any numeric type for a double).
 */
public final class ParquetColumns {
  /** Footer key naming what a result file holds, so a reader never guesses from the file name. */
  public static final String KIND_KEY = "nfopslab.kind";

  private static final Pattern COLUMN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * What parquet-java's codecs read their settings from, shared by every writer and reader here.
   * Without it each writer's codec factory made a Hadoop {@code Configuration} with its default
   * resources, parsing Hadoop's XML files once per file written (most of the set-up cost of a small
   * trade or status file). No resources are loaded; the codecs' defaults apply. Reads of a
   * Configuration are thread-safe.
   */
  private static final Configuration HADOOP = new Configuration(false);

  /**
   * First size of a compressor's output buffer; it grows with the page (result files are small).
   */
  private static final int CODEC_BUFFER_BYTES = 64 * 1024;

  private ParquetColumns() {}

  public static void checkExtraName(String name, Set<String> reserved) {
    if (!COLUMN_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "numeric column name '" + name + "' is not a plain identifier (letters, digits, '_')");
    }
    if (reserved.contains(name)) {
      throw new IllegalArgumentException(
          "numeric column '" + name + "' would clash with a uniform column");
    }
  }

  public static Type string(String name) {
    return Types.required(PrimitiveTypeName.BINARY)
        .as(LogicalTypeAnnotation.stringType())
        .named(name);
  }

  public static Type date(String name, boolean optional) {
    return (optional
            ? Types.optional(PrimitiveTypeName.INT32)
            : Types.required(PrimitiveTypeName.INT32))
        .as(LogicalTypeAnnotation.dateType())
        .named(name);
  }

  /** A naive (not UTC-adjusted) microsecond timestamp: the value is the IST wall clock. */
  public static Type timestamp(String name) {
    return Types.required(PrimitiveTypeName.INT64)
        .as(LogicalTypeAnnotation.timestampType(false, TimeUnit.MICROS))
        .named(name);
  }

  public static Type required(PrimitiveTypeName type, String name) {
    return Types.required(type).named(name);
  }

  public static Type optionalDouble(String name) {
    return Types.optional(PrimitiveTypeName.DOUBLE).named(name);
  }

  public static long micros(LocalDateTime t) {
    return Math.addExact(
        Math.multiplyExact(t.toEpochSecond(ZoneOffset.UTC), 1_000_000L), t.getNano() / 1_000L);
  }

  /**
   * Writes {@code n} records through {@code writer} (called with the record consumer and the record
   * index).
   */
  public interface RowWriter {
    void write(RecordConsumer out, int index);
  }

  public static void write(
      Path tmp, MessageType schema, Map<String, String> metadata, int n, RowWriter rows)
      throws IOException {
    write(tmp, schema, metadata, n, rows, null);
  }

  /**
   * As {@link #write(Path, MessageType, Map, int, RowWriter)}, with a dictionary only for {@code
   * dictionaryColumns} (null: parquet-java's default, every column). A dictionary costs a hash
   * lookup per value when writing; for a column with many distinct values (prices, volumes) it is
   * slow and hardly smaller than DELTA/PLAIN after ZSTD.
   */
  public static void write(
      Path tmp,
      MessageType schema,
      Map<String, String> metadata,
      int n,
      RowWriter rows,
      Set<String> dictionaryColumns)
      throws IOException {
    write(
        tmp,
        schema,
        metadata,
        n,
        rows,
        dictionaryColumns,
        ParquetProperties.WriterVersion.PARQUET_2_0,
        CompressionCodecName.ZSTD,
        ParquetProperties.DEFAULT_PAGE_ROW_COUNT_LIMIT);
  }

  /**
   * As {@link #write(Path, MessageType, Map, int, RowWriter, Set)}, with this writer version, codec
   * and page rows.
   */
  public static void write(
      Path tmp,
      MessageType schema,
      Map<String, String> metadata,
      int n,
      RowWriter rows,
      Set<String> dictionaryColumns,
      ParquetProperties.WriterVersion version,
      CompressionCodecName codec,
      int pageRows)
      throws IOException {
    WriteSupport<Integer> support =
        new WriteSupport<>() {
          private RecordConsumer out;

          @Override
          public WriteContext init(Configuration configuration) {
            return new WriteContext(schema, metadata);
          }

          @Override
          public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(schema, metadata);
          }

          @Override
          public void prepareForWrite(RecordConsumer recordConsumer) {
            out = recordConsumer;
          }

          @Override
          public void write(Integer index) {
            out.startMessage();
            rows.write(out, index);
            out.endMessage();
          }
        };
    Builder b =
        new Builder(new LocalOutputFile(tmp), support)
            .withConf(new PlainParquetConfiguration())
            .withCodecFactory(new CodecFactory(HADOOP, CODEC_BUFFER_BYTES))
            .withCompressionCodec(codec)
            .withWriterVersion(version)
            .withPageRowCountLimit(pageRows)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE);
    if (dictionaryColumns != null) {
      b = b.withDictionaryEncoding(false);
      for (String c : dictionaryColumns) {
        b = b.withDictionaryEncoding(c, true);
      }
    }
    try (ParquetWriter<Integer> w = b.build()) {
      for (int i = 0; i < n; i++) {
        w.write(i);
      }
    }
  }

  /**
   * The names of the string (BINARY) columns of {@code schema}: the ones worth a dictionary in a
   * result file (strategy, symbol, side... repeat on every row); numbers and timestamps are written
   * plain.
   */
  public static Set<String> stringColumns(MessageType schema) {
    Set<String> out = new java.util.LinkedHashSet<>();
    for (Type t : schema.getFields()) {
      if (t.isPrimitive()
          && t.asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.BINARY) {
        out.add(t.getName());
      }
    }
    return out;
  }

  public static void putString(RecordConsumer out, String field, int index, String v) {
    out.startField(field, index);
    out.addBinary(Binary.fromString(v));
    out.endField(field, index);
  }

  public static void putInt(RecordConsumer out, String field, int index, int v) {
    out.startField(field, index);
    out.addInteger(v);
    out.endField(field, index);
  }

  public static void putLong(RecordConsumer out, String field, int index, long v) {
    out.startField(field, index);
    out.addLong(v);
    out.endField(field, index);
  }

  public static void putDouble(RecordConsumer out, String field, int index, double v) {
    out.startField(field, index);
    out.addDouble(v);
    out.endField(field, index);
  }

  public static void putDate(RecordConsumer out, String field, int index, LocalDate d) {
    putInt(out, field, index, Math.toIntExact(d.toEpochDay()));
  }

  public static void putTimestamp(RecordConsumer out, String field, int index, LocalDateTime t) {
    putLong(out, field, index, micros(t));
  }

  /** The footer of a Parquet file. */
  public static FileMetaData footer(Path file) throws IOException {
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file), options())) {
      return r.getFooter().getFileMetaData();
    }
  }

  /** Receives the rows of a file, one {@link Row} at a time. */
  public interface RowReader {
    void row(Row r);
  }

  /**
   * Reads every row of {@code file}; {@code forSchema} sees the file's schema first (to resolve
   * columns by name) and returns the reader of its rows. The flat columns of each row group are
   * read whole, one column at a time, with parquet-java's column readers (no record assembly, no
   * object per row); nested or repeated columns are not read. A file that is not Parquet, or whose
   * pages do not decode, fails with an IOException naming it. Returns the key/value metadata of the
   * file's footer (read with the same open).
   */
  public static Map<String, String> readAll(
      Path file, java.util.function.Function<MessageType, RowReader> forSchema) throws IOException {
    ParquetFileReader r;
    try {
      r = ParquetFileReader.open(new LocalInputFile(file), options());
    } catch (RuntimeException e) {
      throw new IOException(file + ": not a readable Parquet file: " + e.getMessage(), e);
    }
    try (r) {
      MessageType schema = r.getFooter().getFileMetaData().getSchema();
      RowReader rows = forSchema.apply(schema);
      List<Type> flat = new java.util.ArrayList<>();
      for (Type t : schema.getFields()) {
        if (t.isPrimitive() && !t.isRepetition(Type.Repetition.REPEATED)) {
          flat.add(t);
        }
      }
      MessageType requested = new MessageType(schema.getName(), flat);
      r.setRequestedSchema(requested);
      String createdBy = r.getFooter().getFileMetaData().getCreatedBy();
      Row row = new Row(schema.getFieldCount());
      PageReadStore pages;
      while ((pages = nextRowGroup(r, file)) != null) {
        int n = Math.toIntExact(pages.getRowCount());
        try {
          ColumnReadStoreImpl store =
              new ColumnReadStoreImpl(pages, NoopGroupConverter.INSTANCE, requested, createdBy);
          for (Type t : flat) {
            ColumnDescriptor d = requested.getColumnDescription(new String[] {t.getName()});
            row.load(schema.getFieldIndex(t.getName()), store.getColumnReader(d), d, n);
          }
        } catch (RuntimeException e) {
          throw new IOException(file + ": corrupt Parquet data (" + e + ")", e);
        }
        for (int i = 0; i < n; i++) {
          row.at = i;
          rows.row(row);
        }
      }
      return r.getFooter().getFileMetaData().getKeyValueMetaData();
    }
  }

  private static PageReadStore nextRowGroup(ParquetFileReader r, Path file) throws IOException {
    try {
      return r.readNextRowGroup();
    } catch (IOException | RuntimeException e) {
      throw new IOException(file + ": corrupt Parquet data (" + e + ")", e);
    }
  }

  /**
   * The flat columns of one row group of a file, read whole, and the row a {@link RowReader} is at;
   * read through {@link Column}.
   */
  public static final class Row {
    /** Per field index: long[] (INT32, INT64), double[] (FLOAT, DOUBLE), String[] (BINARY). */
    private final Object[] values;

    /** Per field index: null flags, or null for a column without a null in this row group. */
    private final boolean[][] nulls;

    private int at;

    private Row(int fields) {
      values = new Object[fields];
      nulls = new boolean[fields][];
    }

    private void load(int field, ColumnReader r, ColumnDescriptor d, int n) {
      int maxDef = d.getMaxDefinitionLevel();
      boolean[] isNull = null;
      switch (d.getPrimitiveType().getPrimitiveTypeName()) {
        case INT32, INT64 -> {
          boolean int32 = d.getPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.INT32;
          long[] v = new long[n];
          for (int i = 0; i < n; i++) {
            if (r.getCurrentDefinitionLevel() < maxDef) {
              isNull = flag(isNull, n, i);
            } else {
              v[i] = int32 ? r.getInteger() : r.getLong();
            }
            r.consume();
          }
          values[field] = v;
        }
        case FLOAT, DOUBLE -> {
          boolean float32 = d.getPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.FLOAT;
          double[] v = new double[n];
          for (int i = 0; i < n; i++) {
            if (r.getCurrentDefinitionLevel() < maxDef) {
              isNull = flag(isNull, n, i);
            } else {
              v[i] = float32 ? r.getFloat() : r.getDouble();
            }
            r.consume();
          }
          values[field] = v;
        }
        case BINARY -> {
          String[] v = new String[n];
          // a dictionary page hands out the same Binary for the same value: decode it once
          Binary last = null;
          String lastText = null;
          for (int i = 0; i < n; i++) {
            if (r.getCurrentDefinitionLevel() < maxDef) {
              isNull = flag(isNull, n, i);
            } else {
              Binary b = r.getBinary();
              if (b != last) {
                last = b;
                lastText = b.toStringUsingUTF8();
              }
              v[i] = lastText;
            }
            r.consume();
          }
          values[field] = v;
        }
        default -> values[field] = null; // a type no accessor reads (they fail on the type first)
      }
      nulls[field] = isNull;
    }

    private static boolean[] flag(boolean[] isNull, int n, int i) {
      boolean[] out = isNull == null ? new boolean[n] : isNull;
      out[i] = true;
      return out;
    }

    private boolean isNull(int field) {
      boolean[] f = nulls[field];
      return f != null && f[at];
    }

    private long longAt(int field) {
      return ((long[]) values[field])[at];
    }

    private double doubleAt(int field) {
      return ((double[]) values[field])[at];
    }

    private String stringAt(int field) {
      return ((String[]) values[field])[at];
    }
  }

  /**
   * Page checksums are verified (parquet-java writes a CRC per page by default), so a part damaged
   * on disk fails to read, naming the file, instead of decoding into wrong trades.
   */
  public static ParquetReadOptions options() {
    return ParquetReadOptions.builder(new PlainParquetConfiguration())
        .withCodecFactory(new CodecFactory(HADOOP, 0))
        .usePageChecksumVerification(true)
        .build();
  }

  /**
   * Typed access to one column of the rows of one file, by name, whatever physical type the writer
   * chose.
   */
  public static final class Column {
    private final String name;
    private final int index;
    private final PrimitiveType type;

    public String name() {
      return name;
    }

    private Column(String name, int index, PrimitiveType type) {
      this.name = name;
      this.index = index;
      this.type = type;
    }

    public static Column of(MessageType schema, String name, String file, boolean required) {
      if (!schema.containsField(name)) {
        if (required) {
          throw new IllegalArgumentException(file + ": missing column '" + name + "'");
        }
        return null;
      }
      Type t = schema.getType(name);
      if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) {
        throw new IllegalArgumentException(file + ": column '" + name + "' is not a plain column");
      }
      return new Column(name, schema.getFieldIndex(name), t.asPrimitiveType());
    }

    public boolean isNull(Row g) {
      return g.isNull(index);
    }

    public String string(Row g) {
      if (type.getPrimitiveTypeName() != PrimitiveTypeName.BINARY) {
        throw new IllegalArgumentException("column '" + name + "' is " + type + ", not a string");
      }
      return isNull(g) ? null : g.stringAt(index);
    }

    public long integer(Row g) {
      switch (type.getPrimitiveTypeName()) {
        case INT32:
        case INT64:
          return g.longAt(index);
        default:
          throw new IllegalArgumentException(
              "column '" + name + "' is " + type + ", not an integer");
      }
    }

    public double number(Row g) {
      if (isNull(g)) {
        return Double.NaN;
      }
      switch (type.getPrimitiveTypeName()) {
        case DOUBLE:
        case FLOAT:
          return g.doubleAt(index);
        case INT32:
        case INT64:
          return g.longAt(index);
        default:
          throw new IllegalArgumentException("column '" + name + "' is " + type + ", not a number");
      }
    }

    public boolean isNumeric() {
      PrimitiveTypeName p = type.getPrimitiveTypeName();
      LogicalTypeAnnotation l = type.getLogicalTypeAnnotation();
      boolean plainNumber =
          l == null || l instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation;
      return plainNumber
          && List.of(
                  PrimitiveTypeName.DOUBLE,
                  PrimitiveTypeName.FLOAT,
                  PrimitiveTypeName.INT32,
                  PrimitiveTypeName.INT64)
              .contains(p);
    }

    public LocalDate date(Row g) {
      if (isNull(g)) {
        return null;
      }
      if (type.getPrimitiveTypeName() == PrimitiveTypeName.INT32
          && type.getLogicalTypeAnnotation()
              instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
        return LocalDate.ofEpochDay(g.longAt(index));
      }
      if (type.getPrimitiveTypeName() == PrimitiveTypeName.BINARY) {
        return LocalDate.parse(string(g));
      }
      throw new IllegalArgumentException("column '" + name + "' is " + type + ", not a DATE");
    }

    /**
     * The IST wall clock: naive timestamps are taken as IST, UTC-adjusted ones converted to
     * Asia/Kolkata.
     */
    public LocalDateTime timestamp(Row g) {
      if (isNull(g)) {
        return null;
      }
      if (!(type.getLogicalTypeAnnotation()
              instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation)
          || type.getPrimitiveTypeName() != PrimitiveTypeName.INT64) {
        throw new IllegalArgumentException(
            "column '" + name + "' is " + type + ", not an INT64 TIMESTAMP");
      }
      LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts =
          (LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) type.getLogicalTypeAnnotation();
      long v = g.longAt(index);
      long perSecond;
      switch (ts.getUnit()) {
        case MILLIS:
          perSecond = 1_000L;
          break;
        case MICROS:
          perSecond = 1_000_000L;
          break;
        default:
          perSecond = 1_000_000_000L;
      }
      long seconds = Math.floorDiv(v, perSecond);
      int nanos = (int) (Math.floorMod(v, perSecond) * (1_000_000_000L / perSecond));
      ZoneOffset offset = ts.isAdjustedToUTC() ? in.nfopslab.core.time.Ist.OFFSET : ZoneOffset.UTC;
      return LocalDateTime.ofEpochSecond(seconds, nanos, offset);
    }
  }

  private static final class Builder extends ParquetWriter.Builder<Integer, Builder> {
    private final WriteSupport<Integer> support;

    Builder(LocalOutputFile file, WriteSupport<Integer> support) {
      super(file);
      this.support = support;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Integer> getWriteSupport(Configuration conf) {
      return support;
    }

    @Override
    protected WriteSupport<Integer> getWriteSupport(ParquetConfiguration conf) {
      return support;
    }
  }
}
