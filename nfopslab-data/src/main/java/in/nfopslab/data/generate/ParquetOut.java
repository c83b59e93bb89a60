package in.nfopslab.data.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Opens the generator's Parquet writers: local files without a Hadoop cluster, ZSTD, v2 data pages
 * and the default 20,000-row page limit (so the column index can skip pages).
 */
final class ParquetOut {
  private ParquetOut() {}

  /**
   * @param dictionaryColumns the only columns that get a dictionary, as real files have them (the
   *     close the engine reads); elsewhere v2 pages use PLAIN doubles, DELTA_BINARY_PACKED integers
   *     and timestamps and DELTA_BYTE_ARRAY strings, which cost less to write (a dictionary is a
   *     hash lookup per value) and are about as small after ZSTD
   */
  static <T> ParquetWriter<T> open(Path file, WriteSupport<T> support, String... dictionaryColumns)
      throws IOException {
    Builder<T> b =
        new Builder<>(new LocalOutputFile(file), support)
            .withConf(new PlainParquetConfiguration())
            .withCompressionCodec(CompressionCodecName.ZSTD)
            .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0)
            .withDictionaryEncoding(false);
    for (String c : dictionaryColumns) {
      b = b.withDictionaryEncoding(c, true);
    }
    return b.build();
  }

  /**
   * A string value that never changes, backed by an array (cheaper to compare for statistics than a
   * buffer).
   */
  static Binary constant(String text) {
    return Binary.fromConstantByteArray(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A write support over one schema that writes each record through {@link #writeRecord}. */
  abstract static class Support<T> extends WriteSupport<T> {
    private final MessageType schema;
    private final Map<String, String> metadata;
    RecordConsumer out;

    Support(MessageType schema, Map<String, String> metadata) {
      this.schema = schema;
      this.metadata = Map.copyOf(metadata);
    }

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
      this.out = recordConsumer;
    }

    @Override
    public void write(T record) {
      out.startMessage();
      writeRecord(record);
      out.endMessage();
    }

    abstract void writeRecord(T record);

    final void putLong(String name, int index, long v) {
      out.startField(name, index);
      out.addLong(v);
      out.endField(name, index);
    }

    final void putInt(String name, int index, int v) {
      out.startField(name, index);
      out.addInteger(v);
      out.endField(name, index);
    }

    final void putDouble(String name, int index, double v) {
      out.startField(name, index);
      out.addDouble(v);
      out.endField(name, index);
    }

    final void putBinary(String name, int index, Binary v) {
      out.startField(name, index);
      out.addBinary(v);
      out.endField(name, index);
    }
  }

  private static final class Builder<T> extends ParquetWriter.Builder<T, Builder<T>> {
    private final WriteSupport<T> support;

    Builder(LocalOutputFile file, WriteSupport<T> support) {
      super(file);
      this.support = support;
    }

    @Override
    protected Builder<T> self() {
      return this;
    }

    @Override
    protected WriteSupport<T> getWriteSupport(Configuration conf) {
      return support;
    }

    @Override
    protected WriteSupport<T> getWriteSupport(ParquetConfiguration conf) {
      return support;
    }
  }
}
