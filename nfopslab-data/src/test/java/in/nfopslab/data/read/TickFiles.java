package in.nfopslab.data.read;

import in.nfopslab.core.time.Ist;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes small tick files for tests, with the timestamp stored in any of the encodings real files
 * use.
 */
public final class TickFiles {
  /** How the timestamp column is stored. */
  public enum Encoding {
    UTC_MILLIS("int64 timestamp (TIMESTAMP(MILLIS,true))", 1_000_000L, false),
    UTC_MICROS("int64 timestamp (TIMESTAMP(MICROS,true))", 1_000L, false),
    UTC_NANOS("int64 timestamp (TIMESTAMP(NANOS,true))", 1L, false),
    NAIVE_MILLIS("int64 timestamp (TIMESTAMP(MILLIS,false))", 1_000_000L, true),
    NAIVE_MICROS("int64 timestamp (TIMESTAMP(MICROS,false))", 1_000L, true),
    NAIVE_NANOS("int64 timestamp (TIMESTAMP(NANOS,false))", 1L, true),
    INT96("int96 timestamp", 1L, false);

    final String column;
    final long nanosPerUnit;
    final boolean naive;

    Encoding(String column, long nanosPerUnit, boolean naive) {
      this.column = column;
      this.nanosPerUnit = nanosPerUnit;
      this.naive = naive;
    }
  }

  /** One tick: true epoch nanos (or null timestamp), close (nullable), vol_delta, oi (nullable). */
  public record Tick(Long epochNanos, Double close, long volDelta, Long oi) {}

  private TickFiles() {}

  public static long ist(LocalDate d, String time) {
    return Ist.epochNanos(d, LocalTime.parse(time));
  }

  public static Tick tick(long epochNanos, double close, long vol) {
    return new Tick(epochNanos, close, vol, null);
  }

  public static void write(Path file, Encoding enc, boolean withOi, List<Tick> ticks)
      throws IOException {
    write(file, enc, withOi, ticks, 20_000);
  }

  /**
   * How the file's pages are laid out and compressed (the defaults match what the generator
   * writes).
   */
  public record Layout(
      ParquetProperties.WriterVersion version,
      boolean dictionary,
      CompressionCodecName codec,
      boolean byteStreamSplit,
      int pageRows) {
    public static final Layout DEFAULT =
        new Layout(
            ParquetProperties.WriterVersion.PARQUET_2_0,
            true,
            CompressionCodecName.ZSTD,
            false,
            20_000);

    public Layout withPageRows(int rows) {
      return new Layout(version, dictionary, codec, byteStreamSplit, rows);
    }

    @Override
    public String toString() {
      return version
          + "-"
          + (dictionary ? "dict" : "plain")
          + (byteStreamSplit ? "-bss" : "")
          + "-"
          + codec
          + "-"
          + pageRows;
    }
  }

  public static void write(Path file, Encoding enc, boolean withOi, List<Tick> ticks, int pageRows)
      throws IOException {
    write(file, enc, withOi, ticks, Layout.DEFAULT.withPageRows(pageRows));
  }

  public static void write(Path file, Encoding enc, boolean withOi, List<Tick> ticks, Layout layout)
      throws IOException {
    String schemaText =
        "message ticks { optional "
            + enc.column
            + "; optional binary symbol (STRING); optional double close; "
            + "optional int64 vol_delta;"
            + (withOi ? " optional int64 oi;" : "")
            + " }";
    MessageType schema = MessageTypeParser.parseMessageType(schemaText);
    SimpleGroupFactory f = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> w =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withConf(new PlainParquetConfiguration())
            .withType(schema)
            .withCompressionCodec(layout.codec())
            .withPageRowCountLimit(layout.pageRows())
            .withWriterVersion(layout.version())
            .withDictionaryEncoding(layout.dictionary())
            .withByteStreamSplitEncoding(layout.byteStreamSplit())
            .build()) {
      for (Tick t : ticks) {
        Group g = f.newGroup();
        if (t.epochNanos() != null) {
          long ns = t.epochNanos();
          if (enc == Encoding.INT96) {
            g.append("timestamp", int96(ns));
          } else {
            long stored = enc.naive ? ns + Ist.OFFSET_SECONDS * Ist.NANOS_PER_SECOND : ns;
            g.append("timestamp", Math.floorDiv(stored, enc.nanosPerUnit));
          }
        }
        g.append("symbol", "NIFTY");
        if (t.close() != null) {
          g.append("close", t.close());
        }
        g.append("vol_delta", t.volDelta());
        if (withOi && t.oi() != null) {
          g.append("oi", t.oi());
        }
        w.write(g);
      }
    }
  }

  private static Binary int96(long epochNanos) {
    long day = Math.floorDiv(epochNanos, 86_400_000_000_000L);
    long nanosOfDay = Math.floorMod(epochNanos, 86_400_000_000_000L);
    ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(nanosOfDay);
    b.putInt((int) (day + 2_440_588L));
    return Binary.fromConstantByteArray(b.array());
  }

  public static List<Tick> list(Tick... ticks) {
    return new ArrayList<>(List.of(ticks));
  }
}
