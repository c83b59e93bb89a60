package in.nfopslab.data.cache;

import in.nfopslab.core.io.AtomicFiles;
import in.nfopslab.data.parquet.ParquetColumns;
import in.nfopslab.data.read.NoopGroupConverter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
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
    }));
  }

  static Entry read(Path file, int seconds, Iterable<long[]> listedSeriesOverride) throws IOException {
    LocalInputFile in = new LocalInputFile(file);
    ParquetReadOptions opts = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
    try (ParquetFileReader r = ParquetFileReader.open(in, opts)) {
      Map<String, String> meta = new HashMap<>(r.getFooter().getFileMetaData().getKeyValueMetaData());
      int total = (int) r.getRecordCount();
      int[] type = new int[total];
      int[] strike = new int[total];
      int[] second = new int[total];
      double[] close = new double[total];
      long[] volume = new long[total];
      int[] ticks = new int[total];
      boolean hasOi = "true".equals(meta.get(SecondsCache.META_HAS_OI));
      long[] oi = hasOi ? new long[total] : null;
      MessageType schema = r.getFooter().getFileMetaData().getSchema();
      String createdBy = r.getFooter().getFileMetaData().getCreatedBy();
      int at = 0;
      PageReadStore rg;
      while ((rg = r.readNextRowGroup()) != null) {
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(rg, NoopGroupConverter.INSTANCE, schema, createdBy);
        ColumnReader cType = store.getColumnReader(schema.getColumnDescription(new String[] {"type"}));
        ColumnReader cStrike = store.getColumnReader(schema.getColumnDescription(new String[] {"strike"}));
        ColumnReader cSecond = store.getColumnReader(schema.getColumnDescription(new String[] {"second"}));
        ColumnReader cClose = store.getColumnReader(schema.getColumnDescription(new String[] {"close"}));
        ColumnReader cVolume = store.getColumnReader(schema.getColumnDescription(new String[] {"volume"}));
        ColumnReader cTicks = store.getColumnReader(schema.getColumnDescription(new String[] {"ticks"}));
        ColumnReader cOi = store.getColumnReader(schema.getColumnDescription(new String[] {"oi"}));
        final long n = rg.getRowCount();
        for (long k = 0; k < n; k++, at++) {
          type[at] = cType.getInteger();
          strike[at] = cStrike.getInteger();
          second[at] = cSecond.getInteger();
          close[at] = cClose.getDouble();
          volume[at] = cVolume.getLong();
          ticks[at] = cTicks.getInteger();
          if (oi != null && cOi.getCurrentDefinitionLevel() == 1) {
            oi[at] = cOi.getLong();
          }
          cType.consume();
          cStrike.consume();
          cSecond.consume();
          cClose.consume();
          cVolume.consume();
          cTicks.consume();
          cOi.consume();
        }
      }
      Iterable<long[]> listed = listedSeriesOverride != null ? listedSeriesOverride : parseSeries(meta.get(SecondsCache.META_SERIES));
      return new Entry(new ChainDay(seconds, type, strike, second, close, volume, ticks, oi, listed), meta);
    }
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
