package in.nfopslab.core.engine;

import static in.nfopslab.core.instrument.OptionType.CE;
import static in.nfopslab.core.instrument.OptionType.PE;
import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.strategy.BarView;
import in.nfopslab.core.strategy.EntryOrder;
import in.nfopslab.core.strategy.ExitRules;
import in.nfopslab.core.strategy.Level;
import in.nfopslab.core.strategy.LookAheadException;
import in.nfopslab.core.strategy.OrderLeg;
import in.nfopslab.core.strategy.StrategyContext;
import in.nfopslab.core.testing.Scripted;
import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.testing.TestRuns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Option series served sparse (seconds with trades only, as the seconds cache serves them) run
 * exactly as dense ones: the same values through every {@code BarView} read, the same fills, marks
 * and exits, and the same refusal of reads past now.
 */
class SparseOptionSeriesTest {
  static final LocalDate EXPIRY = LocalDate.parse("2024-01-11");

  /** A CE that first trades at 09:20 with gaps and an oi column, and a PE trading every second. */
  static TestMarket market(boolean sparse) {
    TestMarket.Builder b =
        TestMarket.on("2024-01-08")
            .spot("09:15:00", 22000.0, "10:00:00", 22100.0, "11:00:00", 21950.0)
            .option(
                "2024-01-11",
                CE,
                22000,
                "09:20:00",
                100.0,
                "09:20:07",
                104.0,
                "09:31:00",
                98.5,
                "09:59:58",
                120.0,
                "10:00:02",
                131.0,
                "10:40:00",
                90.0,
                "13:00:00",
                80.0)
            .optionVolume("2024-01-11", CE, 22000, "09:20:00", 25, "10:00:00", 75)
            .optionOi("2024-01-11", CE, 22000, "09:20:00", 1_000, "10:40:00", 1_500)
            .liquidOption(
                "2024-01-11", PE, 22000, "09:15:00", 110.0, "10:00:00", 95.0, "11:00:00", 150.0);
    return (sparse ? b.sparseOptions() : b).build();
  }

  /** Every BarView read of both options at every second, as raw bits. */
  static Scripted reader(List<Long> reads) {
    Consumer<StrategyContext> readAll =
        ctx -> {
          int now = ctx.now();
          for (BarView v : List.of(ctx.option(EXPIRY, CE, 22000), ctx.option(EXPIRY, PE, 22000))) {
            reads.add(Double.doubleToRawLongBits(v.close()));
            reads.add(Double.doubleToRawLongBits(v.closeAgo(17)));
            reads.add(v.volume(now) + 31 * v.ticks(now));
            reads.add(v.oi(now));
            reads.add((long) v.lastTrade());
            reads.add(Double.doubleToRawLongBits(v.highestClose(now - 120, now)));
            reads.add(Double.doubleToRawLongBits(v.lowestClose(now - 900, Math.max(0, now - 300))));
            reads.add(v.volumeLast(60));
            reads.add(v.volumeSum(now - 4000, Math.max(0, now - 2000)));
          }
        };
    return new Scripted()
        .everySecond(readAll)
        .then(
            "09:59:59",
            ctx ->
                ctx.enter(
                    EntryOrder.of(
                        ExitRules.none().withStop(Level.percent(20)).withLegStop(Level.percent(50)),
                        OrderLeg.sell(EXPIRY, CE, 22000),
                        OrderLeg.sell(EXPIRY, PE, 22000))))
        .then(
            "10:39:58", // fills at the CE's next trade, 10:40:00; stopped at 13:00
            ctx ->
                ctx.enter(
                    EntryOrder.of(
                        ExitRules.none().withStop(Level.percent(5)),
                        OrderLeg.buy(EXPIRY, CE, 22000))));
  }

  @Test
  void sparseAndDenseOptionsRunTheSameDay() {
    List<Long> denseReads = new ArrayList<>();
    List<Long> sparseReads = new ArrayList<>();
    StrategyResult dense = TestRuns.one(market(false), reader(denseReads));
    StrategyResult sparse = TestRuns.one(market(true), reader(sparseReads));

    assertThat(dense.ok()).as("%s", dense.failure()).isTrue();
    assertThat(dense.trades()).as("the scenario trades").hasSize(3);
    assertThat(dense.trades().stream().map(t -> t.exitReason()).distinct())
        .as("exits of several kinds")
        .hasSizeGreaterThanOrEqualTo(3);
    assertThat(denseReads).hasSize(22_501 * 2 * 9);
    assertThat(sparseReads).isEqualTo(denseReads);
    assertThat(sparse.trades()).isEqualTo(dense.trades());
    assertThat(sparse.events()).isEqualTo(dense.events());
  }

  @Test
  void aSparseOptionViewRefusesTheFuture() {
    List<Consumer<StrategyContext>> reads =
        List.of(
            ctx -> option(ctx).close(ctx.now() + 1),
            ctx -> option(ctx).volume(ctx.now() + 1),
            ctx -> option(ctx).ticks(ctx.now() + 1),
            ctx -> option(ctx).oi(ctx.now() + 1),
            ctx -> option(ctx).closeAgo(-1),
            ctx -> option(ctx).highestClose(0, ctx.now() + 1),
            ctx -> option(ctx).lowestClose(0, ctx.now() + 1),
            ctx -> option(ctx).volumeSum(0, ctx.now() + 1));
    for (Consumer<StrategyContext> read : reads) {
      StrategyResult r = TestRuns.one(market(true), Scripted.at("10:00:00", read));
      assertThat(r.ok()).isFalse();
      assertThat(r.failure().cause())
          .isInstanceOf(LookAheadException.class)
          .hasMessageContaining("CE 22000");
    }
  }

  private static BarView option(StrategyContext ctx) {
    return ctx.option(EXPIRY, CE, 22000);
  }
}
