package in.nfopslab.data.cache;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.io.AtomicFiles;
import in.nfopslab.core.market.SecondBars;
import in.nfopslab.data.parquet.ColumnFileWriter;
import in.nfopslab.data.parquet.ParquetColumns;
import in.nfopslab.data.read.ParquetArrays;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Reads and writes one seconds-cache entry: the sparse per-second bars of a whole option chain (one
 * expiry, one day) as one Parquet file, sorted by (type, strike, second), with what it was built
 * from and where each series' rows are ({@value SecondsCache#META_ROWS}) in the file's key-value
 * metadata.
 */
final class ChainParquet {
  static final MessageType SCHEMA =
      MessageTypeParser.parseMessageType(
          "message chain_seconds { required int32 type (INTEGER(8,true)); required int32 strike; required int32 second;"
              + " required double close; required int64 volume; required int32 ticks; optional int64 oi; }");

  private static final List<String> LONG_COLUMNS =
      List.of("type", "strike", "second", "volume", "ticks", "oi");
  private static final List<String> SERIES_LONG_COLUMNS =
      List.of("second", "volume", "ticks", "oi");
  private static final List<String> DOUBLE_COLUMNS = List.of("close");

  /**
   * How an entry is laid out: Parquet writer version (v1 pages: PLAIN integers; v2: DELTA), codec,
   * the columns with a dictionary, the most rows per page (what a lazy series load reads at least)
   * and whether the rows go through parquet-java's record path ({@code ParquetWriter}) or straight
   * to its column writers.
   */
  record Format(
      ParquetProperties.WriterVersion version,
      CompressionCodecName codec,
      Set<String> dictionary,
      int pageRows,
      boolean recordPath) {
    Format {
      requireNonNull(version, "version is null");
      requireNonNull(codec, "codec is null");
      dictionary = Set.copyOf(dictionary);
      if (pageRows < 1) {
        throw new IllegalArgumentException("page rows must be positive, got " + pageRows);
      }
    }

    @Override
    public String toString() {
      return (version == ParquetProperties.WriterVersion.PARQUET_1_0 ? "v1" : "v2")
          + "/"
          + codec
          + "/dict="
          + (dictionary.isEmpty() ? "none" : String.join("+", new java.util.TreeSet<>(dictionary)))
          + "/page="
          + pageRows
          + (recordPath ? "/records" : "/columns");
    }
  }

  /**
   * What entries are written with (measured with {@code CacheFormatBench}, figures in
   * docs/PERFORMANCE.md): v1 pages, so integers are PLAIN (decoding DELTA was most of a warm read),
   * no compression (entries are read back from the OS page cache: decompressing LZ4_RAW pages was
   * 40% of a lazy series load, the entry is 2.2x the size of the LZ4_RAW one and is written faster
   * too; format 3, LZ4_RAW was format 2), pages of 5,000 rows (a lazy series reads one or two pages
   * per column; smaller pages cost the whole read more and saved nothing there), written straight
   * to the column writers (a third cheaper than the record path). A dictionary only for the few
   * types and strikes of a chain: prices, volumes and open interest have thousands of distinct
   * values a day, and a dictionary there was most of the cost of writing an entry.
   */
  static final Format FORMAT =
      new Format(
          ParquetProperties.WriterVersion.PARQUET_1_0,
          CompressionCodecName.UNCOMPRESSED,
          Set.of("type", "strike"),
          5_000,
          false);

  /** The environment variable that picks the codec of new entries. */
  static final String CODEC_ENV = "NFOPS_CACHE_CODEC";

  /**
   * {@link #FORMAT} with the codec {@code NFOPS_CACHE_CODEC} asks for: unset or {@code none}
   * (uncompressed, the default), {@code lz4_raw} (about 2.2x smaller, series loads about 1.7x
   * slower) or {@code zstd} (smaller still, slower to write and read). Readers take any codec, so
   * entries written with another setting stay valid.
   */
  static Format format() {
    CompressionCodecName codec = codec(System.getenv(CODEC_ENV));
    return codec == FORMAT.codec()
        ? FORMAT
        : new Format(FORMAT.version(), codec, FORMAT.dictionary(), FORMAT.pageRows(), false);
  }

  /** The codec a {@code NFOPS_CACHE_CODEC} value names; null or blank is the default. */
  static CompressionCodecName codec(String setting) {
    if (setting == null || setting.isBlank()) {
      return FORMAT.codec();
    }
    return switch (setting.trim().toLowerCase(Locale.ROOT)) {
      case "none" -> CompressionCodecName.UNCOMPRESSED;
      case "lz4_raw" -> CompressionCodecName.LZ4_RAW;
      case "zstd" -> CompressionCodecName.ZSTD;
      default ->
          throw new IllegalArgumentException(
              CODEC_ENV + " is '" + setting + "': expected none, lz4_raw or zstd");
    };
  }

