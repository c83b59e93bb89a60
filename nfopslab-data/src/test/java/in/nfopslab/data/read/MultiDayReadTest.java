package in.nfopslab.data.read;

import static in.nfopslab.data.read.TickFiles.ist;
import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.calendar.Session;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading several days of a file at once gives each day exactly the bars a read of that day alone
 * gives.
 */
class MultiDayReadTest {
  @TempDir Path dir;

  private static final LocalDate D1 = LocalDate.of(2024, 1, 2);

  private static List<Session> sessions(int days) {
    List<Session> out = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      out.add(new Session(D1.plusDays(d), LocalTime.of(9, 15), LocalTime.of(15, 30)));
    }
    return out;
  }

  /** Sparse bars of one day as rows "second close volume ticks oi". */
  private static List<String> day(BarReader r, Path f, Session s) throws Exception {
    List<String> rows = new ArrayList<>();
    r.readDay(
        f,
        s,
        new ArrayList<>(),
        (sec, c, v, n, o) -> rows.add(sec + " " + c + " " + v + " " + n + " " + o));
    return rows;
  }

  private static List<List<String>> days(BarReader r, Path f, List<Session> ss) throws Exception {
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < ss.size(); i++) {
      out.add(new ArrayList<>());
    }
    r.readDays(
        f,
        ss,
        new ArrayList<>(),
        d -> (sec, c, v, n, o) -> out.get(d).add(sec + " " + c + " " + v + " " + n + " " + o));
    return out;
  }

  private static List<TickFiles.Tick> ticks(long seed, boolean shuffleSome) {
    SplittableRandom r = new SplittableRandom(seed);
    List<TickFiles.Tick> ticks = new ArrayList<>();
    for (int d = 0; d < 4; d++) {
      long open = ist(D1.plusDays(d), "09:14:00");
      int n = 500 + r.nextInt(3_000);
      long t = open;
      for (int i = 0; i < n; i++) {
        t += (long) (r.nextDouble() * 10_000_000_000L);
        Long oi = r.nextInt(10) == 0 ? null : (long) r.nextInt(1_000_000);
        ticks.add(new TickFiles.Tick(t, 50 + r.nextInt(400) * 0.05, r.nextInt(100), oi));
        if (r.nextInt(50) == 0) {
          ticks.add(new TickFiles.Tick(t, 50.0, 1, oi)); // same second, another price
        }
      }
    }
    if (shuffleSome) {
      for (int i = 0; i + 1 < ticks.size(); i += 37) {
        TickFiles.Tick x = ticks.get(i);
        ticks.set(i, ticks.get(i + 1));
        ticks.set(i + 1, x);
      }
    }
    return ticks;
  }

  @Test
  void eachDayOfAMultiDayReadEqualsThatDayReadAlone() throws Exception {
    Path f = dir.resolve("multi.parquet");
    TickFiles.write(f, TickFiles.Encoding.UTC_MICROS, true, ticks(3, false), 700);
    BarReader r = new BarReader();
    List<Session> ss = sessions(4);
    List<List<String>> together = days(r, f, ss);
    for (int d = 0; d < ss.size(); d++) {
      assertThat(together.get(d))
          .as("day %d", d)
          .isNotEmpty()
          .containsExactlyElementsOf(day(r, f, ss.get(d)));
    }
  }

  @Test
  void outOfOrderRowsAreSplitByDayBeforeSorting() throws Exception {
    Path f = dir.resolve("shuffled.parquet");
    TickFiles.write(f, TickFiles.Encoding.NAIVE_NANOS, true, ticks(5, true), 700);
    BarReader r = new BarReader();
    List<Session> ss = sessions(4);
    List<List<String>> together = days(r, f, ss);
    for (int d = 0; d < ss.size(); d++) {
      assertThat(together.get(d))
          .as("day %d", d)
          .isNotEmpty()
          .containsExactlyElementsOf(day(r, f, ss.get(d)));
    }
  }

  @Test
  void sparseBarsAreTheDenseBarsAtTheSecondsWithTrades() throws Exception {
    Path f = dir.resolve("dense.parquet");
    TickFiles.write(f, TickFiles.Encoding.UTC_MILLIS, true, ticks(9, true), 700);
    BarReader r = new BarReader();
    Session s = sessions(4).get(1);
    var dense = r.readDay(f, s, new ArrayList<>());
    List<String> expected = new ArrayList<>();
    for (int sec = 0; sec < dense.length(); sec++) {
      if (dense.ticks(sec) > 0) {
        expected.add(
            sec
                + " "
                + dense.close(sec)
                + " "
                + dense.volume(sec)
                + " "
                + dense.ticks(sec)
                + " "
                + dense.oi(sec));
      }
    }
    assertThat(day(r, f, s)).isNotEmpty().containsExactlyElementsOf(expected);
  }
}
