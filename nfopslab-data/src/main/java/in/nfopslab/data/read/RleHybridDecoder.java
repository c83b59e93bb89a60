package in.nfopslab.data.read;

import java.nio.ByteBuffer;
import org.apache.parquet.column.values.bitpacking.BytePacker;
import org.apache.parquet.column.values.bitpacking.Packer;

/**
 * Decodes Parquet's RLE/bit-packing hybrid (definition levels, dictionary ids) in bulk into an int array, eight
 * bit-packed values at a time through parquet-java's public {@link BytePacker}s, instead of one virtual call per
 * value. A run that claims more bytes than the buffer holds throws (the caller reports a corrupt file).
 */
final class RleHybridDecoder {
  private static final BytePacker[] PACKERS = new BytePacker[33];

  static {
    for (int w = 0; w <= 32; w++) {
      PACKERS[w] = Packer.LITTLE_ENDIAN.newBytePacker(w);
    }
  }

  private RleHybridDecoder() {}

  /**
   * Decodes {@code count} values of {@code bitWidth} bits from {@code buf[pos, end)} into {@code out[0, count)}.
   * {@code out} must have room for {@code count + 8} values (the last bit-packed group is decoded whole).
   */
  static void decode(ByteBuffer buf, int pos, int end, int bitWidth, int[] out, int count) {
    if (buf.hasArray()) {
      int base = buf.arrayOffset();
      decode(buf.array(), base + pos, base + end, bitWidth, out, count);
    } else {
      byte[] copy = new byte[end - pos];
      buf.duplicate().position(pos).get(copy);
      decode(copy, 0, copy.length, bitWidth, out, count);
    }
  }

  /** As {@link #decode(ByteBuffer, int, int, int, int[], int)} over {@code buf[pos, end)} of an array. */
  static void decode(byte[] buf, int pos, int end, int bitWidth, int[] out, int count) {
    if (bitWidth < 0 || bitWidth > 32) {
      throw new IllegalStateException("bit width " + bitWidth + " out of range");
    }
    if (bitWidth == 0) {
      // every value is 0 (a one-entry dictionary); the runs carry no value bytes
      java.util.Arrays.fill(out, 0, count, 0);
      return;
    }
    final BytePacker packer = PACKERS[bitWidth];
    final int byteWidth = (bitWidth + 7) >>> 3;
    int i = 0;
    int p = pos;
    while (i < count) {
      // unsigned LEB128 header
      int header = 0;
      int shift = 0;
      int b;
      do {
        if (p >= end) {
          throw new IllegalStateException("RLE/bit-packed data ends after " + i + " of " + count + " values");
        }
        b = buf[p++] & 0xFF;
        header |= (b & 0x7F) << shift;
        shift += 7;
      } while ((b & 0x80) != 0 && shift < 35);
      if ((header & 1) == 0) {
        final int run = header >>> 1;
        if (p + byteWidth > end) {
          throw new IllegalStateException("RLE run value past the end of the data");
        }
        int value = 0;
        for (int k = 0; k < byteWidth; k++) {
          value |= (buf[p + k] & 0xFF) << (8 * k);
        }
        p += byteWidth;
        final int stop = Math.min(count, i + run);
        for (int k = i; k < stop; k++) {
          out[k] = value;
        }
        i = stop;
      } else {
        final int groups = header >>> 1;
        if (p + (long) groups * bitWidth > end) {
          throw new IllegalStateException("bit-packed run past the end of the data");
        }
        for (int g = 0; g < groups && i < count; g++) {
          packer.unpack8Values(buf, p, out, i);
          p += bitWidth;
          i += 8;
        }
        // groups past the values we need are padding: skip them
        if (i >= count) {
          return;
        }
      }
    }
  }

  /** Bits needed for values 0..maxValue. */
  static int bitWidth(int maxValue) {
    return 32 - Integer.numberOfLeadingZeros(maxValue);
  }
}
