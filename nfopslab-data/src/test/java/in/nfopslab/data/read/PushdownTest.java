package in.nfopslab.data.read;

import static in.nfopslab.data.read.TickFiles.ist;
import static in.nfopslab.data.read.TickFiles.tick;
import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.calendar.Session;
import in.nfopslab.core.market.SecondBars;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PushdownTest {
  @TempDir Path dir;

  @Test
  void readingOneDayOfAMultiDayFileReturnsOnlyThatDaysRows() throws Exception {
    LocalDate d1 = LocalDate.of(2024, 1, 2);
    List<TickFiles.Tick> ticks = new ArrayList<>();
    for (int day = 0; day < 5; day++) {
      LocalDate d = d1.plusDays(day);
      for (int s = 0; s < 22_501; s += 3) {
        ticks.add(tick(ist(d, "09:15:00") + s * 1_000_000_000L, 100 + day, 1));
      }
    }
    Path f = dir.resolve("multi.parquet");
    TickFiles.write(f, TickFiles.Encoding.UTC_MICROS, false, ticks, 1_000);
    LocalDate d3 = d1.plusDays(2);
    Session s3 = new Session(d3, LocalTime.of(9, 15), LocalTime.of(15, 30));
    try (TickBatch b =
        new TickReader().read(f, s3.epochNanosAt(0), s3.epochNanosAt(s3.seconds()), false)) {
      assertThat(b.rows()).isEqualTo(7_501);
      // the column index skipped the other days' pages: at most one partial page (1,000 rows) each
      // side is decoded
      assertThat(b.decodedRows()).isLessThanOrEqualTo(7_501 + 2_000).isLessThan(ticks.size() / 2);
      for (int i = 0; i < b.rows(); i++) {
        assertThat(b.price().get(i)).isEqualTo(102.0);
      }
    }
    SecondBars bars = new BarReader().readDay(f, s3, new ArrayList<>());
    assertThat(bars.close(0)).isEqualTo(102.0);
    assertThat(bars.ticks(3)).isEqualTo(1);
    assertThat(bars.ticks(4)).isZero();
  }
}
