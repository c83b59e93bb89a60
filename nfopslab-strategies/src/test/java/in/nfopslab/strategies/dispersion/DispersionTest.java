package in.nfopslab.strategies.dispersion;

import static in.nfopslab.core.instrument.OptionType.CE;
import static in.nfopslab.core.instrument.OptionType.PE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import in.nfopslab.core.engine.Engine;
import in.nfopslab.core.engine.EngineConfig;
import in.nfopslab.core.engine.EngineInput;
import in.nfopslab.core.engine.SpotHistory;
import in.nfopslab.core.engine.StrategyResult;
import in.nfopslab.core.engine.StrategyRun;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.market.SecondBars;
import in.nfopslab.core.strategy.Params;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.trade.StanceRow;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Today is Monday 2024-01-08, spot 22010 (ATM 22000), expiry 2024-01-11. CE 150 / PE 140 have
 * NSE-convention implied vols 16.33 / 18.69: index ATM IV 17.51. The previous day, Friday
 * 2024-01-05, each underlying's spot alternates every minute between P and P x (1 + f), so its 375
 * one-minute log returns are +-ln(1 + f) (188 up, 187 down); their sample deviation x sqrt(252 x
 * 375) is the RV: f = 0.1% -> 30.77, 0.05% -> 15.39, 0.057% -> 17.54. With rv_days = 1: proxy =
 * 17.51^2 / basket_rv^2.
 */
class DispersionTest {
  static final LocalDate FRI = LocalDate.parse("2024-01-05");
  static final LocalDate MON = LocalDate.parse("2024-01-08");
  static final DispersionFactory FACTORY = new DispersionFactory();

  static TestMarket today() {
    return TestMarket.on(MON)
        .spot("09:15:00", 22010.0)
        .liquidOption("2024-01-11", CE, 22000, "09:15:00", 150.0)
        .liquidOption("2024-01-11", PE, 22000, "09:15:00", 140.0)
        .build();
  }

  /** Friday's spot: P at even minutes from the open, P x (1 + f) at odd ones. */
  static SecondBars alternating(double p, double f) {
    Object[] pairs = new Object[2 * 376];
    for (int m = 0; m <= 375; m++) {
      pairs[2 * m] = java.time.LocalTime.of(9, 15).plusMinutes(m).toString() + ":00";
      pairs[2 * m + 1] = m % 2 == 1 ? p * (1 + f) : p;
    }
    return TestMarket.on(FRI).spot(pairs).build().spot();
  }

  static SpotHistory fridayOnly(SecondBars bars, Map<String, SecondBars> members) {
    return new SpotHistory() {
      @Override
      public List<LocalDate> daysBefore(LocalDate date, int n) {
        return date.isAfter(FRI) && n > 0 ? List.of(FRI) : List.of();
      }

      @Override
      public SecondBars spot(LocalDate day) {
        return bars;
      }

      @Override
      public SpotHistory of(Symbol underlying) {
        SecondBars b = members.get(underlying.name());
        return b == null ? null : fridayOnly(b, Map.of());
      }
    };
  }

  static StanceRow stance(SpotHistory history, String... params) {
    TestMarket m = today();
    StrategyConfig config =
        new StrategyConfig(m.symbol(), Params.parse(FACTORY.descriptor(), List.of(params)));
    StrategyResult r =
        Engine.run(
                new EngineInput(
                    m.symbol(),
                    List.of(MON),
                    Map.of(MON, m)::get,
                    List.of(new StrategyRun(FACTORY, config)),
                    EngineConfig.defaults(),
                    (s, e, d) -> 50,
                    null,
                    50,
                    history))
            .results()
            .get(0);
    assertThat(r.ok()).as("%s", r.failure()).isTrue();
    assertThat(r.trades()).isEmpty();
    assertThat(r.stances()).hasSize(1);
    return r.stances().get(0);
  }

  @Test
  void byDefaultThereIsNoBasketAndTheRowSaysSo() {
    // No history at all: index RV is not available either. One row at 10:00, no trades.
    StanceRow row = stance(null);

    assertThat(row.strategy()).isEqualTo("dispersion");
    assertThat(row.ts()).isEqualTo(LocalDateTime.parse("2024-01-08T10:00:00"));
    assertThat(row.stance()).isEqualTo("no_data");
    assertThat(row.note())
        .contains("no basket configured")
        .contains("index RV needs 5 previous days of spot");
    assertThat(row.values().get("index_iv")).isCloseTo(17.51, within(0.01));
    assertThat(row.values().get("index_rv")).isNaN();
    assertThat(row.values().get("basket_rv")).isNaN();
    assertThat(row.values().get("implied_corr_proxy")).isNaN();
  }

  @Test
  void aCalmBasketUnderARichIndexIvIsLongDispersion() {
    // Index Friday alternates 0.1%: index RV 30.77. Basket HDFCBANK 0.05%: basket RV 15.39;
    // proxy = 17.51^2 / 15.39^2 = 1.295 > 1.1.
    StanceRow row =
        stance(
            fridayOnly(alternating(22000, 0.001), Map.of("HDFCBANK", alternating(1600, 0.0005))),
            "rv_days=1",
            "basket=HDFCBANK");

    assertThat(row.stance()).isEqualTo("long_dispersion");
    assertThat(row.note()).isEmpty();
    assertThat(row.values().get("index_rv")).isCloseTo(30.77, within(0.01));
    assertThat(row.values().get("basket_rv")).isCloseTo(15.39, within(0.01));
    assertThat(row.values().get("implied_corr_proxy")).isCloseTo(1.295, within(0.001));
  }

  @Test
  void theBasketRvIsTheMeanOfItsMembersWithDataAndTheOthersAreNamed() {
    // HDFCBANK 30.77 and AXISBANK 15.39: mean 23.08, proxy 17.51^2 / 23.08^2 = 0.576 < 0.9.
    // ICICIBANK has no data.
    StanceRow row =
        stance(
            fridayOnly(
                alternating(22000, 0.001),
                Map.of(
                    "HDFCBANK", alternating(1600, 0.001), "AXISBANK", alternating(1000, 0.0005))),
            "rv_days=1",
            "basket=HDFCBANK, axisbank,ICICIBANK");

    assertThat(row.stance()).isEqualTo("short_dispersion");
    assertThat(row.note()).isEqualTo("basket members without 1 previous days of spot: ICICIBANK");
    assertThat(row.values().get("basket_rv")).isCloseTo(23.08, within(0.01));
    assertThat(row.values().get("implied_corr_proxy")).isCloseTo(0.576, within(0.001));
  }

  @Test
  void aBasketRvCloseToTheIndexIvIsNeutral() {
    // 0.057%: basket RV 17.54, proxy 0.9966: between 0.9 and 1.1.
    StanceRow row =
        stance(
            fridayOnly(alternating(22000, 0.001), Map.of("HDFCBANK", alternating(1600, 0.00057))),
            "rv_days=1",
            "basket=HDFCBANK");

    assertThat(row.stance()).isEqualTo("neutral");
    assertThat(row.values().get("implied_corr_proxy")).isCloseTo(0.9966, within(0.0001));
  }
}
