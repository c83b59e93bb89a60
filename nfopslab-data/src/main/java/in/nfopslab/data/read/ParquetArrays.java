package in.nfopslab.data.read;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.filter2.columnindex.RowRanges;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads whole flat numeric columns of a local Parquet file into primitive arrays with the
 * page-level decoder ({@link ColumnChunkDecoder}): what a seconds-cache entry is read with, so a
 * warm load costs a few bulk copies per page instead of a few virtual calls per value. The static
 * reads are thread-safe: each call has its own file handle and decoders; a {@link Reader} keeps one
 * file open for many reads on one thread.
 */
public final class ParquetArrays {
  /**
   * The columns read: {@code longs} and {@code doubles} by name, each {@code rows} long; {@code
   * nulls} holds null flags for the columns that had a null (absent otherwise); {@code metadata} is
   * the footer's key-value metadata.
   */
  public record Result(
      int rows,
      Map<String, long[]> longs,
      Map<String, double[]> doubles,
      Map<String, boolean[]> nulls,
      Map<String, String> metadata) {}

  private ParquetArrays() {}

  /**
   * A file's footer, read once: its key-value metadata tells a caller whether the file is worth
   * reading, and parts of the file can then be read without parsing the footer again. Remembers the
   * file's length and modification time; a read through it fails if the file has changed since
   * (replaced by a rebuild, say), rather than decoding another file's bytes with this footer's
   * offsets.
   */
  public static final class Footer {
    private final Path file;
    private final ParquetMetadata metadata;
    private final long length;
    private final FileTime modified;

    private Footer(Path file, ParquetMetadata metadata, long length, FileTime modified) {
      this.file = file;
      this.metadata = metadata;
      this.length = length;
      this.modified = modified;
    }

    public Path file() {
      return file;
    }

    public Map<String, String> keyValue() {
      return metadata.getFileMetaData().getKeyValueMetaData();
    }

    /** Rows in the file, over all row groups. */
    public long rows() {
      long n = 0;
      for (BlockMetaData b : metadata.getBlocks()) {
        n += b.getRowCount();
      }
      return n;
    }
  }

  /**
   * Reads the footer of {@code file}; fails with an IOException (naming the file) when it is not
   * Parquet.
   */
  public static Footer footer(Path file) throws IOException {
    FileTime modified = Files.getLastModifiedTime(file);
    LocalParquetFile in = new LocalParquetFile(file);
    try (SeekableInputStream stream = in.newStream()) {
      ParquetMetadata md = ParquetFileReader.readFooter(in, options(), stream);
      return new Footer(file, md, in.getLength(), modified);
    } catch (RuntimeException e) {
      throw new IOException(file + ": not a readable Parquet file (" + e + ")", e);
    }
  }

  /**
   * Reads {@code longColumns} (any integer or floating column, as long) and {@code doubleColumns}
   * (as double). A column that is missing, repeated or not a number fails with an IOException
   * naming it.
   */
  public static Result read(Path file, List<String> longColumns, List<String> doubleColumns)
      throws IOException {
    return read(footer(file), longColumns, doubleColumns, 0, Long.MAX_VALUE);
  }

  /**
   * As {@link #read(Path, List, List)}, only rows {@code [from, to)} of the file (row numbers over
   * all row groups; {@code to} past the end means to the end), through a footer read before. Only
   * the pages holding those rows are read and decompressed: parquet-java's offset index selects
   * them ({@link ParquetFileReader#readFilteredRowGroup(int, RowRanges)}), then the rows outside
   * the range are dropped. Opens the file for this one read; {@link #open} keeps it open for many.
   */
  public static Result read(
      Footer footer, List<String> longColumns, List<String> doubleColumns, long from, long to)
      throws IOException {
    try (Reader reader = open(footer, longColumns, doubleColumns)) {
      return reader.read(from, to);
    }
  }

  /**
   * Opens the file of {@code footer} for reads of rows of the given columns ({@link
   * Reader#read(long, long)}): the file is checked against the footer and opened once, and the
   * offset index of the columns is read once, by the first read that needs it, instead of once per
   * read. The caller must close the reader.
   */
  public static Reader open(Footer footer, List<String> longColumns, List<String> doubleColumns)
      throws IOException {
    return new Reader(footer, longColumns, doubleColumns);
  }

  /**
   * An open file and its parquet-java reader, for reads of row ranges of a fixed set of columns.
   * Not thread-safe, and it reads into the buffers of the thread that opened it: use it from that
   * thread only ({@link #isOwnedByCurrentThread()}).
   */
  public static final class Reader implements Closeable {
    private final Footer footer;
    private final List<String> longColumns;
    private final List<String> doubleColumns;
    private final List<String> names;
    private final MessageType requested;
    private final SeekableInputStream stream;
    private final ParquetFileReader reader;
    private final Thread owner;
    private boolean closed;

