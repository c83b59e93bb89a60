package in.nfopslab.data.read;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads whole flat numeric columns of a local Parquet file into primitive arrays with the page-level decoder
 * ({@link ColumnChunkDecoder}): what a seconds-cache entry is read with, so a warm load costs a few bulk copies per
 * page instead of a few virtual calls per value. Thread-safe: each call has its own file handle and decoders.
 */
public final class ParquetArrays {
  /**
   * The columns read: {@code longs} and {@code doubles} by name, each {@code rows} long; {@code nulls} holds null
   * flags for the columns that had a null (absent otherwise); {@code metadata} is the footer's key-value metadata.
   */
  public record Result(int rows, Map<String, long[]> longs, Map<String, double[]> doubles, Map<String, boolean[]> nulls,
      Map<String, String> metadata) {}

  private ParquetArrays() {}

  /**
   * Reads {@code longColumns} (any integer or floating column, as long) and {@code doubleColumns} (as double). A
   * column that is missing, repeated or not a number fails with an IOException naming it.
   */
  public static Result read(Path file, List<String> longColumns, List<String> doubleColumns) throws IOException {
    LocalParquetFile in = new LocalParquetFile(file);
    try (SeekableInputStream stream = in.newStream()) {
      ParquetReadOptions options = ReadConfig.options(PooledBuffers.forThread())
          .useStatsFilter(false).useColumnIndexFilter(false).useDictionaryFilter(false).useRecordFilter(false)
          .useBloomFilter(false).build();
      ParquetMetadata footer = ParquetFileReader.readFooter(in, options, stream);
      MessageType schema = footer.getFileMetaData().getSchema();
      List<String> names = new ArrayList<>(longColumns);
      names.addAll(doubleColumns);
      List<Type> fields = new ArrayList<>();
      for (String name : names) {
        if (!schema.containsField(name) || !schema.getType(name).isPrimitive()
            || schema.getType(name).isRepetition(Type.Repetition.REPEATED)) {
          throw new IOException(file + ": no flat column '" + name + "'");
        }
        fields.add(schema.getType(name));
      }
      MessageType requested = new MessageType(schema.getName(), fields);
      long total = footer.getBlocks().stream().mapToLong(b -> b.getRowCount()).sum();
      if (total > Integer.MAX_VALUE - 16) {
        throw new IOException(file + ": " + total + " rows is too many for arrays");
      }
      final int n = (int) total;
      Map<String, long[]> longs = new HashMap<>();
      Map<String, double[]> doubles = new HashMap<>();
      Map<String, boolean[]> nulls = new HashMap<>();
      for (String c : longColumns) {
        longs.put(c, new long[n]);
      }
      for (String c : doubleColumns) {
        doubles.put(c, new double[n]);
      }
      ColumnChunkDecoder[] decoders = new ColumnChunkDecoder[names.size()];
      for (int i = 0; i < decoders.length; i++) {
        decoders[i] = new ColumnChunkDecoder();
      }
      int at = 0;
      try (ParquetFileReader reader = ParquetFileReader.open(in, footer, options, stream)) {
        reader.setRequestedSchema(requested);
        PageReadStore rg;
        while ((rg = reader.readNextRowGroup()) != null) {
          try {
            ColumnChunkDecoder.RowSet rows = null;
            int m = 0;
            for (int i = 0; i < names.size(); i++) {
              String name = names.get(i);
              boolean asLong = i < longColumns.size();
              ColumnDescriptor d = requested.getColumnDescription(new String[] {name});
              ColumnChunkDecoder dec = decoders[i].reset(d, asLong ? ColumnChunkDecoder.Kind.LONG : ColumnChunkDecoder.Kind.DOUBLE);
              if (rows == null) {
                rows = dec.decodeDriving(rg.getPageReader(d), rg.getRowCount());
                m = rows.rows;
                if (at + m > n) {
                  throw new IOException(file + ": row groups hold more rows than the footer says");
                }
              } else {
                dec.decodeAligned(rg.getPageReader(d), rows);
              }
              if (asLong) {
                System.arraycopy(dec.longs, 0, longs.get(name), at, m);
              } else {
                System.arraycopy(dec.doubles, 0, doubles.get(name), at, m);
              }
              if (dec.nulls != null) {
                System.arraycopy(dec.nulls, 0, nulls.computeIfAbsent(name, k -> new boolean[n]), at, m);
              }
            }
            at += m;
          } finally {
            rg.close();
          }
        }
      } catch (RuntimeException e) {
        throw new IOException(file + ": corrupt Parquet data (" + e + ")", e);
      }
      if (at != n) {
        throw new IOException(file + ": read " + at + " of " + n + " rows");
      }
      return new Result(n, longs, doubles, nulls, footer.getFileMetaData().getKeyValueMetaData());
    }
  }
}
