package in.nfopslab.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.market.PastSpot;
import in.nfopslab.core.market.SecondBars;
import in.nfopslab.core.testing.Scripted;
import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.testing.TestRuns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtherUnderlyingHistoryTest {
  static final LocalDate MON = LocalDate.parse("2024-01-08");
  static final LocalDate FRI = LocalDate.parse("2024-01-05");
  static final LocalDate THU = LocalDate.parse("2024-01-04");

  /**
   * A lab history of NIFTY whose {@code of} knows HDFCBANK (spot 1600 + day of month) and nothing
   * else.
   */
  static SpotHistory history(List<String> reads) {
    SpotHistory hdfc =
        new SpotHistory() {
          @Override
          public List<LocalDate> daysBefore(LocalDate date, int n) {
            return List.of(FRI, THU).subList(0, Math.min(n, 2));
          }

          @Override
          public SecondBars spot(LocalDate day) {
            reads.add("HDFCBANK " + day);
            return TestMarket.on(day).spot("09:15:00", 1600.0 + day.getDayOfMonth()).build().spot();
          }
        };
    return new SpotHistory() {
      @Override
      public List<LocalDate> daysBefore(LocalDate date, int n) {
        return List.of();
      }

      @Override
      public SecondBars spot(LocalDate day) {
        throw new AssertionError("no NIFTY history is read here");
      }

      @Override
      public SpotHistory of(Symbol underlying) {
        return underlying.name().equals("HDFCBANK") ? hdfc : null;
      }
    };
  }

  @Test
  void aStrategyReadsThePreviousDaysOfAnotherUnderlyingAndAnUnknownOneIsEmpty() {
    List<String> reads = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    Scripted s =
        Scripted.at(
            "10:00:00",
            ctx -> {
              for (PastSpot p : ctx.previousDays(new Symbol("HDFCBANK"), 5)) {
                seen.add(p.date() + "=" + p.close(0));
              }
              seen.add("ICICIBANK " + ctx.previousDays(new Symbol("ICICIBANK"), 5).size());
              ctx.previousDays(new Symbol("HDFCBANK"), 2); // cached: not read again
            });
    TestMarket m = TestMarket.on(MON).spot("09:15:00", 22000.0).build();

    StrategyResult r =
        Engine.run(
                new EngineInput(
                    m.symbol(),
                    List.of(MON),
                    Map.of(MON, m)::get,
                    List.of(TestRuns.run(TestRuns.factory("rec", () -> s), m.symbol())),
                    EngineConfig.defaults(),
                    (sym, e, d) -> 50,
                    null,
                    50,
                    history(reads)))
            .results()
            .get(0);

    assertThat(r.ok()).as("%s", r.failure()).isTrue();
    assertThat(seen).containsExactly("2024-01-05=1605.0", "2024-01-04=1604.0", "ICICIBANK 0");
    assertThat(reads).containsExactly("HDFCBANK 2024-01-05", "HDFCBANK 2024-01-04");
  }

  @Test
  void theRunsOwnSymbolIsItsOwnPreviousDaysAndWithoutAHistoryOthersAreEmpty() {
    List<String> seen = new ArrayList<>();
    Scripted s =
        Scripted.at(
            "10:00:00",
            ctx -> {
              seen.add(
                  ctx.previousDays(new Symbol("NIFTY"), 5).size()
                      + " "
                      + ctx.previousDays(5).size());
              seen.add("HDFCBANK " + ctx.previousDays(new Symbol("HDFCBANK"), 5).size());
            });
    List<TestMarket> days =
        List.of(
            TestMarket.on(FRI).spot("09:15:00", 21990.0).build(),
            TestMarket.on(MON).spot("09:15:00", 22000.0).build());

    StrategyResult r =
        TestRuns.engine(
                days,
                EngineConfig.defaults(),
                null,
                List.of(TestRuns.run(TestRuns.factory("rec", () -> s), days.get(0).symbol())))
            .results()
            .get(0);

    assertThat(r.ok()).as("%s", r.failure()).isTrue();
    assertThat(seen).containsExactly("0 0", "HDFCBANK 0", "1 1", "HDFCBANK 0");
  }
}
