package in.nfopslab.core.engine;

import static in.nfopslab.core.instrument.OptionType.CE;
import static in.nfopslab.core.instrument.OptionType.PE;
import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.strategy.EntryOrder;
import in.nfopslab.core.strategy.ExitRules;
import in.nfopslab.core.strategy.Level;
import in.nfopslab.core.strategy.OrderLeg;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyContext;
import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.testing.TestRuns;
import in.nfopslab.core.trade.TradeLeg;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DeterminismTest {
  static final LocalDate EXPIRY = LocalDate.parse("2024-01-11");

  /**
   * Every 30 minutes from 10:00 to 14:00 buys a straddle at the strike nearest spot, with a 5% stop
   * and target.
   */
  static final class Busy implements Strategy {
    @Override
    public void onSecond(StrategyContext ctx) {
      int t = ctx.now();
      if (t >= ctx.secondOf(java.time.LocalTime.of(10, 0))
          && t <= ctx.secondOf(java.time.LocalTime.of(14, 0))
          && ctx.time().getSecond() == 0
          && ctx.time().getMinute() % 30 == 0) {
        int k = ctx.nearestAvailable(EXPIRY, ctx.atm(), CE, PE);
        if (k != StrategyContext.NO_STRIKE) {
          ctx.enter(
              EntryOrder.of(
                  ExitRules.none().withStop(Level.percent(5)).withTarget(Level.percent(5)),
                  OrderLeg.buy(EXPIRY, CE, k),
                  OrderLeg.buy(EXPIRY, PE, k)));
        }
      }
    }
  }

  /** A day whose prices wiggle differently by date, so every day has its own trades. */
  static TestMarket day(String date, int seed) {
    TestMarket.Builder b = TestMarket.on(date);
    List<Object> spot = new ArrayList<>();
    List<Object> ce = new ArrayList<>();
    List<Object> pe = new ArrayList<>();
    for (int m = 0; m < 360; m += 7) {
      String time = java.time.LocalTime.of(9, 15).plusMinutes(m).toString() + ":00";
      double wiggle = ((m * 37 + seed * 11) % 17) - 8;
      spot.add(time);
      spot.add(22000.0 + wiggle * 5);
      ce.add(time);
      ce.add(100.0 + 2 * wiggle);
      pe.add(time);
      pe.add(100.0 - wiggle / 2);
    }
    b.spot(spot.toArray());
    for (int k = 21900; k <= 22100; k += 50) {
      b.liquidOption("2024-01-11", CE, k, ce.toArray())
          .liquidOption("2024-01-11", PE, k, pe.toArray());
    }
    return b.build();
  }

  static List<TestMarket> days() {
    return List.of(day("2024-01-08", 1), day("2024-01-09", 2), day("2024-01-10", 3));
  }

  static List<TradeLeg> runDays(List<TestMarket> days) {
    return TestRuns.engine(
            days,
            EngineConfig.defaults(),
            null,
            List.of(TestRuns.run(TestRuns.factory("busy", Busy::new), days.get(0).symbol())))
        .results()
        .get(0)
        .trades();
  }

  @Test
  void theSameInputGivesTheSameTrades() {
    List<TradeLeg> first = runDays(days());
    List<TradeLeg> second = runDays(days());

    assertThat(first).hasSizeGreaterThan(20);
    assertThat(first.stream().map(TradeLeg::exitReason).distinct()).contains("stop", "target");
    assertThat(second).isEqualTo(first);
  }

  @Test
  void daysRunInAnyOrderOnAnyThreadGiveTheSameTrades() throws Exception {
    List<TradeLeg> together = runDays(days());
    List<TestMarket> reversed = new ArrayList<>(days());
    Collections.reverse(reversed);

    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<List<TradeLeg>>> parts = new ArrayList<>();
      for (TestMarket d : reversed) {
        parts.add(pool.submit(() -> runDays(List.of(d))));
      }
      List<TradeLeg> merged = new ArrayList<>();
      for (Future<List<TradeLeg>> f : parts) {
        merged.addAll(f.get());
      }
      merged.sort(StrategyRunner.OUTPUT_ORDER);

      assertThat(merged).isEqualTo(together);
      assertThat(runDays(reversed)).isEqualTo(together);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void outputIsSortedByDateEntryTradeIdAndLeg() {
    List<TradeLeg> trades = runDays(days());
    List<TradeLeg> sorted = new ArrayList<>(trades);
    sorted.sort(StrategyRunner.OUTPUT_ORDER);

    assertThat(trades).isEqualTo(sorted);
    assertThat(trades.get(0).tradeId()).isEqualTo(2024010800001L);
    assertThat(trades).extracting(t -> t.tradeId() + "/" + t.leg()).doesNotHaveDuplicates();
  }
}
