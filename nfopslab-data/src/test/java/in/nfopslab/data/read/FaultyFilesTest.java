package in.nfopslab.data.read;

import static in.nfopslab.data.read.TickFiles.ist;
import static in.nfopslab.data.read.TickFiles.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.nfopslab.data.read.DataFileException.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultyFilesTest {
  static final LocalDate DAY = TimeNormalisationTest.DAY;

  @TempDir Path dir;

  private Fault faultOf(Path f) {
    try {
      new BarReader().readDay(f, TimeNormalisationTest.SESSION, new ArrayList<>());
    } catch (DataFileException e) {
      assertThat(e.getMessage()).startsWith(f.toString());
      assertThat(e.file()).isEqualTo(f);
      return e.fault();
    }
    throw new AssertionError("no fault reported for " + f);
  }

  private Path good(String name, int rows) throws Exception {
    Path f = dir.resolve(name);
    List<TickFiles.Tick> ticks = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      ticks.add(tick(ist(DAY, "09:15:00") + i * 1_000_000_000L, 100.0 + i % 7, i % 5));
    }
    TickFiles.write(f, TickFiles.Encoding.UTC_MICROS, false, ticks, 1_000);
    return f;
  }

  @Test
  void missingFileIsNotFound() {
    assertThat(faultOf(dir.resolve("nope.parquet"))).isEqualTo(Fault.NOT_FOUND);
  }

  @Test
  void zeroRowFileIsEmpty() throws Exception {
    Path f = dir.resolve("empty.parquet");
    TickFiles.write(f, TickFiles.Encoding.UTC_MICROS, false, List.of());
    assertThat(faultOf(f)).isEqualTo(Fault.EMPTY);
  }

  @Test
  void textFileIsNotParquet() throws Exception {
    Path f = dir.resolve("text.parquet");
    Files.writeString(f, "timestamp,close\n2024-01-03 09:15:00,100\n");
    assertThat(faultOf(f)).isEqualTo(Fault.NOT_PARQUET);
  }

  @Test
  void truncatedFileIsNotParquet() throws Exception {
    Path f = good("whole.parquet", 5_000);
    byte[] bytes = Files.readAllBytes(f);
    Path cut = dir.resolve("cut.parquet");
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThat(faultOf(cut)).isEqualTo(Fault.NOT_PARQUET);
  }

  @Test
  void corruptPagesAreReportedNotThrownRaw() throws Exception {
    Path f = good("corrupt.parquet", 5_000);
    byte[] bytes = Files.readAllBytes(f);
    for (int i = 100; i < bytes.length / 2; i += 7) {
      bytes[i] ^= 0x5A; // scramble page data, keep the footer
    }
    Path bad = dir.resolve("scrambled.parquet");
    Files.write(bad, bytes);
    assertThat(faultOf(bad)).isIn(Fault.NOT_PARQUET, Fault.UNREADABLE);
  }

  @Test
  void missingCloseColumnIsNamed() throws Exception {
    Path f = dir.resolve("noclose.parquet");
    MessageType schema =
        MessageTypeParser.parseMessageType(
            "message t { required int64 timestamp (TIMESTAMP(MICROS,true)); required double last_price; }");
    try (ParquetWriter<Group> w =
        ExampleParquetWriter.builder(new LocalOutputFile(f))
            .withConf(new PlainParquetConfiguration())
            .withType(schema)
            .build()) {
      w.write(
          new SimpleGroupFactory(schema)
              .newGroup()
              .append("timestamp", ist(DAY, "09:20:00") / 1000)
              .append("last_price", 1.0));
    }
    assertThatThrownBy(
            () -> new BarReader().readDay(f, TimeNormalisationTest.SESSION, new ArrayList<>()))
        .isInstanceOf(DataFileException.class)
        .hasMessageContaining("noclose.parquet")
        .hasMessageContaining("missing required column 'close'");
  }

  @Test
  void allNullTimestampsAreAnError() throws Exception {
    Path f = dir.resolve("nullts.parquet");
    TickFiles.write(
        f,
        TickFiles.Encoding.UTC_MICROS,
        false,
        TickFiles.list(
            new TickFiles.Tick(null, 1.0, 1, null), new TickFiles.Tick(null, 2.0, 1, null)));
    assertThat(faultOf(f)).isEqualTo(Fault.ALL_NULL_TIMESTAMPS);
  }

  @Test
  void epoch1970TimestampsAreAnError() throws Exception {
    Path f = dir.resolve("epoch.parquet");
    TickFiles.write(
        f,
        TickFiles.Encoding.UTC_MICROS,
        false,
        TickFiles.list(tick(3_600_000_000_000L, 1.0, 1), tick(3_601_000_000_000L, 2.0, 1)));
    assertThat(faultOf(f)).isEqualTo(Fault.EPOCH_TIMESTAMPS);
  }

  @Test
  void epoch1970TimestampsAreAnErrorWithoutStatisticsToo() throws Exception {
    Path f = dir.resolve("epoch96.parquet"); // INT96 columns carry no usable min/max
    TickFiles.write(
        f,
        TickFiles.Encoding.INT96,
        false,
        TickFiles.list(tick(3_600_000_000_000L, 1.0, 1), tick(3_601_000_000_000L, 2.0, 1)));
    assertThat(faultOf(f)).isEqualTo(Fault.EPOCH_TIMESTAMPS);
  }

  @Test
  void aDayOutsideTheFileIsEmptyBarsNotAnError() throws Exception {
    Path f = good("other-day.parquet", 100);
    var b =
        new BarReader()
            .readDay(
                f,
                new in.nfopslab.core.calendar.Session(
                    DAY.plusDays(1), java.time.LocalTime.of(9, 15), java.time.LocalTime.of(15, 30)),
                new ArrayList<>());
    assertThat(b.firstTrade()).isEqualTo(-1);
  }
}
