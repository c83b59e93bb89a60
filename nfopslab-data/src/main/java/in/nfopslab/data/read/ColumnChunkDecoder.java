package in.nfopslab.data.read;

import java.io.IOException;
import java.util.Arrays;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesUtils;
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
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesReader;
import org.apache.parquet.column.values.dictionary.DictionaryValuesReader;
import org.apache.parquet.column.values.plain.PlainValuesReader;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Decodes the pages of one flat (non-repeated) column of one row group a page at a time into
 * primitive arrays, with parquet-java's own public readers: the {@link ValuesReader} each page's
 * {@link Encoding} gives for levels and values, {@link RunLengthBitPackingHybridDecoder} for v2
 * definition levels, {@link DictionaryValuesReader} for dictionary ids and parquet-java's {@link
 * Dictionary} for the dictionary page, whose values are copied once into a primitive lookup table.
 * Pages come decompressed from parquet-java's page reader and codecs. What this replaces is the
 * record-at-a-time {@code ColumnReader} loop that switched between columns on every value (a few
 * virtual calls, level bookkeeping and a row-index synchronisation per value); here each reader is
 * drained in a tight loop over its concrete class, and a v2 page whose header counts no null skips
 * its levels.
 *
 * <p>One column drives the rows: {@link #decodeDriving} decodes every page it is given and records
 * which rows of the row group those pages hold (with column-index filtering, only some pages are
 * read, and {@link DataPage#getFirstRowIndex()} says where each starts). {@link #decodeAligned}
 * decodes another column whose pages may start and end elsewhere and keeps exactly the driving
 * rows, in the same order. Values are widened or narrowed to the requested {@link Kind} the way the
 * row reader did (a double volume is truncated to long).
 *
 * <p>Reusable: {@link #reset} points it at another column and keeps its arrays, so a thread that
 * reads many small files allocates its buffers once. The decoded arrays are valid until the next
 * reset. Not thread-safe.
 */
final class ColumnChunkDecoder {
  /** What the caller wants out. */
  enum Kind {
    LONG,
    DOUBLE,
    /** An INT96 timestamp as true epoch nanoseconds. */
    INT96_NANOS
  }

  /**
   * The rows of a row group some pages hold: sorted, disjoint {@code [from, to)} ranges of row
   * indexes.
   */
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
          throw new IllegalStateException(
              "pages out of row order (" + f + " < " + to[ranges - 1] + ")");
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

  /**
   * The decoded column: {@code longs} or {@code doubles} by kind, and null flags when any value was
   * null.
   */
  long[] longs = new long[0];

  double[] doubles = new double[0];
  boolean[] nulls;
  private boolean[] nullsBuf = new boolean[0];

  private long[] dictLongs = new long[0];
  private double[] dictDoubles = new double[0];
  private boolean hasDict;
  private Dictionary dictionary;
  private int dictSize;

  // one page, dense values first, then spread over the rows by the definition levels
  private long[] pageLongs = new long[0];
  private double[] pageDoubles = new double[0];
  private boolean[] pageNulls = new boolean[0];
  private boolean pageHasNulls;

  /** Points the decoder at a column; keeps the buffers. */
  ColumnChunkDecoder reset(ColumnDescriptor desc, Kind kind) {
    this.desc = desc;
    this.name = String.join(".", desc.getPath());
    this.type = desc.getPrimitiveType().getPrimitiveTypeName();
    this.maxDef = desc.getMaxDefinitionLevel();
    this.defWidth = BytesUtils.getWidthFromMaxInt(maxDef);
    this.kind = kind;
    this.hasDict = false;
    this.dictionary = null;
    this.nulls = null;
    if (desc.getMaxRepetitionLevel() != 0) {
      throw new IllegalArgumentException("column " + name + " is repeated");
    }
    return this;
  }

  /** Drops buffers grown past {@link #MAX_RETAINED} values (after an unusually large read). */
  void trim() {
    if (longs.length > MAX_RETAINED
        || doubles.length > MAX_RETAINED
        || nullsBuf.length > MAX_RETAINED) {
      longs = new long[0];
      doubles = new double[0];
      nullsBuf = new boolean[0];
      nulls = null;
    }
    if (pageNulls.length > MAX_RETAINED) {
      pageLongs = new long[0];
      pageDoubles = new double[0];
      pageNulls = new boolean[0];
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
      throw new IllegalStateException(
          "column " + name + " has values for " + copied + " of " + rows.rows + " rows");
    }
  }

  /**
   * The chunk's dictionary, if any, through parquet-java's {@link Dictionary}, copied into a
   * primitive table.
   */
  private void readDictionary(PageReader pages) throws IOException {
    DictionaryPage dp = pages.readDictionaryPage();
    if (dp == null) {
      return;
    }
    Dictionary d = dp.getEncoding().initDictionary(desc, dp);
    dictionary = d;
    final int size = d.getMaxId() + 1;
    hasDict = true;
    dictSize = size;
    if (kind == Kind.DOUBLE) {
      if (dictDoubles.length < size) {
        dictDoubles = new double[size];
      }
      final double[] out = dictDoubles;
      for (int i = 0; i < size; i++) {
        out[i] =
            switch (type) {
              case DOUBLE -> d.decodeToDouble(i);
              case FLOAT -> d.decodeToFloat(i);
              case INT64 -> d.decodeToLong(i);
              case INT32 -> d.decodeToInt(i);
              default -> throw new IllegalStateException("column " + name + " has type " + type);
            };
      }
    } else {
      if (dictLongs.length < size) {
        dictLongs = new long[size];
      }
      final long[] out = dictLongs;
      for (int i = 0; i < size; i++) {
        out[i] =
            switch (type) {
              case INT64 -> d.decodeToLong(i);
              case INT32 -> d.decodeToInt(i);
              case DOUBLE -> (long) d.decodeToDouble(i);
              case FLOAT -> (long) d.decodeToFloat(i);
              case INT96 -> TimeEncoding.int96ToEpochNanos(d.decodeToBinary(i).getBytes());
              default -> throw new IllegalStateException("column " + name + " has type " + type);
            };
      }
    }
  }

  /**
   * Decodes one page into the page buffers; returns its row count. Levels and values are read with
   * the readers parquet-java's {@link Encoding}s give (as its ColumnReader does), a page at a time
   * instead of a value at a time across columns: a v2 page whose header counts no null skips its
   * definition levels.
   */
  private int decodePage(DataPage page) throws IOException {
    final int n;
    final int nonNull;
    if (page instanceof DataPageV2 p2) {
      n = p2.getRowCount();
      ensurePage(n);
      if (maxDef == 0 || p2.getNullCount() == 0) {
        nonNull = n;
      } else {
        RunLengthBitPackingHybridDecoder levels =
            new RunLengthBitPackingHybridDecoder(
                defWidth, p2.getDefinitionLevels().toInputStream());
        nonNull = levels(levels, n);
      }
      decodeValues(p2.getDataEncoding(), p2.getData().toInputStream(), n, nonNull);
    } else if (page instanceof DataPageV1 p1) {
      n = p1.getValueCount();
      ensurePage(n);
      ByteBufferInputStream in = p1.getBytes().toInputStream();
      ValuesReader rl = p1.getRlEncoding().getValuesReader(desc, ValuesType.REPETITION_LEVEL);
      rl.initFromPage(n, in);
      if (maxDef == 0) {
        nonNull = n;
      } else {
        ValuesReader dl = p1.getDlEncoding().getValuesReader(desc, ValuesType.DEFINITION_LEVEL);
        dl.initFromPage(n, in);
        nonNull = levels(dl, n);
      }
      decodeValues(p1.getValueEncoding(), in, n, nonNull);
    } else {
      throw new IllegalStateException("unknown page type " + page.getClass().getSimpleName());
    }
    if (pageHasNulls) {
      spread(n, nonNull);
    }
    return n;
  }

  /** Definition levels of a v2 page into {@link #pageNulls}; returns the non-null count. */
  private int levels(RunLengthBitPackingHybridDecoder levels, int n) throws IOException {
    final boolean[] nl = pageNulls;
    final int max = maxDef;
    int nonNull = 0;
    for (int i = 0; i < n; i++) {
      boolean isNull = levels.readInt() < max;
      nl[i] = isNull;
      nonNull += isNull ? 0 : 1;
    }
    pageHasNulls = nonNull < n;
    return nonNull;
  }

  /** Definition levels of a v1 page into {@link #pageNulls}; returns the non-null count. */
  private int levels(ValuesReader levels, int n) {
    final boolean[] nl = pageNulls;
    final int max = maxDef;
    int nonNull = 0;
    for (int i = 0; i < n; i++) {
      boolean isNull = levels.readInteger() < max;
      nl[i] = isNull;
      nonNull += isNull ? 0 : 1;
    }
    pageHasNulls = nonNull < n;
    return nonNull;
  }

  /**
   * The page's {@code count} non-null values into the page buffer, densely. Each encoding's reader
   * gets its own loop on its concrete class, so the per-value call is monomorphic and inlined.
   */
  private void decodeValues(Encoding enc, ByteBufferInputStream in, int n, int count)
      throws IOException {
    if (count == 0) {
      return;
    }
    if (enc.usesDictionary()) {
      if (!hasDict) {
        throw new IllegalStateException(
            "column " + name + " has dictionary-encoded values but no dictionary page");
      }
      ValuesReader dr = enc.getDictionaryBasedValuesReader(desc, ValuesType.VALUES, dictionary);
      if (!(dr instanceof DictionaryValuesReader r)) {
        throw new IllegalStateException("column " + name + ": no dictionary id reader for " + enc);
      }
      r.initFromPage(n, in);
      final int size = dictSize;
      if (kind == Kind.DOUBLE) {
        final double[] dict = dictDoubles;
        final double[] out = pageDoubles;
        for (int i = 0; i < count; i++) {
          out[i] = dict[checkedId(r.readValueDictionaryId(), size)];
        }
      } else {
        final long[] dict = dictLongs;
        final long[] out = pageLongs;
        for (int i = 0; i < count; i++) {
          out[i] = dict[checkedId(r.readValueDictionaryId(), size)];
        }
      }
      return;
    }
    ValuesReader r = enc.getValuesReader(desc, ValuesType.VALUES);
    r.initFromPage(n, in);
    if (kind == Kind.INT96_NANOS) {
      final long[] out = pageLongs;
      for (int i = 0; i < count; i++) {
        out[i] = TimeEncoding.int96ToEpochNanos(r.readBytes().getBytes());
      }
    } else if (kind == Kind.DOUBLE) {
      readDoubles(r, pageDoubles, count);
    } else {
      readLongs(r, pageLongs, count);
    }
  }

  private static int checkedId(int id, int size) {
    if (id < 0 || id >= size) {
      throw new IllegalStateException("dictionary id " + id + " outside a dictionary of " + size);
    }
    return id;
  }

  private void readLongs(ValuesReader r, long[] out, int count) {
    if (r instanceof DeltaBinaryPackingValuesReader d) {
      if (type == PrimitiveTypeName.INT64) {
        for (int i = 0; i < count; i++) {
          out[i] = d.readLong();
        }
      } else {
        for (int i = 0; i < count; i++) {
          out[i] = d.readInteger();
        }
      }
      return;
    }
    switch (type) {
      case INT64 -> {
        for (int i = 0; i < count; i++) {
          out[i] = r.readLong();
        }
      }
      case INT32 -> {
        for (int i = 0; i < count; i++) {
          out[i] = r.readInteger();
        }
      }
      case DOUBLE -> {
        for (int i = 0; i < count; i++) {
          out[i] = (long) r.readDouble();
        }
      }
      case FLOAT -> {
        for (int i = 0; i < count; i++) {
          out[i] = (long) r.readFloat();
        }
      }
      default -> throw new IllegalStateException("column " + name + " has type " + type);
    }
  }

  private void readDoubles(ValuesReader r, double[] out, int count) {
    if (r instanceof PlainValuesReader.DoublePlainValuesReader p) {
      for (int i = 0; i < count; i++) {
        out[i] = p.readDouble();
      }
      return;
    }
    switch (type) {
      case DOUBLE -> {
        for (int i = 0; i < count; i++) {
          out[i] = r.readDouble();
        }
      }
      case FLOAT -> {
        for (int i = 0; i < count; i++) {
          out[i] = r.readFloat();
        }
      }
      case INT64 -> {
        for (int i = 0; i < count; i++) {
          out[i] = r.readLong();
        }
      }
      case INT32 -> {
        for (int i = 0; i < count; i++) {
          out[i] = r.readInteger();
        }
      }
      default -> throw new IllegalStateException("column " + name + " has type " + type);
    }
  }

  /**
   * Moves the dense non-null values to their rows (from the back, so it works in place); nulls get
   * 0.
   */
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
}