    private Reader(Footer footer, List<String> longColumns, List<String> doubleColumns)
        throws IOException {
      this.footer = footer;
      this.longColumns = List.copyOf(longColumns);
      this.doubleColumns = List.copyOf(doubleColumns);
      final Path file = footer.file;
      MessageType schema = footer.metadata.getFileMetaData().getSchema();
      List<String> all = new ArrayList<>(longColumns);
      all.addAll(doubleColumns);
      List<Type> fields = new ArrayList<>();
      for (String name : all) {
        if (!schema.containsField(name)
            || !schema.getType(name).isPrimitive()
            || schema.getType(name).isRepetition(Type.Repetition.REPEATED)) {
          throw new IOException(file + ": no flat column '" + name + "'");
        }
        fields.add(schema.getType(name));
      }
      this.names = List.copyOf(all);
      this.requested = new MessageType(schema.getName(), fields);
      LocalParquetFile in = new LocalParquetFile(file);
      SeekableInputStream s = in.newStream();
      try {
        if (in.getLength() != footer.length
            || !Files.getLastModifiedTime(file).equals(footer.modified)) {
          throw new IOException(file + ": changed since its footer was read");
        }
        ParquetFileReader r;
        try {
          r = ParquetFileReader.open(in, footer.metadata, options(), s);
        } catch (RuntimeException e) {
          throw new IOException(file + ": corrupt Parquet data (" + e + ")", e);
        }
        // the column set is fixed: parquet-java keeps the offset index of the requested columns
        // of a row group once it has read it
        r.setRequestedSchema(requested);
        this.reader = r;
      } catch (IOException | RuntimeException | Error e) {
        s.close();
        throw e;
      }
      this.stream = s;
      this.owner = Thread.currentThread();
    }

    /** The file read. */
    public Path file() {
      return footer.file;
    }

    /**
     * True on the thread that opened the reader: the buffers it reads into belong to that thread.
     */
    public boolean isOwnedByCurrentThread() {
      return Thread.currentThread() == owner;
    }

    /** Rows {@code [from, to)} of the columns this reader was opened for; see {@link #read}. */
    public Result read(long from, long to) throws IOException {
      if (closed) {
        throw new IllegalStateException(footer.file + ": reader is closed");
      }
      final Path file = footer.file;
      ParquetMetadata md = footer.metadata;
      long total = footer.rows();
      final long lo = Math.max(0, from);
      final long hi = Math.min(total, to);
      if (hi - lo > Integer.MAX_VALUE - 16) {
        throw new IOException(file + ": " + (hi - lo) + " rows is too many for arrays");
      }
      final int n = (int) Math.max(0, hi - lo);
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
      try {
        long groupStart = 0;
        List<BlockMetaData> blocks = md.getBlocks();
        for (int b = 0; b < blocks.size(); b++) {
          final long groupRows = blocks.get(b).getRowCount();
          final long first =
              Math.max(lo, groupStart) - groupStart; // wanted rows of this group, group-relative
          final long last = Math.min(hi, groupStart + groupRows) - groupStart;
          groupStart += groupRows;
          if (first >= last) {
            continue;
          }
          PageReadStore rg =
              first == 0 && last == groupRows
                  ? reader.readRowGroup(b)
                  : reader.readFilteredRowGroup(
                      b, RowRanges.builder().addSelectedRange(first, last - 1).build());
          if (rg == null) {
            throw new IOException(file + ": row group " + b + " is empty");
          }
          try {
            ColumnChunkDecoder.RowSet rows = null;
            int skip = 0;
            final int m = (int) (last - first);
            if (at + m > n) {
              throw new IOException(file + ": row groups hold more rows than the footer says");
            }
            for (int i = 0; i < names.size(); i++) {
              String name = names.get(i);
              boolean asLong = i < longColumns.size();
              ColumnDescriptor d = requested.getColumnDescription(new String[] {name});
              ColumnChunkDecoder dec =
                  decoders[i].reset(
                      d, asLong ? ColumnChunkDecoder.Kind.LONG : ColumnChunkDecoder.Kind.DOUBLE);
              if (rows == null) {
                rows = dec.decodeDriving(rg.getPageReader(d), rg.getRowCount());
                skip = offsetOf(rows, first, file);
                if (skip + m > rows.rows) {
                  throw new IOException(
                      file + ": pages hold " + rows.rows + " rows, " + (skip + m) + " needed");
                }
              } else {
                dec.decodeAligned(rg.getPageReader(d), rows);
              }
              if (asLong) {
                System.arraycopy(dec.longs, skip, longs.get(name), at, m);
              } else {
                System.arraycopy(dec.doubles, skip, doubles.get(name), at, m);
              }
              if (dec.nulls != null) {
                System.arraycopy(
                    dec.nulls, skip, nulls.computeIfAbsent(name, k -> new boolean[n]), at, m);
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
      return new Result(n, longs, doubles, nulls, footer.keyValue());
    }

    /** Closes the file; idempotent. */
    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        reader.close(); // closes the stream too
      } finally {
        stream.close();
      }
    }
  }

  /**
   * Where row {@code row} of the row group sits in the decoded rows (the pages read hold it,
   * contiguously after it).
   */
  private static int offsetOf(ColumnChunkDecoder.RowSet rows, long row, Path file)
      throws IOException {
    int acc = 0;
    for (int k = 0; k < rows.ranges; k++) {
      if (row >= rows.from[k] && row < rows.to[k]) {
        return (int) (acc + row - rows.from[k]);
      }
      acc += (int) (rows.to[k] - rows.from[k]);
    }
    throw new IOException(file + ": the pages read do not hold row " + row);
  }

  /**
   * Page checksums are verified (parquet-java writes a CRC per page by default): a cache entry
   * damaged on disk then fails to read instead of decoding into wrong bars.
   */
  private static ParquetReadOptions options() {
    return ReadConfig.options(PooledBuffers.forThread())
        .useStatsFilter(false)
        .useColumnIndexFilter(false)
        .useDictionaryFilter(false)
        .useRecordFilter(false)
        .useBloomFilter(false)
        .usePageChecksumVerification(true)
        .build();
  }
}
