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

class TimeNormalisationTest {
  static final LocalDate DAY = LocalDate.of(2024, 1, 3);
  static final Session SESSION = new Session(DAY, LocalTime.of(9, 15), LocalTime.of(15, 30));

  @TempDir Path dir;

  /** The same ticks, at millisecond precision so every unit can hold them exactly. */
  static List<TickFiles.Tick> ticks() {
    return TickFiles.list(
        tick(ist(DAY, "09:14:59.500"), 99.0, 5), // before the open: ignored
        tick(ist(DAY, "09:15:00.250"), 100.0, 10),
        tick(ist(DAY, "09:15:00.900"), 101.5, 3),
        tick(ist(DAY, "09:15:02.100"), 102.0, 7),
        tick(ist(DAY, "12:00:00.000"), 110.25, 1),
        tick(ist(DAY, "15:30:00.999"), 120.0, 2),
        tick(ist(DAY, "15:30:01.000"), 130.0, 2)); // after the close: ignored
  }

  @Test
  void everyTimestampEncodingGivesTheSameBars() throws Exception {
    List<SecondBars> all = new ArrayList<>();
    for (TickFiles.Encoding enc : TickFiles.Encoding.values()) {
      Path f = dir.resolve(enc + ".parquet");
      TickFiles.write(f, enc, false, ticks());
      all.add(new BarReader().readDay(f, SESSION, new ArrayList<>()));
    }
    SecondBars first = all.get(0);
    assertThat(first.length()).isEqualTo(22_501);
    assertThat(first.close(0)).isEqualTo(101.5);
    assertThat(first.volume(0)).isEqualTo(13);
    assertThat(first.ticks(0)).isEqualTo(2);
    assertThat(first.close(1)).isEqualTo(101.5); // forward-filled
    assertThat(first.ticks(1)).isZero();
    assertThat(first.close(2)).isEqualTo(102.0);
    int noon = SESSION.indexOf(LocalTime.NOON);
    assertThat(first.close(noon)).isEqualTo(110.25);
    assertThat(first.close(noon - 1)).isEqualTo(102.0);
    assertThat(first.close(22_500)).isEqualTo(120.0);
    assertThat(first.volume(22_500)).isEqualTo(2);
    for (int k = 1; k < all.size(); k++) {
      SecondBars other = all.get(k);
      assertThat(other.closeArray())
          .as(TickFiles.Encoding.values()[k].name())
          .containsExactly(first.closeArray());
      assertThat(other.volumeArray())
          .as(TickFiles.Encoding.values()[k].name())
          .containsExactly(first.volumeArray());
      assertThat(other.ticksArray())
          .as(TickFiles.Encoding.values()[k].name())
          .containsExactly(first.ticksArray());
    }
  }

  @Test
  void closeIsNaNBeforeTheFirstTradeOfTheDay() throws Exception {
    Path f = dir.resolve("late.parquet");
    TickFiles.write(
        f,
        TickFiles.Encoding.UTC_MICROS,
        false,
        TickFiles.list(tick(ist(DAY, "10:00:00"), 50.0, 1)));
    SecondBars b = new BarReader().readDay(f, SESSION, new ArrayList<>());
    int ten = SESSION.indexOf(LocalTime.of(10, 0));
    assertThat(b.close(ten - 1)).isNaN();
    assertThat(b.close(ten)).isEqualTo(50.0);
    assertThat(b.firstTrade()).isEqualTo(ten);
  }

  @Test
  void unitIsGuessedForUnannotatedInt64() {
    assertThat(TimeEncoding.guessUnit(1_704_253_500L)).isEqualTo(1_000_000_000L);
    assertThat(TimeEncoding.guessUnit(1_704_253_500_000L)).isEqualTo(1_000_000L);
    assertThat(TimeEncoding.guessUnit(1_704_253_500_000_000L)).isEqualTo(1_000L);
    assertThat(TimeEncoding.guessUnit(1_704_253_500_000_000_000L)).isEqualTo(1L);
  }
}