  private ChainParquet() {}

  /** A read entry: the chain and its metadata. */
  record Entry(ChainDay chain, Map<String, String> metadata) {}

  static void write(Path target, ChainDay c, Map<String, String> metadata) throws IOException {
    write(target, c, metadata, format());
  }

  static void write(Path target, ChainDay c, Map<String, String> metadata, Format format)
      throws IOException {
    Map<String, String> meta = new LinkedHashMap<>(metadata);
    meta.put(SecondsCache.META_ROWS, formatRows(c));
    if (format.recordPath()) {
      writeRecords(target, c, meta, format);
    } else {
      AtomicFiles.write(target, tmp -> writeColumns(tmp, c, meta, format));
    }
  }

  private static void writeRecords(Path target, ChainDay c, Map<String, String> meta, Format format)
      throws IOException {
    final int[] type = c.typeArray();
    final int[] strike = c.strikeArray();
    final int[] second = c.secondArray();
    final double[] close = c.closeArray();
    final long[] volume = c.volumeArray();
    final int[] ticks = c.ticksArray();
    final long[] oi = c.oiArray();
    AtomicFiles.write(
        target,
        tmp ->
            ParquetColumns.write(
                tmp,
                SCHEMA,
                meta,
                c.rows(),
                (out, i) -> {
                  ParquetColumns.putInt(out, "type", 0, type[i]);
                  ParquetColumns.putInt(out, "strike", 1, strike[i]);
                  ParquetColumns.putInt(out, "second", 2, second[i]);
                  ParquetColumns.putDouble(out, "close", 3, close[i]);
                  ParquetColumns.putLong(out, "volume", 4, volume[i]);
                  ParquetColumns.putInt(out, "ticks", 5, ticks[i]);
                  if (oi != null) {
                    ParquetColumns.putLong(out, "oi", 6, oi[i]);
                  }
                },
                format.dictionary(),
                format.version(),
                format.codec(),
                format.pageRows()));
  }

  /**
   * Writes the chain straight to parquet-java's column writers ({@link ColumnFileWriter}), without
   * the record layer: one row group, pages cut at {@link Format#pageRows()} rows.
   */
  private static void writeColumns(Path tmp, ChainDay c, Map<String, String> meta, Format format)
      throws IOException {
    final int[] type = c.typeArray();
    final int[] strike = c.strikeArray();
    final int[] second = c.secondArray();
    final double[] close = c.closeArray();
    final long[] volume = c.volumeArray();
    final int[] ticks = c.ticksArray();
    final long[] oi = c.oiArray();
    ColumnFileWriter.write(
        tmp,
        SCHEMA,
        meta,
        c.rows(),
        new ColumnFileWriter.Layout(
            format.version(), format.codec(), format.dictionary(), format.pageRows()),
        (w, from, to) -> {
          // the columns in SCHEMA order
          ints(w[0], type, from, to);
          ints(w[1], strike, from, to);
          ints(w[2], second, from, to);
          for (int i = from; i < to; i++) {
            w[3].write(close[i], 0, 0);
          }
          longs(w[4], volume, from, to);
          ints(w[5], ticks, from, to);
          if (oi != null) {
            for (int i = from; i < to; i++) {
              w[6].write(oi[i], 0, 1);
            }
          } else {
            for (int i = from; i < to; i++) {
              w[6].writeNull(0, 0);
            }
          }
        });
  }

  private static void ints(ColumnWriter w, int[] values, int from, int to) {
    for (int i = from; i < to; i++) {
      w.write(values[i], 0, 0);
    }
  }

  private static void longs(ColumnWriter w, long[] values, int from, int to) {
    for (int i = from; i < to; i++) {
      w.write(values[i], 0, 0);
    }
  }

  /** The whole entry, through its footer read before. */
  static Entry read(ParquetArrays.Footer footer, int seconds) throws IOException {
    ParquetArrays.Result r =
        ParquetArrays.read(footer, LONG_COLUMNS, DOUBLE_COLUMNS, 0, Long.MAX_VALUE);
    Map<String, String> meta = new HashMap<>(r.metadata());
    boolean hasOi = "true".equals(meta.get(SecondsCache.META_HAS_OI));
    long[] oi = hasOi ? zeroNulls(r.longs().get("oi"), r.nulls().get("oi")) : null;
    Iterable<long[]> listed = parseSeries(meta.get(SecondsCache.META_SERIES));
    return new Entry(
        new ChainDay(
            seconds,
            ints(r.longs().get("type")),
            ints(r.longs().get("strike")),
            ints(r.longs().get("second")),
            r.doubles().get("close"),
            r.longs().get("volume"),
            ints(r.longs().get("ticks")),
            oi,
            listed),
        meta);
  }

