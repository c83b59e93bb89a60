package in.nfopslab.data.read;

import static java.util.Objects.requireNonNull;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A local Parquet file whose stream is buffered. parquet-java's {@code LocalInputFile} reads
 * straight from a {@code RandomAccessFile}, so the Thrift decoding of the footer, column indexes
 * and page headers makes one system call per byte; here small reads come from a buffer and large
 * reads (column chunks) go straight to the channel.
 */
final class LocalParquetFile implements InputFile {
  private static final int BUFFER = 16 * 1024;

  private final Path path;
  private long length = -1;

  LocalParquetFile(Path path) {
    this.path = requireNonNull(path, "path is null");
  }

  @Override
  public long getLength() throws IOException {
    if (length < 0) {
      try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
        length = ch.size();
      }
    }
    return length;
  }

  @Override
  public String toString() {
    return path.toString();
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
    length = ch.size();
    return new Stream(ch);
  }

  /** Position-tracking buffered stream over a file channel (positional reads, so seek is free). */
  private static final class Stream extends SeekableInputStream {
    private final FileChannel ch;
    private final ByteBuffer buf = ByteBuffer.allocate(BUFFER);

    /** File offset of buf[0]; the buffer holds [bufStart, bufStart + buf.limit()). */
    private long bufStart;

    private long pos;

    Stream(FileChannel ch) {
      this.ch = ch;
      buf.limit(0);
    }

    @Override
    public long getPos() {
      return pos;
    }

    @Override
    public void seek(long newPos) throws IOException {
      if (newPos < 0) {
        throw new IOException("negative seek " + newPos);
      }
      pos = newPos;
    }

    /** Makes the buffer cover pos; returns bytes available there (0 at end of file). */
    private int fill() throws IOException {
      if (pos >= bufStart && pos < bufStart + buf.limit()) {
        return (int) (bufStart + buf.limit() - pos);
      }
      buf.clear();
      bufStart = pos;
      int n = 0;
      while (buf.hasRemaining()) {
        int r = ch.read(buf, bufStart + buf.position());
        if (r < 0) {
          break;
        }
        n += r;
      }
      buf.flip();
      return n;
    }

    @Override
    public int read() throws IOException {
      if (fill() <= 0) {
        return -1;
      }
      return buf.get((int) (pos++ - bufStart)) & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (len >= BUFFER) {
        int r = ch.read(ByteBuffer.wrap(b, off, len), pos);
        if (r > 0) {
          pos += r;
        }
        return r;
      }
      int avail = fill();
      if (avail <= 0) {
        return -1;
      }
      int n = Math.min(avail, len);
      buf.get((int) (pos - bufStart), b, off, n);
      pos += n;
      return n;
    }

    @Override
    public void readFully(byte[] b) throws IOException {
      readFully(b, 0, b.length);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        int r = read(b, off, len);
        if (r < 0) {
          throw new EOFException("reached the end of the file with " + len + " bytes left to read");
        }
        off += r;
        len -= r;
      }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      if (!dst.hasRemaining()) {
        return 0;
      }
      if (dst.remaining() >= BUFFER) {
        int r = ch.read(dst, pos);
        if (r > 0) {
          pos += r;
        }
        return r;
      }
      int avail = fill();
      if (avail <= 0) {
        return -1;
      }
      int n = Math.min(avail, dst.remaining());
      dst.put(buf.duplicate().position((int) (pos - bufStart)).limit((int) (pos - bufStart) + n));
      pos += n;
      return n;
    }

    @Override
    public void readFully(ByteBuffer dst) throws IOException {
      while (dst.hasRemaining()) {
        if (read(dst) < 0) {
          throw new EOFException(
              "reached the end of the file with " + dst.remaining() + " bytes left to read");
        }
      }
    }

    @Override
    public long skip(long n) {
      if (n <= 0) {
        return 0;
      }
      pos += n;
      return n;
    }

    @Override
    public void close() throws IOException {
      ch.close();
    }
  }
}
