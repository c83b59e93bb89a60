package in.nfopslab.data.parquet;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Writes a flat Parquet file of one row group straight to parquet-java's column writers ({@link
 * ColumnWriteStore}), the way its record writer does underneath, without the record layer (a
 * start/end call per field and a converter per value): the caller writes the values of a block of
 * rows one column at a time, and the store cuts pages at block ends, with statistics, column and
 * offset indexes as usual. Zero rows give a file without a row group, as parquet-java's record
 * writer does.
 */
public final class ColumnFileWriter {
  /**
   * How a file is laid out: Parquet writer version (v1 pages: PLAIN integers; v2: DELTA), codec,
   * the columns with a dictionary (every other column is written without one) and the most rows per
   * page (also the block size the rows are handed over in).
   */
  public record Layout(
      ParquetProperties.WriterVersion version,
      CompressionCodecName codec,
      Set<String> dictionary,
      int pageRows) {
    public Layout {
      requireNonNull(version, "version is null");
      requireNonNull(codec, "codec is null");
      dictionary = Set.copyOf(dictionary);
      if (pageRows < 1) {
        throw new IllegalArgumentException("page rows must be positive, got " + pageRows);
      }
    }
  }

  /**
   * Writes the values of rows {@code [from, to)} to {@code columns} (one writer per leaf column of
   * the schema, in schema order), each column's values in row order. A flat required column takes
   * {@code write(v, 0, 0)}, an optional one {@code write(v, 0, 1)} or {@code writeNull(0, 0)}.
   */
  public interface Block {
    void write(ColumnWriter[] columns, int from, int to);
  }

  /** parquet-java's codecs read no settings from it; no resources are loaded. */
  private static final Configuration HADOOP = new Configuration(false);

  /** First size of a compressor's output buffer; it grows with the page (most files are small). */
  private static final int CODEC_BUFFER_BYTES = 64 * 1024;

  private ColumnFileWriter() {}

  /**
   * Writes {@code rows} rows of {@code schema} to {@code file} (overwritten), in blocks of at most
   * {@link Layout#pageRows()} rows, with {@code metadata} in the footer.
   */
  public static void write(
      Path file,
      MessageType schema,
      Map<String, String> metadata,
      int rows,
      Layout layout,
      Block block)
      throws IOException {
    ParquetProperties.Builder pb =
        ParquetProperties.builder()
            .withWriterVersion(layout.version())
            .withPageRowCountLimit(layout.pageRows())
            .withDictionaryEncoding(false);
    for (String col : layout.dictionary()) {
      pb = pb.withDictionaryEncoding(col, true);
    }
    ParquetProperties props = pb.build();
    CodecFactory codecs = new CodecFactory(HADOOP, CODEC_BUFFER_BYTES);
    try (ParquetFileWriter out =
        new ParquetFileWriter(
            new LocalOutputFile(file),
            schema,
            ParquetFileWriter.Mode.OVERWRITE,
            Long.MAX_VALUE,
            0,
            (org.apache.parquet.crypto.FileEncryptionProperties) null,
            props)) {
      out.start();
      if (rows > 0) {
        CompressionCodecFactory.BytesInputCompressor compressor =
            codecs.getCompressor(layout.codec());
        ColumnChunkPageWriteStore pages =
            ColumnChunkPageWriteStore.builder()
                .withCompressorProvider(d -> compressor)
                .withSchema(schema)
                .withAllocator(HeapByteBufferAllocator.getInstance())
                .withColumnIndexTruncateLength(props.getColumnIndexTruncateLength())
                .withPageWriteChecksumEnabled(props.getPageWriteChecksumEnabled())
                .build();
        ColumnWriteStore store = props.newColumnWriteStore(schema, pages, pages);
        try {
          List<ColumnDescriptor> leaves = schema.getColumns();
          ColumnWriter[] columns = new ColumnWriter[leaves.size()];
          for (int c = 0; c < columns.length; c++) {
            columns[c] = store.getColumnWriter(leaves.get(c));
          }
          for (int from = 0; from < rows; from += layout.pageRows()) {
            int to = Math.min(rows, from + layout.pageRows());
            block.write(columns, from, to);
            // the store counts rows and cuts pages only here: every value of the block is written,
            // so a page always ends on a block end
            for (int i = from; i < to; i++) {
              store.endRecord();
            }
          }
          store.flush();
          out.startBlock(rows);
          pages.flushToFileWriter(out);
          out.endBlock();
        } finally {
          store.close();
          pages.close();
        }
      }
      out.end(metadata);
    } finally {
      codecs.release();
    }
  }
}
