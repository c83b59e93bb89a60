package in.nfopslab.data.read;

import static java.util.Objects.requireNonNull;

import in.nfopslab.data.read.DataFileException.Fault;
import in.nfopslab.data.read.DataWarning.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
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
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Reads the ticks of one packed Parquet file inside a time window into Arrow vectors. Only the
 * needed columns are read (projection), and the timestamp range is pushed down: row groups are
 * pruned by statistics and pages by the column index, so a day inside a monthly contract's file
 * decodes only that day's pages.
 *
 * <p>Columns are found by name; extra columns are ignored. Faults that make a file unusable throw a
 * {@link DataFileException} naming the file; faults the reader survives become {@link
 * DataWarning}s. Thread-safe: each call opens its own file handle.
 */
public final class TickReader {
  /** Timestamps before this (2000-01-01T00:00Z) are treated as broken (e.g. the 1970 epoch). */
  static final long MIN_VALID_NANOS = 946_684_800L * 1_000_000_000L;

  private static final String TS = "timestamp";
  private static final String CLOSE = "close";
  private static final String VOLUME = "vol_delta";
  private static final String OI = "oi";

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private static final ParquetReadOptions PLAIN_OPTIONS =
      ParquetReadOptions.builder(new PlainParquetConfiguration()).build();

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
  public TickBatch read(Path file, long fromNanos, long toNanos, boolean withOhlc)
      throws DataFileException {
    return readColumns(file, fromNanos, toNanos, withOhlc).toBatch(allocator);
  }

  /**
   * As {@link #read}, into plain arrays (what {@link BarReader} aggregates without an Arrow copy).
   */
  TickColumns readColumns(Path file, long fromNanos, long toNanos, boolean withOhlc)
      throws DataFileException {
    if (!Files.isRegularFile(file)) {
      throw new DataFileException(file, Fault.NOT_FOUND, "file not found");
    }
    InputFile in = new LocalParquetFile(file);
    try (SeekableInputStream stream = in.newStream()) {
      ParquetMetadata footer;
      try {
        footer = ParquetFileReader.readFooter(in, PLAIN_OPTIONS, stream);
      } catch (IOException | RuntimeException e) {
        // parquet-java names the file by its object identity (LocalInputFile@1a2b3c): drop it, the
        // message names the file
        String why = String.valueOf(e.getMessage()).replace(in + " ", "");
        throw new DataFileException(
            file, Fault.NOT_PARQUET, "not a Parquet file or truncated (" + why + ")", e);
      }
      return readWithFooter(file, in, stream, footer, fromNanos, toNanos, withOhlc);
    } catch (IOException e) {
      throw new DataFileException(file, Fault.UNREADABLE, "cannot read: " + e.getMessage(), e);
    }
  }

  private TickColumns readWithFooter(
      Path file,
      InputFile in,
      SeekableInputStream stream,
      ParquetMetadata footer,
      long fromNanos,
      long toNanos,
      boolean withOhlc)
      throws DataFileException, IOException {
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
      throw new DataFileException(
          file, Fault.ALL_NULL_TIMESTAMPS, "all " + totalRows + " timestamps are null");
    }
    TimeEncoding enc = TimeEncoding.of(file, tsType, tsMax == Long.MIN_VALUE ? 0 : tsMax);
    if (statsComplete
        && tsMax != Long.MIN_VALUE
        && !enc.isInt96()
        && enc.toEpochNanos(tsMax) < MIN_VALID_NANOS) {
      throw new DataFileException(
          file,
          Fault.EPOCH_TIMESTAMPS,
          "every timestamp is before 2000 (latest "
              + java.time.Instant.ofEpochSecond(0, enc.toEpochNanos(tsMax))
              + "): broken timestamps ("
              + enc
              + ")");
    }

