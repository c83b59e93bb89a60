package in.nfopslab.data.read;

import static java.util.Objects.requireNonNull;

import in.nfopslab.data.read.DataFileException.Fault;
import in.nfopslab.data.read.DataWarning.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.statistics.LongStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Reads the ticks of one packed Parquet file inside a time window into Arrow vectors. Only the needed columns
 * are read (projection), and the timestamp range is pushed down: row groups are pruned by statistics and pages
 * by the column index, so a day inside a monthly contract's file decodes only that day's pages.
 *
 * <p>Columns are found by name; extra columns are ignored. Faults that make a file unusable throw a
 * {@link DataFileException} naming the file; faults the reader survives become {@link DataWarning}s.
 * Thread-safe: each call opens its own file handle.
 */
public final class TickReader {
  /** Timestamps before this (2000-01-01T00:00Z) are treated as broken (e.g. the 1970 epoch). */
  static final long MIN_VALID_NANOS = 946_684_800L * 1_000_000_000L;

  private static final String TS = "timestamp";
  private static final String CLOSE = "close";
  private static final String VOLUME = "vol_delta";
  private static final String OI = "oi";

  private final BufferAllocator allocator;

  public TickReader(BufferAllocator allocator) {
    this.allocator = requireNonNull(allocator, "allocator is null");
  }

  public TickReader() {
    this(ArrowMemory.root());
  }

  /**
   * Reads rows with {@code fromNanos <= ts < toNanos} (true epoch nanos).
   *
   * @param withOhlc also read open/high/low (for data checks); they must then exist
   */
  public TickBatch read(Path file, long fromNanos, long toNanos, boolean withOhlc) throws DataFileException {
    if (!Files.isRegularFile(file)) {
      throw new DataFileException(file, Fault.NOT_FOUND, "file not found");
    }
    InputFile in = new LocalInputFile(file);
    ParquetReadOptions plain = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
    try (SeekableInputStream stream = in.newStream()) {
      ParquetMetadata footer;
      try {
        footer = ParquetFileReader.readFooter(in, plain, stream);
      } catch (IOException | RuntimeException e) {
        // parquet-java names the file by its object identity (LocalInputFile@1a2b3c): drop it, the message names the file
        String why = String.valueOf(e.getMessage()).replace(in + " ", "");
        throw new DataFileException(file, Fault.NOT_PARQUET, "not a Parquet file or truncated (" + why + ")", e);
      }
      return readWithFooter(file, in, stream, footer, fromNanos, toNanos, withOhlc);
    } catch (IOException e) {
      throw new DataFileException(file, Fault.UNREADABLE, "cannot read: " + e.getMessage(), e);
    }
  }

