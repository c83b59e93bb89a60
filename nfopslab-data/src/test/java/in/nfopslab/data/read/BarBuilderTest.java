package in.nfopslab.data.read;

import static in.nfopslab.data.read.TickFiles.ist;
import static in.nfopslab.data.read.TickFiles.tick;
import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.market.SecondBars;
import in.nfopslab.data.read.DataWarning.Kind;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarBuilderTest {
  static final LocalDate DAY = TimeNormalisationTest.DAY;

  @TempDir Path dir;

  private SecondBars read(List<TickFiles.Tick> ticks, boolean oi, List<DataWarning> warnings)
      throws Exception {
    Path f = dir.resolve("t" + System.nanoTime() + ".parquet");
    TickFiles.write(f, TickFiles.Encoding.UTC_MICROS, oi, ticks);
    return new BarReader().readDay(f, TimeNormalisationTest.SESSION, warnings);
  }

  @Test
  void exactDuplicateRowsCountOnce() throws Exception {
    long t = ist(DAY, "09:15:01.100");
    List<DataWarning> w = new ArrayList<>();
    SecondBars b =
        read(
            TickFiles.list(tick(t, 10.0, 4), tick(t, 10.0, 4), tick(t, 10.5, 4), tick(t, 10.0, 4)),
            false,
            w);
    // rows 2 and 4 repeat row 1 exactly; row 3 differs in close
    assertThat(b.ticks(1)).isEqualTo(2);
    assertThat(b.volume(1)).isEqualTo(8);
    assertThat(b.close(1)).isEqualTo(10.5);
    assertThat(w).extracting(DataWarning::kind).contains(Kind.DUPLICATE_ROWS);
    assertThat(
            w.stream()
                .filter(x -> x.kind() == Kind.DUPLICATE_ROWS)
                .findFirst()
                .orElseThrow()
                .rows())
        .isEqualTo(2);
  }

  @Test
  void outOfOrderRowsAreSortedAndFileOrderBreaksTies() throws Exception {
    long a = ist(DAY, "09:15:05.200");
    long b = ist(DAY, "09:15:05.700");
    List<DataWarning> w = new ArrayList<>();
    // the last trade of second 5 is at .700 although it comes first in the file; at equal
    // timestamps the later row wins
    SecondBars bars =
        read(TickFiles.list(tick(b, 20.0, 1), tick(a, 30.0, 1), tick(b, 21.0, 1)), false, w);
    assertThat(bars.close(5)).isEqualTo(21.0);
    assertThat(bars.ticks(5)).isEqualTo(3);
    assertThat(w).extracting(DataWarning::kind).contains(Kind.OUT_OF_ORDER);
  }

  @Test
  void badRowsAreDroppedAndReported() throws Exception {
    List<DataWarning> w = new ArrayList<>();
    SecondBars b =
        read(
            TickFiles.list(
                tick(ist(DAY, "09:15:00.100"), 10.0, 5),
                tick(ist(DAY, "09:15:00.200"), 0.0, 5), // zero price: dropped
                tick(ist(DAY, "09:15:00.300"), -3.0, 5), // negative price: dropped
                new TickFiles.Tick(null, 11.0, 5, null), // null timestamp: dropped
                tick(5_000_000_000L, 12.0, 5), // 1970: dropped
                tick(ist(DAY, "09:15:01.000"), 10.5, -40)), // counter reset: volume 0
            false,
            w);
    assertThat(b.close(0)).isEqualTo(10.0);
    assertThat(b.ticks(0)).isEqualTo(1);
    assertThat(b.volume(1)).isZero();
    assertThat(b.ticks(1)).isEqualTo(1);
    assertThat(w)
        .extracting(DataWarning::kind)
        .contains(
            Kind.NON_POSITIVE_PRICE,
            Kind.NULL_TIMESTAMPS,
            Kind.EPOCH_TIMESTAMPS,
            Kind.VOLUME_RESET);
    assertThat(w)
        .allSatisfy(x -> assertThat(x.toString()).contains(x.file().getFileName().toString()));
  }

  @Test
  void openInterestIsTheLastValueForwardFilled() throws Exception {
    SecondBars b =
        read(
            TickFiles.list(
                new TickFiles.Tick(ist(DAY, "09:15:00.100"), 10.0, 1, 500L),
                new TickFiles.Tick(ist(DAY, "09:15:00.900"), 10.0, 1, 550L),
                new TickFiles.Tick(ist(DAY, "09:15:03.000"), 10.0, 1, 525L)),
            true,
            new ArrayList<>());
    assertThat(b.hasOi()).isTrue();
    assertThat(b.oi(0)).isEqualTo(550);
    assertThat(b.oi(2)).isEqualTo(550);
    assertThat(b.oi(3)).isEqualTo(525);
  }
}
