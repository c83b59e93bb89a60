package in.nfopslab.data.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Decodes the pages of one flat (non-repeated) column of one row group a page at a time into primitive arrays:
 * definition levels and dictionary ids through {@link RleHybridDecoder}, PLAIN values with bulk buffer reads,
 * dictionary pages into a primitive lookup table, DELTA_BINARY_PACKED integers with {@link DeltaBinaryPackedDecoder},
 * and any other encoding (BYTE_STREAM_SPLIT, DELTA for a double column...) through parquet-java's public
 * {@link ValuesReader} for that encoding. This replaces the record-at-a-time
 * {@code ColumnReader} state machine, which cost a few virtual calls per value and per level.
 *
 * <p>One column drives the rows: {@link #decodeDriving} decodes every page it is given and records which rows of
 * the row group those pages hold (with column-index filtering, only some pages are read, and
 * {@link DataPage#getFirstRowIndex()} says where each starts). {@link #decodeAligned} decodes another column whose
 * pages may start and end elsewhere and keeps exactly the driving rows, in the same order. Values are widened
 * or narrowed to the requested {@link Kind} the way the row reader did (a double volume is truncated to long).
 *
 * <p>Reusable: {@link #reset} points it at another column and keeps its arrays, so a thread that reads many small
 * files allocates its buffers once. The decoded arrays are valid until the next reset. Not thread-safe.
 */
final class ColumnChunkDecoder {
  /** What the caller wants out. */
  enum Kind {
    LONG,
    DOUBLE,
    /** An INT96 timestamp as true epoch nanoseconds. */
    INT96_NANOS
  }

  /** The rows of a row group some pages hold: sorted, disjoint {@code [from, to)} ranges of row indexes. */
  static final class RowSet {
    long[] from = new long[8];
    long[] to = new long[8];
    int ranges;
    int rows;

    void add(long f, long t) {
      if (ranges > 0 && to[ranges - 1] == f) {
        to[ranges - 1] = t;
      } else {
        if (ranges > 0 && f < to[ranges - 1]) {
          throw new IllegalStateException("pages out of row order (" + f + " < " + to[ranges - 1] + ")");
        }
        if (ranges == from.length) {
          from = Arrays.copyOf(from, ranges * 2);
          to = Arrays.copyOf(to, ranges * 2);
        }
        from[ranges] = f;
        to[ranges] = t;
        ranges++;
      }
      rows += (int) (t - f);
    }
  }

  /** Buffers above this many values are not kept for the next column (an unusually large read). */
  private static final int MAX_RETAINED = 1 << 22;

  private ColumnDescriptor desc;
  private String name;
  private PrimitiveTypeName type;
  private int maxDef;
  private int defWidth;
  private Kind kind;

  /** The decoded column: {@code longs} or {@code doubles} by kind, and null flags when any value was null. */
  long[] longs = new long[0];
  double[] doubles = new double[0];
  boolean[] nulls;
  private boolean[] nullsBuf = new boolean[0];

  private long[] dictLongs = new long[0];
  private double[] dictDoubles = new double[0];
  private boolean hasDict;
  private int dictSize;

  // one page, dense values first, then spread over the rows by the definition levels
  private long[] pageLongs = new long[0];
  private double[] pageDoubles = new double[0];
  private boolean[] pageNulls = new boolean[0];
  private boolean pageHasNulls;
  private int[] ints = new int[0];
  private DeltaBinaryPackedDecoder delta;

  /** Points the decoder at a column; keeps the buffers. */
  ColumnChunkDecoder reset(ColumnDescriptor desc, Kind kind) {
    this.desc = desc;
    this.name = String.join(".", desc.getPath());
    this.type = desc.getPrimitiveType().getPrimitiveTypeName();
    this.maxDef = desc.getMaxDefinitionLevel();
    this.defWidth = RleHybridDecoder.bitWidth(maxDef);
    this.kind = kind;
    this.hasDict = false;
    this.nulls = null;
    if (desc.getMaxRepetitionLevel() != 0) {
      throw new IllegalArgumentException("column " + name + " is repeated");
    }
    return this;
  }

  /** Drops buffers grown past {@link #MAX_RETAINED} values (after an unusually large read). */
  void trim() {
    if (longs.length > MAX_RETAINED || doubles.length > MAX_RETAINED || nullsBuf.length > MAX_RETAINED) {
      longs = new long[0];
      doubles = new double[0];
      nullsBuf = new boolean[0];
      nulls = null;
    }
    if (pageNulls.length > MAX_RETAINED || ints.length > MAX_RETAINED) {
      pageLongs = new long[0];
      pageDoubles = new double[0];
      pageNulls = new boolean[0];
      ints = new int[0];
    }
  }

  /**
   * Decodes every page of the chunk; returns the rows they hold (the row set others align to).
   *
   * @param expectedRows the row group's (filtered) row count, to size the output
   */
  RowSet decodeDriving(PageReader pages, long expectedRows) throws IOException {
    readDictionary(pages);
    RowSet rows = new RowSet();
    int capacity = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(16, expectedRows));
    allocateOut(capacity);
    long next = 0;
    int off = 0;
    DataPage page;
    while ((page = pages.readPage()) != null) {
      int n = decodePage(page);
      long first = page.getFirstRowIndex().orElse(next);
      rows.add(first, first + n);
      int have = kind == Kind.DOUBLE ? doubles.length : longs.length;
      if (off + n > have) {
        growOut(Math.max(off + n, have * 2));
      }
      copyOut(0, off, n);
      off += n;
      next = first + n;
    }
    return rows;
  }

  /** Decodes the chunk keeping exactly the rows of {@code rows}, in order. */
  void decodeAligned(PageReader pages, RowSet rows) throws IOException {
    readDictionary(pages);
    allocateOut(Math.max(16, rows.rows));
    long[] outStart = new long[rows.ranges];
    long acc = 0;
    for (int k = 0; k < rows.ranges; k++) {
      outStart[k] = acc;
      acc += rows.to[k] - rows.from[k];
    }
    long next = 0;
    long copied = 0;
    int k = 0;
    DataPage page;
    while ((page = pages.readPage()) != null) {
      int n = decodePage(page);
      long pf = page.getFirstRowIndex().orElse(next);
      long pt = pf + n;
      next = pt;
      while (k < rows.ranges && rows.to[k] <= pf) {
        k++;
      }
      for (int kk = k; kk < rows.ranges && rows.from[kk] < pt; kk++) {
        long lo = Math.max(pf, rows.from[kk]);
        long hi = Math.min(pt, rows.to[kk]);
        copyOut((int) (lo - pf), (int) (outStart[kk] + lo - rows.from[kk]), (int) (hi - lo));
        copied += hi - lo;
      }
    }
    if (copied != rows.rows) {
      throw new IllegalStateException("column " + name + " has values for " + copied + " of " + rows.rows + " rows");
    }
  }

  private void readDictionary(PageReader pages) throws IOException {
    DictionaryPage dp = pages.readDictionaryPage();
    if (dp == null) {
      return;
    }
    final int size = dp.getDictionarySize();
    if (kind == Kind.DOUBLE) {
      if (dictDoubles.length < size) {
        dictDoubles = new double[size];
      }
    } else if (dictLongs.length < size) {
      dictLongs = new long[size];
    }
    hasDict = true;
    dictSize = size;
    Encoding enc = dp.getEncoding();
    if ((enc == Encoding.PLAIN || enc == Encoding.PLAIN_DICTIONARY) && type != PrimitiveTypeName.INT96
        && type != PrimitiveTypeName.BOOLEAN) {
      // a dictionary page is its values PLAIN-encoded: read them like a data page, without parquet's Dictionary
      ByteBuffer v = le(dp.getBytes());
      if (kind == Kind.DOUBLE) {
        final double[] out = dictDoubles;
        for (int i = 0; i < size; i++) {
          out[i] = switch (type) {
            case DOUBLE -> v.getDouble(8 * i);
            case FLOAT -> v.getFloat(4 * i);
            case INT64 -> v.getLong(8 * i);
            default -> v.getInt(4 * i);
          };
        }
      } else {
        final long[] out = dictLongs;
        for (int i = 0; i < size; i++) {
          out[i] = switch (type) {
            case INT64 -> v.getLong(8 * i);
            case INT32 -> v.getInt(4 * i);
            case DOUBLE -> (long) v.getDouble(8 * i);
            default -> (long) v.getFloat(4 * i);
          };
        }
      }
      return;
    }
    Dictionary d = enc.initDictionary(desc, dp);
    if (d.getMaxId() + 1 < size) {
      throw new IllegalStateException("column " + name + " dictionary has " + (d.getMaxId() + 1) + " of " + size + " values");
    }
    if (kind == Kind.DOUBLE) {
      for (int i = 0; i < size; i++) {
        dictDoubles[i] = switch (type) {
          case DOUBLE -> d.decodeToDouble(i);
          case FLOAT -> d.decodeToFloat(i);
          case INT64 -> d.decodeToLong(i);
          case INT32 -> d.decodeToInt(i);
          default -> throw new IllegalStateException("column " + name + " has type " + type);
        };
      }
    } else {
      for (int i = 0; i < size; i++) {
        dictLongs[i] = switch (type) {
          case INT64 -> d.decodeToLong(i);
          case INT32 -> d.decodeToInt(i);
          case DOUBLE -> (long) d.decodeToDouble(i);
          case FLOAT -> (long) d.decodeToFloat(i);
          case INT96 -> int96Nanos(ByteBuffer.wrap(d.decodeToBinary(i).getBytes()).order(ByteOrder.LITTLE_ENDIAN), 0);
          default -> throw new IllegalStateException("column " + name + " has type " + type);
        };
      }
    }
  }

  /** Decodes one page into the page buffers; returns its row count. */
  private int decodePage(DataPage page) throws IOException {
    final int n;
    final Encoding enc;
    final ByteBuffer values;
    int nonNull;
    if (page instanceof DataPageV2 p2) {
      n = p2.getRowCount();
      ensurePage(n);
      enc = p2.getDataEncoding();
      values = le(p2.getData());
      nonNull = maxDef == 0 ? n : levels(le(p2.getDefinitionLevels()), 0, n);
      if (maxDef == 0) {
        pageHasNulls = false;
      }
    } else if (page instanceof DataPageV1 p1) {
      n = p1.getValueCount();
      ensurePage(n);
      enc = p1.getValueEncoding();
      ByteBuffer all = le(p1.getBytes());
      int pos = 0;
      if (maxDef == 0) {
        nonNull = n;
        pageHasNulls = false;
      } else if (p1.getDlEncoding() == Encoding.RLE) {
        int len = all.getInt(0);
        nonNull = levels(all.duplicate().position(4).limit(4 + len).slice().order(ByteOrder.LITTLE_ENDIAN), 0, n);
        pos = 4 + len;
      } else {
        ValuesReader lr = p1.getDlEncoding().getValuesReader(desc, ValuesType.DEFINITION_LEVEL);
        ByteBufferInputStream in = ByteBufferInputStream.wrap(all.duplicate());
        lr.initFromPage(n, in);
        nonNull = 0;
        pageHasNulls = false;
        for (int i = 0; i < n; i++) {
          boolean isNull = lr.readInteger() < maxDef;
          pageNulls[i] = isNull;
          pageHasNulls |= isNull;
          nonNull += isNull ? 0 : 1;
        }
        pos = (int) in.position();
      }
      values = all.duplicate().position(pos).slice().order(ByteOrder.LITTLE_ENDIAN);
    } else {
      throw new IllegalStateException("unknown page type " + page.getClass().getSimpleName());
    }
    decodeValues(enc, values, n, nonNull);
    if (pageHasNulls) {
      spread(n, nonNull);
    }
    return n;
  }

  /** Definition levels of a page into {@link #pageNulls}; returns the non-null count. */
  private int levels(ByteBuffer buf, int pos, int n) {
    ensureInts(n);
    RleHybridDecoder.decode(buf, pos, buf.limit(), defWidth, ints, n);
    final int[] lv = ints;
    final boolean[] nl = pageNulls;
    final int max = maxDef;
    int nonNull = 0;
    for (int i = 0; i < n; i++) {
      boolean isNull = lv[i] < max;
      nl[i] = isNull;
      nonNull += isNull ? 0 : 1;
    }
    pageHasNulls = nonNull < n;
    return nonNull;
  }

  private void decodeValues(Encoding enc, ByteBuffer v, int n, int count) throws IOException {
    if (count == 0) {
      return;
    }
    if (enc == Encoding.RLE_DICTIONARY || enc == Encoding.PLAIN_DICTIONARY) {
      if (!hasDict) {
        throw new IllegalStateException("column " + name + " has dictionary-encoded values but no dictionary page");
      }
      ensureInts(count);
      int width = v.get(0) & 0xFF;
      RleHybridDecoder.decode(v, 1, v.limit(), width, ints, count);
      final int[] ids = ints;
      final int size = dictSize;
      int bad = 0;
      for (int i = 0; i < count; i++) {
        bad |= ids[i] | (size - 1 - ids[i]);
      }
      if (bad < 0) {
        throw new IllegalStateException("column " + name + " has a dictionary id outside its dictionary");
      }
      if (kind == Kind.DOUBLE) {
        final double[] dict = dictDoubles;
        final double[] out = pageDoubles;
        for (int i = 0; i < count; i++) {
          out[i] = dict[ids[i]];
        }
      } else {
        final long[] dict = dictLongs;
        final long[] out = pageLongs;
        for (int i = 0; i < count; i++) {
          out[i] = dict[ids[i]];
        }
      }
      return;
    }
    if (enc == Encoding.PLAIN) {
      plain(v, count);
      return;
    }
    if (enc == Encoding.DELTA_BINARY_PACKED && kind == Kind.LONG
        && (type == PrimitiveTypeName.INT64 || type == PrimitiveTypeName.INT32)) {
      if (delta == null) {
        delta = new DeltaBinaryPackedDecoder();
      }
      final long[] out = pageLongs;
      delta.decode(v, out, count);
      if (type == PrimitiveTypeName.INT32) {
        for (int i = 0; i < count; i++) {
          out[i] = (int) out[i];
        }
      }
      return;
    }
    ValuesReader r = enc.getValuesReader(desc, ValuesType.VALUES);
    r.initFromPage(n, ByteBufferInputStream.wrap(v));
    if (kind == Kind.DOUBLE) {
      final double[] out = pageDoubles;
      for (int i = 0; i < count; i++) {
        out[i] = switch (type) {
          case DOUBLE -> r.readDouble();
          case FLOAT -> r.readFloat();
          case INT64 -> r.readLong();
          default -> r.readInteger();
        };
      }
    } else if (kind == Kind.LONG) {
      final long[] out = pageLongs;
      for (int i = 0; i < count; i++) {
        out[i] = switch (type) {
          case INT64 -> r.readLong();
          case INT32 -> r.readInteger();
          case DOUBLE -> (long) r.readDouble();
          default -> (long) r.readFloat();
        };
      }
    } else {
      final long[] out = pageLongs;
      for (int i = 0; i < count; i++) {
        out[i] = int96Nanos(ByteBuffer.wrap(r.readBytes().getBytes()).order(ByteOrder.LITTLE_ENDIAN), 0);
      }
    }
  }

  private void plain(ByteBuffer v, int count) {
    if (kind == Kind.INT96_NANOS) {
      final long[] out = pageLongs;
      for (int i = 0; i < count; i++) {
        out[i] = int96Nanos(v, 12 * i);
      }
      return;
    }
    if (kind == Kind.DOUBLE) {
      final double[] out = pageDoubles;
      switch (type) {
        case DOUBLE -> v.asDoubleBuffer().get(out, 0, count);
        case FLOAT -> {
          for (int i = 0; i < count; i++) {
            out[i] = v.getFloat(4 * i);
          }
        }
        case INT64 -> {
          for (int i = 0; i < count; i++) {
            out[i] = v.getLong(8 * i);
          }
        }
        case INT32 -> {
          for (int i = 0; i < count; i++) {
            out[i] = v.getInt(4 * i);
          }
        }
        default -> throw new IllegalStateException("column " + name + " has type " + type);
      }
      return;
    }
    final long[] out = pageLongs;
    switch (type) {
      case INT64 -> v.asLongBuffer().get(out, 0, count);
      case INT32 -> {
        for (int i = 0; i < count; i++) {
          out[i] = v.getInt(4 * i);
        }
      }
      case DOUBLE -> {
        for (int i = 0; i < count; i++) {
          out[i] = (long) v.getDouble(8 * i);
        }
      }
      case FLOAT -> {
        for (int i = 0; i < count; i++) {
          out[i] = (long) v.getFloat(4 * i);
        }
      }
      default -> throw new IllegalStateException("column " + name + " has type " + type);
    }
  }

  /** Moves the dense non-null values to their rows (from the back, so it works in place); nulls get 0. */
  private void spread(int n, int nonNull) {
    final boolean[] nl = pageNulls;
    int j = nonNull - 1;
    if (kind == Kind.DOUBLE) {
      final double[] a = pageDoubles;
      for (int i = n - 1; i >= 0; i--) {
        a[i] = nl[i] ? 0 : a[j--];
      }
    } else {
      final long[] a = pageLongs;
      for (int i = n - 1; i >= 0; i--) {
        a[i] = nl[i] ? 0 : a[j--];
      }
    }
  }

  private void copyOut(int src, int dst, int len) {
    if (kind == Kind.DOUBLE) {
      System.arraycopy(pageDoubles, src, doubles, dst, len);
    } else {
      System.arraycopy(pageLongs, src, longs, dst, len);
    }
    if (pageHasNulls) {
      if (nulls == null) {
        int cap = kind == Kind.DOUBLE ? doubles.length : longs.length;
        if (nullsBuf.length < cap) {
          nullsBuf = new boolean[cap];
        }
        nulls = nullsBuf;
        // every row decoded so far had a value; rows not decoded yet are all written later
        Arrays.fill(nulls, 0, cap, false);
      }
      System.arraycopy(pageNulls, src, nulls, dst, len);
    } else if (nulls != null) {
      Arrays.fill(nulls, dst, dst + len, false);
    }
  }

  private void allocateOut(int capacity) {
    if (kind == Kind.DOUBLE) {
      if (doubles.length < capacity) {
        doubles = new double[capacity];
      }
    } else if (longs.length < capacity) {
      longs = new long[capacity];
    }
    nulls = null;
  }

  private void growOut(int capacity) {
    if (kind == Kind.DOUBLE) {
      doubles = Arrays.copyOf(doubles, capacity);
    } else {
      longs = Arrays.copyOf(longs, capacity);
    }
    if (nulls != null) {
      nullsBuf = Arrays.copyOf(nulls, capacity);
      nulls = nullsBuf;
    }
  }

  private void ensurePage(int n) {
    if (pageNulls.length < n) {
      pageNulls = new boolean[Math.max(n, 1024)];
    }
    if (kind == Kind.DOUBLE) {
      if (pageDoubles.length < n) {
        pageDoubles = new double[Math.max(n, 1024)];
      }
    } else if (pageLongs.length < n) {
      pageLongs = new long[Math.max(n, 1024)];
    }
    pageHasNulls = false;
  }

  private void ensureInts(int n) {
    if (ints.length < n + 8) {
      ints = new int[Math.max(n + 8, 1024)];
    }
  }

  private static ByteBuffer le(BytesInput bytes) throws IOException {
    return bytes.toByteBuffer().slice().order(ByteOrder.LITTLE_ENDIAN);
  }

  /** 8 bytes nanos of day, then 4 bytes Julian day, little-endian. */
  private static long int96Nanos(ByteBuffer b, int at) {
    return TimeEncoding.int96ToEpochNanos(b.getLong(at), b.getInt(at + 8) & 0xFFFFFFFFL);
  }
}
