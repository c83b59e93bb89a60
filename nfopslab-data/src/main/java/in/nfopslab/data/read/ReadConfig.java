package in.nfopslab.data.read;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;

/**
 * The parquet-java read options every read here starts from: no Hadoop cluster, column chunks read
 * into the given (pooled, direct) buffers, and parquet-java's direct codec factory, which
 * decompresses a ZSTD page in one call into a reused buffer. The default (heap) factory streams
 * every page through a new {@code ZstdInputStream} and copies it out; with thousands of small pages
 * per second that stream set-up showed in the profile.
 */
final class ReadConfig {
  /**
   * Codecs other than ZSTD and Snappy come from Hadoop by class name; no resource files are needed
   * for that.
   */
  private static final Configuration HADOOP = new Configuration(false);

  private ReadConfig() {}

  static ParquetReadOptions.Builder options(ByteBufferAllocator buffers) {
    return ParquetReadOptions.builder(new PlainParquetConfiguration())
        .withAllocator(buffers)
        .withCodecFactory(CodecFactory.createDirectCodecFactory(HADOOP, buffers, 0));
  }
}