  /**
   * One series' bars (sparse: its rows as read), reading only the pages that hold its rows {@code
   * rows = [from, to)} (from the entry's {@value SecondsCache#META_ROWS} index); {@code hasOi} as
   * the entry's metadata says.
   */
  static SecondBars readSeries(ParquetArrays.Footer footer, int seconds, long[] rows, boolean hasOi)
      throws IOException {
    try (ParquetArrays.Reader reader = openSeries(footer)) {
      return readSeries(reader, seconds, rows, hasOi);
    }
  }

  /** Opens an entry for {@link #readSeries(ParquetArrays.Reader, int, long[], boolean)}. */
  static ParquetArrays.Reader openSeries(ParquetArrays.Footer footer) throws IOException {
    return ParquetArrays.open(footer, SERIES_LONG_COLUMNS, DOUBLE_COLUMNS);
  }

  /** As {@link #readSeries(ParquetArrays.Footer, int, long[], boolean)}, through an open entry. */
  static SecondBars readSeries(ParquetArrays.Reader reader, int seconds, long[] rows, boolean hasOi)
      throws IOException {
    ParquetArrays.Result r = reader.read(rows[0], rows[1]);
    if (r.rows() != rows[1] - rows[0]) {
      throw new IOException(
          reader.file() + ": read " + r.rows() + " rows of a series of " + (rows[1] - rows[0]));
    }
    long[] oi = hasOi ? zeroNulls(r.longs().get("oi"), r.nulls().get("oi")) : null;
    int[] second = ints(r.longs().get("second"));
    try {
      // sparse(...) checks the rows (ascending trade seconds inside the session)
      return SecondBars.sparse(
          seconds,
          second,
          r.doubles().get("close"),
          r.longs().get("volume"),
          ints(r.longs().get("ticks")),
          oi,
          0,
          second.length);
    } catch (IllegalArgumentException e) {
      throw new IOException(
          reader.file() + ": series rows " + rows[0] + ".." + rows[1] + ": " + e.getMessage(), e);
    }
  }

  private static long[] zeroNulls(long[] values, boolean[] nulls) {
    if (nulls != null) {
      for (int i = 0; i < values.length; i++) {
        if (nulls[i]) {
          values[i] = 0L;
        }
      }
    }
    return values;
  }

  private static int[] ints(long[] a) {
    int[] out = new int[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (int) a[i];
    }
    return out;
  }

  static String formatSeries(Iterable<long[]> series) {
    StringBuilder sb = new StringBuilder();
    for (long[] s : series) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(s[0] == 0 ? "CE" : "PE").append(':').append(s[1]);
    }
    return sb.toString();
  }

  static List<long[]> parseSeries(String text) {
    List<long[]> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    for (String part : text.split(",")) {
      int c = part.indexOf(':');
      out.add(new long[] {part.startsWith("CE") ? 0 : 1, Long.parseLong(part.substring(c + 1))});
    }
    return out;
  }

  /**
   * The rows of every series with trades, in row order: {@code
   * CE:21000:0:1834,CE:21050:1834:3702,...}.
   */
  static String formatRows(ChainDay c) {
    final int[] type = c.typeArray();
    final int[] strike = c.strikeArray();
    final int n = type.length;
    StringBuilder sb = new StringBuilder();
    int start = 0;
    for (int i = 1; i <= n; i++) {
      if (i == n || type[i] != type[start] || strike[i] != strike[start]) {
        if (sb.length() > 0) {
          sb.append(',');
        }
        sb.append(type[start] == 0 ? "CE" : "PE")
            .append(':')
            .append(strike[start])
            .append(':')
            .append(start)
            .append(':')
            .append(i);
        start = i;
      }
    }
    return sb.toString();
  }

  /**
   * Parses {@link #formatRows}: series key ({@link ChainDay#key}) to {@code [from, to)}. Fails
   * (IllegalArgumentException) on text it did not write: ranges out of order, overlapping, or not
   * covering exactly {@code rows} rows.
   */
  static Map<Long, long[]> parseRows(String text, long rows) {
    Map<Long, long[]> out = new HashMap<>();
    long next = 0;
    if (text != null && !text.isEmpty()) {
      for (String part : text.split(",")) {
        String[] f = part.split(":");
        if (f.length != 4 || !(f[0].equals("CE") || f[0].equals("PE"))) {
          throw new IllegalArgumentException("bad series rows '" + part + "'");
        }
        long from = Long.parseLong(f[2]);
        long to = Long.parseLong(f[3]);
        if (from != next || to <= from) {
          throw new IllegalArgumentException(
              "series rows '" + part + "' do not follow row " + next);
        }
        next = to;
        out.put(
            ChainDay.key(f[0].equals("CE") ? 0 : 1, Integer.parseInt(f[1])), new long[] {from, to});
      }
    }
    if (next != rows) {
      throw new IllegalArgumentException("series rows cover " + next + " of " + rows + " rows");
    }
    return out;
  }
}
