package in.nfopslab.strategies.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import in.nfopslab.core.engine.EngineConfig;
import in.nfopslab.core.engine.EngineEvent;
import in.nfopslab.core.engine.StrategyResult;
import in.nfopslab.core.market.PastSpot;
import in.nfopslab.core.testing.Scripted;
import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.testing.TestRuns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RealisedVolTest {
  static PastSpot past(TestMarket m) {
    return new PastSpot(m.date(), m.spot());
  }

  @Test
  void alternatingMinuteReturnsGiveTheirSampleStandardDeviationAnnualisedBy252x375() {
    // One day of +a, -a, ... (188 x +a, 187 x -a), a = 0.001: n = 375, mean = a/375, sum of squares
    // = 375 a^2.
    // variance = (375 a^2 - 375 (a/375)^2) / 374 = a^2 (375/374)(1 - 1/140625).
    // annualised: sqrt(variance x 252 x 375) = a sqrt(94500 x 375/374 x 140624/140625) =
    // 0.307818... (30.8 vol points)
    double a = 0.001;
    double expected = a * Math.sqrt(94500.0 * 375 / 374 * 140624 / 140625);

    double rv = RealisedVol.of(List.of(past(Spots.alternatingDay("2024-01-05", 22000, a).build())));

    assertThat(expected).isCloseTo(0.307818, within(1e-6));
    assertThat(rv).isCloseTo(expected, within(1e-12));
  }

  @Test
  void daysArePooledWithoutTheOvernightReturn() {
    // Two days at different levels (22000 and 23000) with the same +-a pattern: the 4.4% gap
    // between them is not a
    // return. n = 750, sum = 2a, mean = a/375: variance = (750 a^2 - 750 (a/375)^2) / 749.
    double a = 0.001;
    double expected = a * Math.sqrt(94500.0 * 750 / 749 * 140624 / 140625);

    double rv =
        RealisedVol.of(
            List.of(
                past(Spots.alternatingDay("2024-01-05", 23000, a).build()),
                past(Spots.alternatingDay("2024-01-04", 22000, a).build())));

    assertThat(rv).isCloseTo(expected, within(1e-12));
  }

  @Test
  void aFlatDayHasNoVolatilityAndMinutesBeforeTheFirstTradeAreSkipped() {
    // First trade at 15:28:00: closes at 15:28, 15:29, 15:30 -> 2 returns of 0.
    TestMarket flatLate = TestMarket.on("2024-01-05").spot("15:28:00", 22000.0).build();
    TestMarket oneTrade = TestMarket.on("2024-01-04").spot("15:30:00", 22000.0).build();

    assertThat(RealisedVol.of(List.of(past(flatLate)))).isEqualTo(0.0);
    assertThat(RealisedVol.of(List.of(past(oneTrade)))).isNaN();
  }

  @Test
  void theContextVersionUsesThePreviousDaysOnlyAndSkipsWhenTooFewAreThere() {
    // Day 1 (01-04) alternates with a = 0.001; day 2 (01-05) with a = 0.01 (ten times as wild). On
    // day 2 the RV over
    // one previous day is day 1's alone; on day 1 there is no previous day: NaN and a skip.
    double a = 0.001;
    List<TestMarket> days =
        List.of(
            Spots.alternatingDay("2024-01-04", 22000, a).build(),
            Spots.alternatingDay("2024-01-05", 22000, 0.01).build());
    List<Double> seen = new ArrayList<>();

    StrategyResult r =
        TestRuns.engine(
                days,
                EngineConfig.defaults(),
                null,
                List.of(
                    TestRuns.run(
                        TestRuns.factory(
                            "rv",
                            () ->
                                Scripted.at(
                                    "15:30:00", ctx -> seen.add(RealisedVol.previousDays(ctx, 1)))),
                        days.get(0).symbol())))
            .results()
            .get(0);

    assertThat(seen.get(0)).isNaN();
    assertThat(seen.get(1))
        .isCloseTo(a * Math.sqrt(94500.0 * 375 / 374 * 140624 / 140625), within(1e-12));
    assertThat(r.events(EngineEvent.Kind.SKIP))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.date()).isEqualTo(LocalDate.parse("2024-01-04"));
              assertThat(e.message()).contains("needs 1 previous trading days, the lab has 0");
            });
  }
}