  private TickBatch readWithFooter(Path file, InputFile in, SeekableInputStream stream, ParquetMetadata footer,
      long fromNanos, long toNanos, boolean withOhlc) throws DataFileException, IOException {
    MessageType schema = footer.getFileMetaData().getSchema();
    PrimitiveType tsType = requiredPrimitive(file, schema, TS);
    PrimitiveType closeType = numeric(file, requiredPrimitive(file, schema, CLOSE), CLOSE, true);
    PrimitiveType volType = optionalPrimitive(schema, VOLUME);
    if (volType != null) {
      numeric(file, volType, VOLUME, false);
    }
    PrimitiveType oiType = optionalPrimitive(schema, OI);
    if (oiType != null) {
      numeric(file, oiType, OI, false);
    }
    PrimitiveType openType = null;
    PrimitiveType highType = null;
    PrimitiveType lowType = null;
    if (withOhlc) {
      openType = numeric(file, requiredPrimitive(file, schema, "open"), "open", true);
      highType = numeric(file, requiredPrimitive(file, schema, "high"), "high", true);
      lowType = numeric(file, requiredPrimitive(file, schema, "low"), "low", true);
    }

    long totalRows = 0;
    long tsNulls = 0;
    boolean statsComplete = true;
    long tsMax = Long.MIN_VALUE;
    for (BlockMetaData b : footer.getBlocks()) {
      totalRows += b.getRowCount();
      ColumnChunkMetaData c = chunk(b, TS);
      Statistics<?> st = c == null ? null : c.getStatistics();
      if (st == null || st.isEmpty() || !st.isNumNullsSet()) {
        statsComplete = false;
        continue;
      }
      tsNulls += st.getNumNulls();
      if (st.hasNonNullValue() && st instanceof LongStatistics) {
        tsMax = Math.max(tsMax, ((LongStatistics) st).getMax());
      }
    }
    if (totalRows == 0) {
      throw new DataFileException(file, Fault.EMPTY, "file has no rows");
    }
    if (statsComplete && tsNulls == totalRows) {
      throw new DataFileException(file, Fault.ALL_NULL_TIMESTAMPS, "all " + totalRows + " timestamps are null");
    }
    TimeEncoding enc = TimeEncoding.of(file, tsType, tsMax == Long.MIN_VALUE ? 0 : tsMax);
    if (statsComplete && tsMax != Long.MIN_VALUE && !enc.isInt96() && enc.toEpochNanos(tsMax) < MIN_VALID_NANOS) {
      throw new DataFileException(file, Fault.EPOCH_TIMESTAMPS,
          "every timestamp is before 2000 (latest " + java.time.Instant.ofEpochSecond(0, enc.toEpochNanos(tsMax))
              + "): broken timestamps (" + enc + ")");
    }

    ParquetReadOptions.Builder ob = ParquetReadOptions.builder(new PlainParquetConfiguration())
        .useStatsFilter(true).useColumnIndexFilter(true).useDictionaryFilter(false).useRecordFilter(false)
        .useBloomFilter(false);
    if (!enc.isInt96()) {
      FilterPredicate p = FilterApi.and(
          FilterApi.gtEq(FilterApi.longColumn(TS), enc.storedCeil(fromNanos)),
          FilterApi.lt(FilterApi.longColumn(TS), enc.storedCeil(toNanos)));
      ob.withRecordFilter(FilterCompat.get(p));
    }

    List<Type> fields = new ArrayList<>();
    fields.add(tsType);
    fields.add(closeType);
    if (volType != null) {
      fields.add(volType);
    }
    if (oiType != null) {
      fields.add(oiType);
    }
    if (withOhlc) {
      fields.add(openType);
      fields.add(highType);
      fields.add(lowType);
    }
    MessageType requested = new MessageType(schema.getName(), fields);

    Columns cols = new Columns(allocator, volType != null, oiType != null, withOhlc);
    List<DataWarning> warnings = new ArrayList<>();
    long nullTs = 0;
    long epochTs = 0;
    long badPrice = 0;
    long volResets = 0;
    long seen = 0;
    try (ParquetFileReader reader = ParquetFileReader.open(in, footer, ob.build(), stream)) {
      reader.setRequestedSchema(requested);
      cols.allocate((int) Math.min(Integer.MAX_VALUE - 8, reader.getFilteredRecordCount()));
      String createdBy = footer.getFileMetaData().getCreatedBy();
      PageReadStore rg;
      while ((rg = reader.readNextFilteredRowGroup()) != null) {
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(rg, NoopGroupConverter.INSTANCE, requested, createdBy);
        Col ts = new Col(store, requested, TS);
        Col close = new Col(store, requested, CLOSE);
        Col vol = volType == null ? null : new Col(store, requested, VOLUME);
        Col oi = oiType == null ? null : new Col(store, requested, OI);
        Col open = withOhlc ? new Col(store, requested, "open") : null;
        Col high = withOhlc ? new Col(store, requested, "high") : null;
        Col low = withOhlc ? new Col(store, requested, "low") : null;
        final long n = rg.getRowCount();
        final boolean int96 = enc.isInt96();
        for (long r = 0; r < n; r++) {
          seen++;
          boolean tsNull = ts.isNull();
          long t = tsNull ? 0 : (int96 ? TimeEncoding.int96ToEpochNanos(ts.reader.getBinary().getBytes()) : enc.toEpochNanos(ts.reader.getLong()));
          boolean closeNull = close.isNull();
          double c = closeNull ? Double.NaN : close.getDouble();
          long v = vol == null || vol.isNull() ? 0L : vol.getLong();
          long o = oi == null || oi.isNull() ? Long.MIN_VALUE : oi.getLong();
          double op = open == null || open.isNull() ? Double.NaN : open.getDouble();
          double hi = high == null || high.isNull() ? Double.NaN : high.getDouble();
          double lo = low == null || low.isNull() ? Double.NaN : low.getDouble();
          ts.consume();
          close.consume();
          if (vol != null) {
            vol.consume();
          }
          if (oi != null) {
            oi.consume();
          }
          if (open != null) {
            open.consume();
            high.consume();
            low.consume();
          }
          if (tsNull) {
            nullTs++;
            continue;
          }
          if (t < MIN_VALID_NANOS) {
            epochTs++;
            continue;
          }
          if (t < fromNanos || t >= toNanos) {
            continue;
          }
          if (closeNull || !(c > 0)) {
            badPrice++;
            continue;
          }
          if (v < 0) {
            volResets++;
            v = 0;
          }
          cols.add(t, c, v, o, op, hi, lo);
        }
      }
    } catch (IOException | RuntimeException e) {
      cols.close();
      throw new DataFileException(file, Fault.NOT_PARQUET,
          "corrupt or truncated Parquet data (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }
    if (seen > 0 && nullTs == seen) {
      cols.close();
      throw new DataFileException(file, Fault.ALL_NULL_TIMESTAMPS, "all " + seen + " timestamps read are null");
    }
    if (seen > 0 && nullTs + epochTs == seen && epochTs > 0) {
      cols.close();
      throw new DataFileException(file, Fault.EPOCH_TIMESTAMPS, "every timestamp is before 2000 (" + enc + ")");
    }
    warn(warnings, file, Kind.NULL_TIMESTAMPS, nullTs, "rows with a null timestamp dropped");
    warn(warnings, file, Kind.EPOCH_TIMESTAMPS, epochTs, "rows with a timestamp before 2000 dropped");
    warn(warnings, file, Kind.NON_POSITIVE_PRICE, badPrice, "rows with a null, zero or negative close dropped");
    warn(warnings, file, Kind.VOLUME_RESET, volResets, "negative vol_delta (counter reset) counted as 0");
    if (volType == null) {
      warnings.add(new DataWarning(file, Kind.NO_VOLUME, 0, "no vol_delta column: volume is 0"));
    }
    return cols.finish(file, warnings, enc.toString(), seen);
  }

  private static void warn(List<DataWarning> out, Path file, Kind kind, long rows, String what) {
    if (rows > 0) {
      out.add(new DataWarning(file, kind, rows, rows + " " + what));
    }
  }

  private static ColumnChunkMetaData chunk(BlockMetaData b, String name) {
    for (ColumnChunkMetaData c : b.getColumns()) {
      if (c.getPath().size() == 1 && c.getPath().toArray()[0].equals(name)) {
        return c;
      }
    }
    return null;
  }

  private static PrimitiveType requiredPrimitive(Path file, MessageType schema, String name) throws DataFileException {
    PrimitiveType t = optionalPrimitive(schema, name);
    if (t == null) {
      throw new DataFileException(file, Fault.MISSING_COLUMN,
          "missing required column '" + name + "' (columns: " + columnNames(schema) + ")");
    }
    return t;
  }

  private static PrimitiveType optionalPrimitive(MessageType schema, String name) {
    if (!schema.containsField(name)) {
      return null;
    }
    Type t = schema.getType(name);
    return t.isPrimitive() && !t.isRepetition(Type.Repetition.REPEATED) ? t.asPrimitiveType() : null;
  }

  private static PrimitiveType numeric(Path file, PrimitiveType t, String name, boolean floating) throws DataFileException {
    PrimitiveTypeName p = t.getPrimitiveTypeName();
    boolean ok = p == PrimitiveTypeName.DOUBLE || p == PrimitiveTypeName.FLOAT || p == PrimitiveTypeName.INT64
        || p == PrimitiveTypeName.INT32;
    if (!ok || (floating && t.getLogicalTypeAnnotation() != null)) {
      throw new DataFileException(file, Fault.BAD_COLUMN_TYPE, "column '" + name + "' has type " + t + ", expected a number");
    }
    return t;
  }

  private static String columnNames(MessageType schema) {
    List<String> names = new ArrayList<>();
    for (Type f : schema.getFields()) {
      names.add(f.getName());
    }
    return String.join(", ", names);
  }

  /** One projected column of the current row group. */
  private static final class Col {
    final ColumnReader reader;
    final int maxDef;
    final PrimitiveTypeName type;

    Col(ColumnReadStoreImpl store, MessageType requested, String name) {
      ColumnDescriptor d = requested.getColumnDescription(new String[] {name});
      this.reader = store.getColumnReader(d);
      this.maxDef = d.getMaxDefinitionLevel();
      this.type = d.getPrimitiveType().getPrimitiveTypeName();
    }

    boolean isNull() {
      return reader.getCurrentDefinitionLevel() < maxDef;
    }

    double getDouble() {
      switch (type) {
        case DOUBLE:
          return reader.getDouble();
        case FLOAT:
          return reader.getFloat();
        case INT64:
          return reader.getLong();
        default:
          return reader.getInteger();
      }
    }

    long getLong() {
      switch (type) {
        case INT64:
          return reader.getLong();
        case INT32:
          return reader.getInteger();
        case DOUBLE:
          return (long) reader.getDouble();
        default:
          return (long) reader.getFloat();
      }
    }

    void consume() {
      reader.consume();
    }
  }

  /** The Arrow vectors being filled. */
  private static final class Columns {
    final BigIntVector ts;
    final Float8Vector close;
    final BigIntVector volume;
    final BigIntVector oi;
    final Float8Vector open;
    final Float8Vector high;
    final Float8Vector low;
    int n;

    Columns(BufferAllocator a, boolean hasVolume, boolean hasOi, boolean ohlc) {
      ts = new BigIntVector("ts", a);
      close = new Float8Vector("close", a);
      volume = new BigIntVector("volume", a);
      oi = hasOi ? new BigIntVector("oi", a) : null;
      open = ohlc ? new Float8Vector("open", a) : null;
      high = ohlc ? new Float8Vector("high", a) : null;
      low = ohlc ? new Float8Vector("low", a) : null;
    }

    void allocate(int capacity) {
      int c = Math.max(capacity, 16);
      ts.allocateNew(c);
      close.allocateNew(c);
      volume.allocateNew(c);
      if (oi != null) {
        oi.allocateNew(c);
      }
      if (open != null) {
        open.allocateNew(c);
        high.allocateNew(c);
        low.allocateNew(c);
      }
    }

    void add(long t, double c, long v, long o, double op, double hi, double lo) {
      int i = n++;
      ts.setSafe(i, t);
      close.setSafe(i, c);
      volume.setSafe(i, v);
      if (oi != null) {
        if (o == Long.MIN_VALUE) {
          oi.setNull(i);
        } else {
          oi.setSafe(i, o);
        }
      }
      if (open != null) {
        open.setSafe(i, op);
        high.setSafe(i, hi);
        low.setSafe(i, lo);
      }
    }

    TickBatch finish(Path file, List<DataWarning> warnings, String enc, long decoded) {
      ts.setValueCount(n);
      close.setValueCount(n);
      volume.setValueCount(n);
      if (oi != null) {
        oi.setValueCount(n);
      }
      if (open != null) {
        open.setValueCount(n);
        high.setValueCount(n);
        low.setValueCount(n);
      }
      return new TickBatch(file, ts, close, volume, oi, open, high, low, warnings, enc, decoded);
    }

    void close() {
      ts.close();
      close.close();
      volume.close();
      if (oi != null) {
        oi.close();
      }
      if (open != null) {
        open.close();
        high.close();
        low.close();
      }
    }
  }
}
