package in.nfopslab.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.market.DayMarket;
import in.nfopslab.core.market.PastSpot;
import in.nfopslab.core.market.SecondBars;
import in.nfopslab.core.testing.Scripted;
import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.testing.TestRuns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreviousDaysTest {
  static TestMarket day(String date, double spot) {
    return TestMarket.on(date).spot("09:15:00", spot).build();
  }

  /**
   * What a strategy saw at 09:15:00 of each day: the dates and first spot closes of
   * previousDays(n).
   */
  static Scripted recorder(int n, Map<LocalDate, List<String>> seen) {
    return Scripted.at(
        "09:15:00",
        ctx -> {
          List<String> out = new ArrayList<>();
          for (PastSpot p : ctx.previousDays(n)) {
            out.add(p.date() + "=" + p.close(0));
          }
          seen.put(ctx.date(), out);
        });
  }

  @Test
  void withoutAHistoryTheEarlierDaysOfTheCallAreThePastMostRecentFirstAndNeverToday() {
    Map<LocalDate, List<String>> seen = new HashMap<>();
    List<TestMarket> days =
        List.of(day("2024-01-08", 100), day("2024-01-09", 101), day("2024-01-10", 102));

    TestRuns.engine(
        days,
        EngineConfig.defaults(),
        null,
        List.of(
            TestRuns.run(TestRuns.factory("rec", () -> recorder(5, seen)), days.get(0).symbol())));

    assertThat(seen.get(LocalDate.parse("2024-01-08"))).isEmpty();
    assertThat(seen.get(LocalDate.parse("2024-01-09"))).containsExactly("2024-01-08=100.0");
    assertThat(seen.get(LocalDate.parse("2024-01-10")))
        .containsExactly("2024-01-09=101.0", "2024-01-08=100.0");
  }

  @Test
  void aHistoryReachesDaysBeforeTheCallAndDaysOfTheCallAreNotReadTwice() {
    // The lab: 01-04, 01-05 before the task; the task is 01-08 and 01-09.
    Map<LocalDate, DayMarket> lab = new HashMap<>();
    for (TestMarket m :
        List.of(
            day("2024-01-04", 98),
            day("2024-01-05", 99),
            day("2024-01-08", 100),
            day("2024-01-09", 101))) {
      lab.put(m.date(), m);
    }
    List<LocalDate> labDays =
        List.of(
            LocalDate.parse("2024-01-04"),
            LocalDate.parse("2024-01-05"),
            LocalDate.parse("2024-01-08"),
            LocalDate.parse("2024-01-09"));
    List<LocalDate> reads = new ArrayList<>();
    SpotHistory history =
        new SpotHistory() {
          @Override
          public List<LocalDate> daysBefore(LocalDate date, int n) {
            List<LocalDate> out = new ArrayList<>();
            for (int i = labDays.size() - 1; i >= 0 && out.size() < n; i--) {
              if (labDays.get(i).isBefore(date)) {
                out.add(labDays.get(i));
              }
            }
            return out;
          }

          @Override
          public SecondBars spot(LocalDate d) {
            reads.add(d);
            return lab.get(d).spot();
          }
        };
    Map<LocalDate, List<String>> seen = new HashMap<>();
    List<LocalDate> task = List.of(LocalDate.parse("2024-01-08"), LocalDate.parse("2024-01-09"));

    Engine.run(
        new EngineInput(
            lab.get(task.get(0)).symbol(),
            task,
            lab::get,
            List.of(
                TestRuns.run(
                    TestRuns.factory("rec", () -> recorder(3, seen)),
                    lab.get(task.get(0)).symbol())),
            EngineConfig.defaults(),
            (s, e, d) -> 50,
            null,
            50,
            history));

    assertThat(seen.get(LocalDate.parse("2024-01-08")))
        .containsExactly("2024-01-05=99.0", "2024-01-04=98.0");
    assertThat(seen.get(LocalDate.parse("2024-01-09")))
        .containsExactly("2024-01-08=100.0", "2024-01-05=99.0", "2024-01-04=98.0");
    // 01-04 and 01-05 read once each; 01-08 came from the day the call had walked
    assertThat(reads).containsExactly(LocalDate.parse("2024-01-05"), LocalDate.parse("2024-01-04"));
  }

  @Test
  void askingForMoreThanFortyDaysIsAStrategyError() {
    TestMarket m = day("2024-01-08", 100);

    StrategyResult r = TestRuns.one(m, Scripted.at("09:15:00", ctx -> ctx.previousDays(41)));

    assertThat(r.ok()).isFalse();
    assertThat(r.failure().message()).contains("0..40");
  }
}
