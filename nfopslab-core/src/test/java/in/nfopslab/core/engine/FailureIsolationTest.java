package in.nfopslab.core.engine;

import static in.nfopslab.core.instrument.OptionType.CE;
import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.strategy.EntryOrder;
import in.nfopslab.core.strategy.ExitRules;
import in.nfopslab.core.strategy.ExpiryChoice;
import in.nfopslab.core.strategy.OrderLeg;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.strategy.StrategyDescriptor;
import in.nfopslab.core.strategy.StrategyFactory;
import in.nfopslab.core.testing.Scripted;
import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.testing.TestRuns;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureIsolationTest {
  static final LocalDate EXPIRY = LocalDate.parse("2024-01-11");

  static TestMarket day(String date) {
    return TestMarket.on(date)
        .spot("09:15:00", 22010.0)
        .liquidOption("2024-01-11", CE, 22000, "09:15:00", 100.0)
        .build();
  }

  /** Buys at 10:00 every day, and throws at 11:00 on the 9th of the month. */
  static StrategyFactory failsAt11OnThe9th(String name) {
    return TestRuns.factory(
        name,
        () ->
            buyAt10()
                .then(
                    "11:00:00",
                    ctx -> {
                      if (ctx.date().getDayOfMonth() == 9) {
                        throw new IllegalStateException("boom");
                      }
                    }));
  }

  static Scripted buyAt10() {
    return Scripted.at(
        "10:00:00",
        ctx -> ctx.enter(EntryOrder.of(ExitRules.none(), OrderLeg.buy(EXPIRY, CE, 22000))));
  }

  @Test
  void aStrategyThatThrowsIsStoppedAndTheOthersGoOn() {
    // "bad" trades on day 1, then on day 2 trades at 10:00 and throws at 11:00: its day-2 trade is
    // dropped with the
    // rest of that day, and it does not run on day 3. "good" trades all three days.
    List<TestMarket> days = List.of(day("2024-01-08"), day("2024-01-09"), day("2024-01-10"));
    StrategyFactory bad = failsAt11OnThe9th("bad");
    StrategyFactory good = TestRuns.factory("good", FailureIsolationTest::buyAt10);

    EngineResult r =
        TestRuns.engine(
            days,
            EngineConfig.defaults(),
            null,
            List.of(
                TestRuns.run(bad, days.get(0).symbol()), TestRuns.run(good, days.get(0).symbol())));

    StrategyResult b = r.result("bad");
    assertThat(b.ok()).isFalse();
    assertThat(b.failure().date()).isEqualTo(LocalDate.parse("2024-01-09"));
    assertThat(b.failure().time()).hasToString("11:00");
    assertThat(b.failure().message()).contains("boom");
    assertThat(b.trades()).extracting(t -> t.tradeDate().toString()).containsExactly("2024-01-08");
    assertThat(b.events(EngineEvent.Kind.ERROR)).hasSize(1);
    StrategyResult g = r.result("good");
    assertThat(g.ok()).isTrue();
    assertThat(g.trades()).hasSize(3);
  }

  @Test
  void aFactoryThatThrowsIsReportedAsThatStrategysFailure() {
    StrategyFactory broken =
        new StrategyFactory() {
          @Override
          public StrategyDescriptor descriptor() {
            return new StrategyDescriptor(
                "broken", "throws on create", List.of(), ExpiryChoice.NEAREST);
          }

          @Override
          public in.nfopslab.core.strategy.Strategy create(StrategyConfig config) {
            throw new IllegalArgumentException("bad parameter");
          }
        };
    TestMarket m = day("2024-01-08");

    EngineResult r =
        TestRuns.engine(
            List.of(m),
            EngineConfig.defaults(),
            null,
            List.of(
                TestRuns.run(broken, m.symbol()),
                TestRuns.run(TestRuns.factory("good", FailureIsolationTest::buyAt10), m.symbol())));

    assertThat(r.result("broken").failure().message())
        .contains("cannot create broken", "bad parameter");
    assertThat(r.result("good").trades()).hasSize(1);
  }

  @Test
  void eachDaysMarketIsClosedOnceAfterEveryStrategyIsDoneWithIt() {
    // both strategies load the option on every day; the one that throws on day 2 stops there
    List<TestMarket> days = List.of(day("2024-01-08"), day("2024-01-09"), day("2024-01-10"));
    StrategyFactory first = TestRuns.factory("first", FailureIsolationTest::buyAt10);
    StrategyFactory failing = failsAt11OnThe9th("failing");
    StrategyFactory last = TestRuns.factory("last", FailureIsolationTest::buyAt10);

    EngineResult r =
        TestRuns.engine(
            days,
            EngineConfig.defaults(),
            null,
            List.of(
                TestRuns.run(first, days.get(0).symbol()),
                TestRuns.run(failing, days.get(0).symbol()),
                TestRuns.run(last, days.get(0).symbol())));

    assertThat(r.result("last").trades()).hasSize(3);
    for (TestMarket m : days) {
      assertThat(m.optionLoads()).as("%s loads", m.date()).isPositive();
      assertThat(m.closes()).as("%s closes", m.date()).isEqualTo(1);
      assertThat(m.optionLoadsAfterClose()).as("%s loads after close", m.date()).isZero();
    }
  }

  @Test
  void aDayWithoutDataIsSkippedWithANote() {
    TestMarket m = day("2024-01-08");

    StrategyResult r =
        Engine.run(
                new EngineInput(
                    m.symbol(),
                    List.of(LocalDate.parse("2024-01-08"), LocalDate.parse("2024-01-09")),
                    d -> d.equals(m.date()) ? m : null,
                    List.of(
                        TestRuns.run(
                            TestRuns.factory("good", FailureIsolationTest::buyAt10), m.symbol())),
                    EngineConfig.defaults(),
                    (s, e, d) -> 50,
                    null,
                    50))
            .results()
            .get(0);

    assertThat(r.trades()).hasSize(1);
    assertThat(r.events(EngineEvent.Kind.NOTE))
        .singleElement()
        .satisfies(e -> assertThat(e.date()).isEqualTo(LocalDate.parse("2024-01-09")));
  }
}
