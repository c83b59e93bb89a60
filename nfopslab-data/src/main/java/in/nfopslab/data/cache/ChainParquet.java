package in.nfopslab.data.cache;

import in.nfopslab.core.io.AtomicFiles;
import in.nfopslab.data.parquet.ParquetColumns;
import in.nfopslab.data.read.ParquetArrays;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Reads and writes one seconds-cache entry: the sparse per-second bars of a whole option chain (one expiry, one
 * day) as one Parquet file, with what it was built from in the file's key-value metadata.
 */
final class ChainParquet {
  static final MessageType SCHEMA = MessageTypeParser.parseMessageType(
      "message chain_seconds { required int32 type (INTEGER(8,true)); required int32 strike; required int32 second;"
          + " required double close; required int64 volume; required int32 ticks; optional int64 oi; }");

  /**
   * Columns written with a dictionary: the few types and strikes of a chain. Prices, volumes and open interest have
   * thousands of distinct values a day; a dictionary there was most of the cost of writing an entry (a hash lookup
   * per value, then a fallback check) for little gain in size after ZSTD.
   */
  private static final Set<String> DICTIONARY_COLUMNS = Set.of("type", "strike");

  private ChainParquet() {}

  /** A read entry: the chain and its metadata. */
  record Entry(ChainDay chain, Map<String, String> metadata) {}

  static void write(Path target, ChainDay c, Map<String, String> metadata) throws IOException {
    final int[] type = c.typeArray();
    final int[] strike = c.strikeArray();
    final int[] second = c.secondArray();
    final double[] close = c.closeArray();
    final long[] volume = c.volumeArray();
    final int[] ticks = c.ticksArray();
    final long[] oi = c.oiArray();
    AtomicFiles.write(target, tmp -> ParquetColumns.write(tmp, SCHEMA, metadata, c.rows(), (out, i) -> {
      ParquetColumns.putInt(out, "type", 0, type[i]);
      ParquetColumns.putInt(out, "strike", 1, strike[i]);
      ParquetColumns.putInt(out, "second", 2, second[i]);
      ParquetColumns.putDouble(out, "close", 3, close[i]);
      ParquetColumns.putLong(out, "volume", 4, volume[i]);
      ParquetColumns.putInt(out, "ticks", 5, ticks[i]);
      if (oi != null) {
        ParquetColumns.putLong(out, "oi", 6, oi[i]);
      }
    }, DICTIONARY_COLUMNS));
  }

  static Entry read(Path file, int seconds, Iterable<long[]> listedSeriesOverride) throws IOException {
    // a page at a time into arrays (the warm path of every run reads its chains this way)
    ParquetArrays.Result r = ParquetArrays.read(file,
        List.of("type", "strike", "second", "volume", "ticks", "oi"), List.of("close"));
    Map<String, String> meta = new HashMap<>(r.metadata());
    boolean hasOi = "true".equals(meta.get(SecondsCache.META_HAS_OI));
    long[] oiAll = r.longs().get("oi");
    boolean[] oiNull = r.nulls().get("oi");
    long[] oi = null;
    if (hasOi) {
      oi = oiAll;
      if (oiNull != null) {
        for (int i = 0; i < oi.length; i++) {
          if (oiNull[i]) {
            oi[i] = 0L;
          }
        }
      }
    }
    Iterable<long[]> listed = listedSeriesOverride != null ? listedSeriesOverride : parseSeries(meta.get(SecondsCache.META_SERIES));
    return new Entry(new ChainDay(seconds, ints(r.longs().get("type")), ints(r.longs().get("strike")),
        ints(r.longs().get("second")), r.doubles().get("close"), r.longs().get("volume"), ints(r.longs().get("ticks")),
        oi, listed), meta);
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
}
