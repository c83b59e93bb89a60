package in.nfopslab.data.read;

import java.nio.ByteBuffer;
import org.apache.parquet.column.values.bitpacking.BytePackerForLong;
import org.apache.parquet.column.values.bitpacking.Packer;

/**
 * Decodes a DELTA_BINARY_PACKED page (how v2 writers store timestamps and integer columns) straight into a long
 * array: header, then blocks of (min delta, miniblock bit widths, bit-packed miniblocks) unpacked eight values at a
 * time by parquet-java's public {@link BytePackerForLong}s. parquet-java's own reader does the same into a
 * freshly allocated buffer per page and then hands values out one virtual call at a time. INT32 columns use the
 * same arithmetic and are narrowed by the caller. Malformed data throws.
 */
final class DeltaBinaryPackedDecoder {
  private static final BytePackerForLong[] PACKERS = new BytePackerForLong[65];

  static {
    for (int w = 0; w <= 64; w++) {
      PACKERS[w] = Packer.LITTLE_ENDIAN.newBytePackerForLong(w);
    }
  }

  private long[] mini = new long[0];
  private int pos;

  /** Decodes {@code count} values from {@code buf[0, limit)} into {@code out[0, count)}. */
  void decode(ByteBuffer buf, long[] out, int count) {
    if (buf.hasArray()) {
      decode(buf.array(), buf.arrayOffset() + buf.position(), buf.arrayOffset() + buf.limit(), out, count);
    } else {
      byte[] copy = new byte[buf.remaining()];
      buf.duplicate().get(copy);
      decode(copy, 0, copy.length, out, count);
    }
  }

  /** Decodes {@code count} values from {@code buf[from, end)} (array reads: no buffer bounds checks per byte). */
  void decode(byte[] buf, int from, int end, long[] out, int count) {
    pos = from;
    final int blockSize = (int) uleb(buf, end);
    final int miniBlocks = (int) uleb(buf, end);
    final long total = uleb(buf, end);
    long value = zigzag(uleb(buf, end));
    if (blockSize <= 0 || miniBlocks <= 0 || blockSize % miniBlocks != 0 || (blockSize / miniBlocks) % 8 != 0) {
      throw new IllegalStateException("bad DELTA_BINARY_PACKED header: block " + blockSize + ", miniblocks " + miniBlocks);
    }
    if (total < count) {
      throw new IllegalStateException("DELTA_BINARY_PACKED page holds " + total + " values, expected " + count);
    }
    if (count == 0) {
      return;
    }
    final int perMini = blockSize / miniBlocks;
    if (mini.length < perMini) {
      mini = new long[perMini];
    }
    out[0] = value;
    int i = 1;
    while (i < count) {
      final long minDelta = zigzag(uleb(buf, end));
      final int widthsAt = pos;
      if (widthsAt + miniBlocks > end) {
        throw new IllegalStateException("DELTA_BINARY_PACKED block header past the end of the page");
      }
      pos += miniBlocks;
      for (int m = 0; m < miniBlocks && i < count; m++) {
        final int width = buf[widthsAt + m] & 0xFF;
        if (width > 64) {
          throw new IllegalStateException("DELTA_BINARY_PACKED bit width " + width);
        }
        final int take = Math.min(perMini, count - i);
        if (width == 0) {
          for (int k = 0; k < take; k++) {
            value += minDelta;
            out[i++] = value;
          }
        } else {
          final int bytes = width * perMini / 8;
          // the last miniblock may stop after its last value's group (writers differ on padding)
          final int groups = (take + 7) >>> 3;
          if (pos + (long) groups * width > end) {
            throw new IllegalStateException("DELTA_BINARY_PACKED miniblock past the end of the page");
          }
          final BytePackerForLong packer = PACKERS[width];
          final long[] d = mini;
          for (int g = 0, p = pos; g < groups; g++, p += width) {
            packer.unpack8Values(buf, p, d, g << 3);
          }
          for (int k = 0; k < take; k++) {
            value += minDelta + d[k];
            out[i++] = value;
          }
          pos += bytes;
        }
      }
    }
  }

  private long uleb(byte[] buf, int end) {
    long v = 0;
    int shift = 0;
    int b;
    do {
      if (pos >= end || shift > 63) {
        throw new IllegalStateException("DELTA_BINARY_PACKED varint past the end of the page");
      }
      b = buf[pos++] & 0xFF;
      v |= (long) (b & 0x7F) << shift;
      shift += 7;
    } while ((b & 0x80) != 0);
    return v;
  }

  private static long zigzag(long v) {
    return (v >>> 1) ^ -(v & 1);
  }
}
