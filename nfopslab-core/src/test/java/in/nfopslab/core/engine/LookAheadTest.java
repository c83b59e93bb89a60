package in.nfopslab.core.engine;

import static in.nfopslab.core.instrument.OptionType.CE;
import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.market.DayMarket;
import in.nfopslab.core.market.SecondBars;
import in.nfopslab.core.strategy.BarView;
import in.nfopslab.core.strategy.LookAheadException;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyContext;
import in.nfopslab.core.testing.Scripted;
import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.testing.TestRuns;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LookAheadTest {
  static final LocalDate EXPIRY = LocalDate.parse("2024-01-11");

  static TestMarket market() {
    return TestMarket.on("2024-01-08")
        .spot("09:15:00", 22000.0, "10:00:01", 22500.0)
        .liquidOption("2024-01-11", CE, 22000, "09:15:00", 100.0, "10:00:01", 300.0)
        .build();
  }

  /** Runs {@code read} at 10:00:00 and returns what it threw. */
  static Throwable thrownAt10(Consumer<StrategyContext> read) {
    StrategyResult r = TestRuns.one(market(), Scripted.at("10:00:00", read));
    assertThat(r.ok()).as("the read should have failed").isFalse();
    return r.failure().cause();
  }

  @Test
  void readingTheNextSecondOfSpotThrows() {
    assertThat(thrownAt10(ctx -> ctx.spot().close(ctx.now() + 1)))
        .isInstanceOf(LookAheadException.class)
        .hasMessageContaining("10:00:01");
  }

  @Test
  void everyAccessorRefusesTheFuture() {
    assertThat(thrownAt10(ctx -> ctx.spot().volume(ctx.now() + 1)))
        .isInstanceOf(LookAheadException.class);
    assertThat(thrownAt10(ctx -> ctx.spot().ticks(ctx.now() + 1)))
        .isInstanceOf(LookAheadException.class);
    assertThat(thrownAt10(ctx -> ctx.spot().oi(ctx.now() + 1)))
        .isInstanceOf(LookAheadException.class);
    assertThat(thrownAt10(ctx -> ctx.spot().closeAgo(-1))).isInstanceOf(LookAheadException.class);
    assertThat(thrownAt10(ctx -> ctx.spot().highestClose(0, ctx.now() + 1)))
        .isInstanceOf(LookAheadException.class);
    assertThat(thrownAt10(ctx -> ctx.spot().lowestClose(0, ctx.now() + 1)))
        .isInstanceOf(LookAheadException.class);
    assertThat(thrownAt10(ctx -> ctx.spot().volumeSum(0, ctx.now() + 1)))
        .isInstanceOf(LookAheadException.class);
  }

  @Test
  void optionViewsStopAtNowToo() {
    assertThat(thrownAt10(ctx -> ctx.option(EXPIRY, CE, 22000).close(ctx.now() + 1)))
        .isInstanceOf(LookAheadException.class)
        .hasMessageContaining("CE 22000");
  }

  @Test
  void theSameReadsUpToNowSeeOnlyThePast() {
    // At 10:00:00 the day's high so far is 22000; the 22500 of 10:00:01 is invisible.
    double[] seen = new double[4];
    StrategyResult r =
        TestRuns.one(
            market(),
            Scripted.at(
                "10:00:00",
                ctx -> {
                  BarView s = ctx.spot();
                  seen[0] = s.close();
                  seen[1] = s.highestClose(0, ctx.now());
                  seen[2] = ctx.option(EXPIRY, CE, 22000).close();
                  seen[3] = s.volumeLast(60);
                }));

    assertThat(r.ok()).isTrue();
    assertThat(seen).containsExactly(22000.0, 22000.0, 100.0, 60.0);
  }

  @Test
  void aViewKeptPastItsDayCannotBeRead() {
    List<BarView> kept = new ArrayList<>();
    TestMarket d1 = market();
    TestMarket d2 = TestMarket.on("2024-01-09").spot("09:15:00", 22100.0).build();
    Strategy s =
        Scripted.at(
            "10:00:00",
            ctx -> {
              if (kept.isEmpty()) {
                kept.add(ctx.spot());
              } else {
                kept.get(0).close(0);
              }
            });

    StrategyResult r =
        TestRuns.engine(
                List.of(d1, d2),
                EngineConfig.defaults(),
                null,
                List.of(TestRuns.run(TestRuns.factory("keeper", () -> s), d1.symbol())))
            .results()
            .get(0);

    assertThat(r.failure()).isNotNull();
    assertThat(r.failure().date()).isEqualTo(LocalDate.parse("2024-01-09"));
    assertThat(r.failure().cause())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("after its day");
  }

  @Test
  void strategiesAreNeverHandedRawArraysOrTheWholeMarket() {
    for (Class<?> api : List.of(StrategyContext.class, BarView.class)) {
      for (Method method : api.getMethods()) {
        Class<?> r = method.getReturnType();
        assertThat(r.isArray() || r == SecondBars.class || r == DayMarket.class)
            .as("%s.%s returns %s", api.getSimpleName(), method.getName(), r.getSimpleName())
            .isFalse();
      }
    }
  }
}