    Scratch scratch = SCRATCH.get();
    ParquetReadOptions.Builder ob =
        ReadConfig.options(scratch.buffers)
            .useStatsFilter(true)
            .useColumnIndexFilter(true)
            .useDictionaryFilter(false)
            .useRecordFilter(false)
            .useBloomFilter(false);
    if (!enc.isInt96()) {
      FilterPredicate p =
          FilterApi.and(
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

    List<DataWarning> warnings = new ArrayList<>();
    Out out = scratch.out;
    try (ParquetFileReader reader = ParquetFileReader.open(in, footer, ob.build(), stream)) {
      reader.setRequestedSchema(requested);
      out.reset(
          (int) Math.min(Integer.MAX_VALUE - 16, reader.getFilteredRecordCount()),
          volType != null,
          oiType != null,
          withOhlc);
      PageReadStore rg;
      while ((rg = reader.readNextFilteredRowGroup()) != null) {
        try {
          out.addRowGroup(rg, requested, enc, fromNanos, toNanos, scratch.columns);
        } finally {
          // hands the row group's buffers back now (the reader does not release the last group's on
          // close)
          rg.close();
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new DataFileException(
          file,
          Fault.NOT_PARQUET,
          "corrupt or truncated Parquet data ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + ")",
          e);
    }
    final long seen = out.seen;
    if (seen > 0 && out.nullTs == seen) {
      throw new DataFileException(
          file, Fault.ALL_NULL_TIMESTAMPS, "all " + seen + " timestamps read are null");
    }
    if (seen > 0 && out.nullTs + out.epochTs == seen && out.epochTs > 0) {
      throw new DataFileException(
          file, Fault.EPOCH_TIMESTAMPS, "every timestamp is before 2000 (" + enc + ")");
    }
    warn(warnings, file, Kind.NULL_TIMESTAMPS, out.nullTs, "rows with a null timestamp dropped");
    warn(
        warnings,
        file,
        Kind.EPOCH_TIMESTAMPS,
        out.epochTs,
        "rows with a timestamp before 2000 dropped");
    warn(
        warnings,
        file,
        Kind.NON_POSITIVE_PRICE,
        out.badPrice,
        "rows with a null, zero or negative close dropped");
    warn(
        warnings,
        file,
        Kind.VOLUME_RESET,
        out.volResets,
        "negative vol_delta (counter reset) counted as 0");
    if (volType == null) {
      warnings.add(new DataWarning(file, Kind.NO_VOLUME, 0, "no vol_delta column: volume is 0"));
    }
    TickColumns cols =
        new TickColumns(
            file,
            out.n,
            out.ts,
            out.close,
            out.volume,
            out.hasOi ? out.oi : null,
            out.hasOi ? out.oiNull : null,
            out.ohlc ? out.open : null,
            out.ohlc ? out.high : null,
            out.ohlc ? out.low : null,
            warnings,
            enc.toString(),
            seen);
    scratch.trim();
    return cols;
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

  private static PrimitiveType requiredPrimitive(Path file, MessageType schema, String name)
      throws DataFileException {
    PrimitiveType t = optionalPrimitive(schema, name);
    if (t == null) {
      throw new DataFileException(
          file,
          Fault.MISSING_COLUMN,
          "missing required column '" + name + "' (columns: " + columnNames(schema) + ")");
    }
    return t;
  }

  private static PrimitiveType optionalPrimitive(MessageType schema, String name) {
    if (!schema.containsField(name)) {
      return null;
    }
    Type t = schema.getType(name);
    return t.isPrimitive() && !t.isRepetition(Type.Repetition.REPEATED)
        ? t.asPrimitiveType()
        : null;
  }

  private static PrimitiveType numeric(Path file, PrimitiveType t, String name, boolean floating)
      throws DataFileException {
    PrimitiveTypeName p = t.getPrimitiveTypeName();
    boolean ok =
        p == PrimitiveTypeName.DOUBLE
            || p == PrimitiveTypeName.FLOAT
            || p == PrimitiveTypeName.INT64
            || p == PrimitiveTypeName.INT32;
    if (!ok || (floating && t.getLogicalTypeAnnotation() != null)) {
      throw new DataFileException(
          file,
          Fault.BAD_COLUMN_TYPE,
          "column '" + name + "' has type " + t + ", expected a number");
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

  /**
   * What one thread reuses from read to read: the output rows, one decoder per column role and the
   * buffers parquet-java reads column chunks into. A thread reading thousands of small file-days
   * then allocates its arrays once instead of per read (that allocation was most of the garbage).
   * {@link TickColumns} from {@link #readColumns} share these arrays, so they are valid until the
   * thread's next read.
   */
  private static final class Scratch {
    final Out out = new Out();
    final ColumnChunkDecoder[] columns = new ColumnChunkDecoder[7];
    final PooledBuffers buffers = PooledBuffers.forThread();

    Scratch() {
      for (int i = 0; i < columns.length; i++) {
        columns[i] = new ColumnChunkDecoder();
      }
    }

    void trim() {
      out.trim();
      for (ColumnChunkDecoder c : columns) {
        c.trim();
      }
    }
  }

  /**
   * The rows kept so far as growing arrays, and the counts behind the warnings. Each row group is
   * decoded a column at a time ({@link ColumnChunkDecoder}), then one loop over primitive arrays
   * applies the row rules.
   */
  private static final class Out {
    /** Arrays above this many rows are not kept for the thread's next read. */
    private static final int MAX_RETAINED = 1 << 22;

    boolean hasVol;
    boolean hasOi;
    boolean ohlc;
    long[] ts = new long[0];
    double[] close = new double[0];
    long[] volume = new long[0];
    long[] oi;
    boolean[] oiNull;
    double[] open;
    double[] high;
    double[] low;
    int n;
    long seen;
    long nullTs;
    long epochTs;
    long badPrice;
    long volResets;

    /**
     * Starts a read: arrays for at least {@code capacity} rows (kept from the last read when big
     * enough).
     */
    void reset(int capacity, boolean hasVol, boolean hasOi, boolean ohlc) {
      this.hasVol = hasVol;
      this.hasOi = hasOi;
      this.ohlc = ohlc;
      n = 0;
      seen = 0;
      nullTs = 0;
      epochTs = 0;
      badPrice = 0;
      volResets = 0;
      int c = Math.max(16, capacity);
      if (ts.length < c) {
        ts = new long[c];
        close = new double[c];
        volume = new long[c];
      }
      if (hasOi && (oi == null || oi.length < ts.length)) {
        oi = new long[ts.length];
        oiNull = new boolean[ts.length];
      }
      if (ohlc && (open == null || open.length < ts.length)) {
        open = new double[ts.length];
        high = new double[ts.length];
        low = new double[ts.length];
      }
    }

    void trim() {
      if (ts.length > MAX_RETAINED) {
        ts = new long[0];
        close = new double[0];
        volume = new long[0];
        oi = null;
        oiNull = null;
        open = null;
        high = null;
        low = null;
      }
    }

    void addRowGroup(
        PageReadStore rg,
        MessageType requested,
        TimeEncoding enc,
        long fromNanos,
        long toNanos,
        ColumnChunkDecoder[] cols)
        throws IOException {
      ColumnDescriptor tsDesc = requested.getColumnDescription(new String[] {TS});
      ColumnChunkDecoder tsCol =
          cols[0].reset(
              tsDesc,
              enc.isInt96() ? ColumnChunkDecoder.Kind.INT96_NANOS : ColumnChunkDecoder.Kind.LONG);
      ColumnChunkDecoder.RowSet rows =
          tsCol.decodeDriving(rg.getPageReader(tsDesc), rg.getRowCount());
      ColumnChunkDecoder closeCol =
          aligned(cols[1], rg, requested, CLOSE, ColumnChunkDecoder.Kind.DOUBLE, rows);
      ColumnChunkDecoder volCol =
          hasVol
              ? aligned(cols[2], rg, requested, VOLUME, ColumnChunkDecoder.Kind.LONG, rows)
              : null;
      ColumnChunkDecoder oiCol =
          hasOi ? aligned(cols[3], rg, requested, OI, ColumnChunkDecoder.Kind.LONG, rows) : null;
      ColumnChunkDecoder openCol =
          ohlc
              ? aligned(cols[4], rg, requested, "open", ColumnChunkDecoder.Kind.DOUBLE, rows)
              : null;
      ColumnChunkDecoder highCol =
          ohlc
              ? aligned(cols[5], rg, requested, "high", ColumnChunkDecoder.Kind.DOUBLE, rows)
              : null;
      ColumnChunkDecoder lowCol =
          ohlc
              ? aligned(cols[6], rg, requested, "low", ColumnChunkDecoder.Kind.DOUBLE, rows)
              : null;
      final int m = rows.rows;
      if (n + m > ts.length) {
        grow(n + m);
      }
      seen += m;

      final long[] tIn = tsCol.longs;
      final boolean[] tNull = tsCol.nulls;
      final boolean int96 = enc.isInt96();
      final double[] cIn = closeCol.doubles;
      final boolean[] cNull = closeCol.nulls;
      final long[] vIn = volCol == null ? null : volCol.longs;
      final boolean[] vNull = volCol == null ? null : volCol.nulls;
      final long[] oIn = oiCol == null ? null : oiCol.longs;
      final boolean[] oNull = oiCol == null ? null : oiCol.nulls;
      final long[] tsOut = ts;
      final double[] cOut = close;
      final long[] vOut = volume;
      final long[] oOut = oi;
      final boolean[] oNullOut = oiNull;
      int k = n;
      for (int r = 0; r < m; r++) {
        if (tNull != null && tNull[r]) {
          nullTs++;
          continue;
        }
        final long t = int96 ? tIn[r] : enc.toEpochNanos(tIn[r]);
        if (t < MIN_VALID_NANOS) {
          epochTs++;
          continue;
        }
        if (t < fromNanos || t >= toNanos) {
          continue;
        }
        final double c = cIn[r];
        if ((cNull != null && cNull[r]) || !(c > 0)) {
          badPrice++;
          continue;
        }
        long v = vIn == null || (vNull != null && vNull[r]) ? 0L : vIn[r];
        if (v < 0) {
          volResets++;
          v = 0;
        }
        tsOut[k] = t;
        cOut[k] = c;
        vOut[k] = v;
        if (oIn != null) {
          boolean isNull = oNull != null && oNull[r];
          oOut[k] = isNull ? 0L : oIn[r];
          oNullOut[k] = isNull;
        }
        if (openCol != null) {
          open[k] = value(openCol, r);
          high[k] = value(highCol, r);
          low[k] = value(lowCol, r);
        }
        k++;
      }
      n = k;
    }

    private static double value(ColumnChunkDecoder col, int r) {
      return col.nulls != null && col.nulls[r] ? Double.NaN : col.doubles[r];
    }

    private static ColumnChunkDecoder aligned(
        ColumnChunkDecoder c,
        PageReadStore rg,
        MessageType requested,
        String name,
        ColumnChunkDecoder.Kind kind,
        ColumnChunkDecoder.RowSet rows)
        throws IOException {
      ColumnDescriptor d = requested.getColumnDescription(new String[] {name});
      c.reset(d, kind).decodeAligned(rg.getPageReader(d), rows);
      return c;
    }

    private void grow(int capacity) {
      int c = Math.max(capacity, ts.length * 2);
      ts = Arrays.copyOf(ts, c);
      close = Arrays.copyOf(close, c);
      volume = Arrays.copyOf(volume, c);
      if (hasOi) {
        oi = Arrays.copyOf(oi, c);
        oiNull = Arrays.copyOf(oiNull, c);
      }
      if (ohlc) {
        open = Arrays.copyOf(open, c);
        high = Arrays.copyOf(high, c);
        low = Arrays.copyOf(low, c);
      }
    }
  }
}
