package in.nfopslab.data.read;

import com.github.luben.zstd.ZstdDecompressCtx;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Page decompression for reads. ZSTD pages are decompressed in one call into an array of the page's known size
 * with a reused zstd-jni context; the stock Hadoop codec path streams each page through a new
 * {@code ZstdInputStream} (a native stream context per page) and copies it again. Every other codec is the stock
 * one, created on first use. One instance per read (the context is not thread-safe); {@link #release()}, which
 * {@code ParquetFileReader.close()} calls, frees it.
 */
final class FastCodecs implements CompressionCodecFactory {
  private CompressionCodecFactory stock;
  private ZstdDecompressor zstd;

  private CompressionCodecFactory stock() {
    if (stock == null) {
      stock = new CodecFactory(new PlainParquetConfiguration(), 0);
    }
    return stock;
  }

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
    return stock().getCompressor(codecName);
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
    if (codecName == CompressionCodecName.ZSTD) {
      if (zstd == null) {
        zstd = new ZstdDecompressor();
      }
      return zstd;
    }
    return stock().getDecompressor(codecName);
  }

  @Override
  public void release() {
    if (zstd != null) {
      zstd.release();
      zstd = null;
    }
    if (stock != null) {
      stock.release();
      stock = null;
    }
  }

  /**
   * Decompresses into one array reused page after page: the reader decodes each page (and a column's dictionary)
   * before it asks for the next, so a page's bytes are never needed after that. Saves an allocation per page, which
   * for pages over half a G1 region was a humongous allocation.
   */
  private static final class ZstdDecompressor implements BytesInputDecompressor {
    private ZstdDecompressCtx ctx = new ZstdDecompressCtx();
    private byte[] buffer = new byte[0];

    @Override
    public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
      ByteBuffer in = bytes.toByteBuffer();
      if (buffer.length < uncompressedSize) {
        buffer = new byte[Math.max(uncompressedSize, buffer.length + (buffer.length >> 1))];
      }
      byte[] out = buffer;
      int n;
      if (in.hasArray()) {
        n = ctx.decompressByteArray(out, 0, uncompressedSize, in.array(), in.arrayOffset() + in.position(), in.remaining());
      } else {
        n = ctx.decompressDirectByteBufferToByteArray(out, 0, uncompressedSize, in, in.position(), in.remaining());
      }
      if (n != uncompressedSize) {
        throw new IOException("ZSTD page decompressed to " + n + " bytes, expected " + uncompressedSize);
      }
      return BytesInput.from(out, 0, uncompressedSize);
    }

    @Override
    public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
        throws IOException {
      byte[] src = new byte[compressedSize];
      input.duplicate().get(src);
      byte[] dst = new byte[uncompressedSize];
      int n = ctx.decompressByteArray(dst, 0, uncompressedSize, src, 0, compressedSize);
      if (n != uncompressedSize) {
        throw new IOException("ZSTD page decompressed to " + n + " bytes, expected " + uncompressedSize);
      }
      output.put(dst);
    }

    @Override
    public void release() {
      if (ctx != null) {
        ctx.close();
        ctx = null;
      }
      buffer = new byte[0];
    }
  }
}
