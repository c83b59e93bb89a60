package in.nfopslab.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.testing.Scripted;
import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.testing.TestRuns;
import in.nfopslab.core.trade.StanceRow;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StanceRowsTest {
  static TestMarket day(String date) {
    return TestMarket.on(date).spot("09:15:00", 22010.0).build();
  }

  @Test
  void aStanceIsStampedWithTheStrategyTheDayAndTheCurrentSecondAndMakesNoTrade() {
    Scripted s = Scripted.at("10:00:00", ctx -> ctx.stance("neutral", "no basket configured",
        Map.of("index_iv", 14.5, "basket_rv", Double.NaN)));

    StrategyResult r = TestRuns.one(day("2024-01-08"), s);

    assertThat(r.ok()).isTrue();
    assertThat(r.trades()).isEmpty();
    assertThat(r.stances()).hasSize(1);
    StanceRow row = r.stances().get(0);
    assertThat(row.strategy()).isEqualTo("test");
    assertThat(row.paramsId()).isEqualTo(r.paramsId());
    assertThat(row.symbol()).isEqualTo("NIFTY");
    assertThat(row.tradeDate()).isEqualTo(LocalDate.parse("2024-01-08"));
    assertThat(row.ts()).isEqualTo(LocalDateTime.parse("2024-01-08T10:00:00"));
    assertThat(row.stance()).isEqualTo("neutral");
    assertThat(row.note()).isEqualTo("no basket configured");
    assertThat(row.values()).containsEntry("index_iv", 14.5).containsKey("basket_rv");
    assertThat(row.values().get("basket_rv")).isNaN();
  }

  @Test
  void stancesComeBackInDateAndTimeOrderOverSeveralDays() {
    // Two stances a day (10:00 and 12:00) over two days: one list, in (trade_date, ts) order.
    Scripted s = Scripted.at("12:00:00", ctx -> ctx.stance("late", null, null))
        .then("10:00:00", ctx -> ctx.stance("early", "", Map.of()));
    List<TestMarket> days = List.of(day("2024-01-08"), day("2024-01-09"));

    StrategyResult r = TestRuns.engine(days, EngineConfig.defaults(), null,
        List.of(TestRuns.run(TestRuns.factory("test", () -> s), days.get(0).symbol()))).results().get(0);

    assertThat(r.stances()).extracting(x -> x.ts().toString() + " " + x.stance()).containsExactly(
        "2024-01-08T10:00 early", "2024-01-08T12:00 late", "2024-01-09T10:00 early", "2024-01-09T12:00 late");
    assertThat(r.stances().get(1).note()).isEmpty();
    assertThat(r.stances().get(1).values()).isEmpty();
  }

  @Test
  void theStancesOfADayCutShortByAFailureAreDropped() {
    // Day 1 records a stance; day 2 records one at 10:00 and throws at 11:00: only day 1's row is kept.
    Scripted s = Scripted.at("10:00:00", ctx -> ctx.stance("neutral", "", Map.of()))
        .then("11:00:00", ctx -> {
          if (ctx.date().getDayOfMonth() == 9) {
            throw new IllegalStateException("boom");
          }
        });
    List<TestMarket> days = List.of(day("2024-01-08"), day("2024-01-09"));

    StrategyResult r = TestRuns.engine(days, EngineConfig.defaults(), null,
        List.of(TestRuns.run(TestRuns.factory("test", () -> s), days.get(0).symbol()))).results().get(0);

    assertThat(r.ok()).isFalse();
    assertThat(r.stances()).extracting(StanceRow::tradeDate).containsExactly(LocalDate.parse("2024-01-08"));
  }

  @Test
  void aStrategyThatOnlyTradesHasNoStances() {
    StrategyResult r = TestRuns.one(day("2024-01-08"), Scripted.at("10:00:00", ctx -> {}));

    assertThat(r.stances()).isEmpty();
  }
}
