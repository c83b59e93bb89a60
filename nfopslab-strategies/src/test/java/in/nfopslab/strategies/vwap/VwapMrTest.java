package in.nfopslab.strategies.vwap;

import static in.nfopslab.core.instrument.OptionType.CE;
import static in.nfopslab.core.instrument.OptionType.PE;
import static in.nfopslab.strategies.Runs.at;
import static in.nfopslab.strategies.Runs.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import in.nfopslab.core.engine.StrategyResult;
import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.trade.TradeLeg;
import in.nfopslab.strategies.Runs;
import org.junit.jupiter.api.Test;

/**
 * Unless a test says otherwise: spot 22010 all day (ATM 22000); futures at 22000 trade 100 lots a
 * second from 09:15 to 09:59:59 (volume 270,000, so VWAP stays near 22000) and 1 a second from
 * 10:00:00. A buy at 100 fills at 100.05 (slippage 0.05% of premium, at least 0.05), a sell at 100
 * at 99.95.
 */
class VwapMrTest {
  static final String DAY = "2024-01-08";
  static final String EXP = "2024-01-11";
  static final VwapMrFactory FACTORY = new VwapMrFactory();

  static TestMarket.Builder market(Object... futuresFromTen) {
    Object[] path = new Object[2 + futuresFromTen.length];
    path[0] = "09:15:00";
    path[1] = 22000.0;
    System.arraycopy(futuresFromTen, 0, path, 2, futuresFromTen.length);
    return TestMarket.on(DAY)
        .spot("09:15:00", 22010.0)
        .futures(path)
        .futuresVolume("09:15:00", 100, "10:00:00", 1);
  }

  @Test
  void futuresAboveVwapBuyThePutWhichTakesItsTarget() {
    // 10:00:00 futures 22100: VWAP = (270000 x 22000 + 22100) / 270001 = 22000.00037, d = +0.4545%
    // > 0.3%:
    // buy PE 22000, filled 10:00:01 at 100.05. Target 20% = 20.01: PE 121 at 10:20:00 (+20.95) ->
    // filled 10:20:01
    // at 121 - 0.0605 = 120.9395: +20.8895. At 10:25:00 futures fall back to 22000, just under VWAP
    // (d -0.0025%):
    // no second trade.
    TestMarket m =
        market("10:00:00", 22100.0, "10:25:00", 22000.0)
            .liquidOption(EXP, PE, 22000, "09:15:00", 100.0, "10:20:00", 121.0)
            .build();

    TradeLeg t = only(Runs.run(FACTORY, m));

    assertThat(t.strategy()).isEqualTo("vwap_mr");
    assertThat(t.optType()).isEqualTo("PE");
    assertThat(t.strike()).isEqualTo(22000);
    assertThat(t.signalTs()).isEqualTo(at(DAY, "10:00:00"));
    assertThat(t.entryTs()).isEqualTo(at(DAY, "10:00:01"));
    assertThat(t.exitReason()).isEqualTo("target");
    assertThat(t.exitTs()).isEqualTo(at(DAY, "10:20:01"));
    assertThat(t.pnlPoints()).isCloseTo(20.8895, within(1e-9));
    assertThat(t.extra().get("vwap")).isCloseTo(22000.00037, within(1e-5));
    assertThat(t.extra().get("deviation_pct")).isCloseTo(0.45454, within(1e-5));
    assertThat(t.extra()).containsEntry("vwap_from_spot", 0.0);
  }

  @Test
  void theDeviationCrossingZeroClosesTheTradeEvenAtALoss() {
    // Buy PE at 10:00:01 (100.05) as above. 10:10:00 futures 21990: VWAP = 22000 + (600 x 100 - 10)
    // / 270601
    // = 22000.2217, d = -0.0465% <= 0 -> signal exit, filled 10:10:01 at 95 - 0.05 = 94.95: -5.10
    // points, -255
    // rupees. d then stays near -0.05%, inside the threshold: one trade.
    TestMarket m =
        market("10:00:00", 22100.0, "10:10:00", 21990.0)
            .liquidOption(EXP, PE, 22000, "09:15:00", 100.0, "10:05:00", 95.0)
            .build();

    TradeLeg t = only(Runs.run(FACTORY, m));

    assertThat(t.exitReason()).isEqualTo("signal");
    assertThat(t.exitTs()).isEqualTo(at(DAY, "10:10:01"));
    assertThat(t.pnlPoints()).isCloseTo(-5.10, within(1e-9));
    assertThat(t.pnlInr()).isCloseTo(-255.0, within(1e-6));
  }

  @Test
  void aStopLosesThenAfterTheCooldownASecondTradeRunsToTheEndOfDay() {
    // Buy PE at 100.05 at 10:00:01. PE 80 at 10:30:00: -20.05 <= -15.0075 -> stop, filled 10:30:01
    // at 79.95:
    // -20.10. Cooldown to 10:40:01; futures still 22100 (VWAP 22000.88, d +0.45%): buy again,
    // filled 10:40:02 at
    // 80.05. d stays above zero (VWAP 22006.5 by 15:15) and the PE stays 80: eod at 15:15:00,
    // filled 15:15:01 at
    // 79.95: -0.10.
    TestMarket m =
        market("10:00:00", 22100.0)
            .liquidOption(EXP, PE, 22000, "09:15:00", 100.0, "10:30:00", 80.0)
            .build();

    StrategyResult r = Runs.run(FACTORY, m);

    assertThat(r.trades())
        .extracting(TradeLeg::signalTs, TradeLeg::exitReason, TradeLeg::exitTs)
        .containsExactly(
            tuple(at(DAY, "10:00:00"), "stop", at(DAY, "10:30:01")),
            tuple(at(DAY, "10:40:01"), "eod", at(DAY, "15:15:01")));
    assertThat(r.trades().get(0).pnlPoints()).isCloseTo(-20.10, within(1e-9));
    assertThat(r.trades().get(1).entryPrice()).isCloseTo(80.05, within(1e-9));
    assertThat(r.trades().get(1).pnlPoints()).isCloseTo(-0.10, within(1e-9));
  }

  @Test
  void futuresBelowVwapBuyTheCallAtMostThreeTimesADayTenMinutesApart() {
    // 21900 is d = -0.45% (buy CE 22000), 22010 is d >= 0 (exit). Entries at 10:00:00; exit filled
    // 10:01:01,
    // cooldown to 10:11:01 (21900 again from 10:05 waits); exit 10:12:01, next 10:22:01; exit
    // 10:23:01. From 10:30
    // futures sit at 21900 again, but three trades is the day's limit. Each CE trade is flat: 99.95
    // - 100.05.
    TestMarket m =
        market(
                "10:00:00",
                21900.0,
                "10:01:00",
                22010.0,
                "10:05:00",
                21900.0,
                "10:12:00",
                22010.0,
                "10:15:00",
                21900.0,
                "10:23:00",
                22010.0,
                "10:30:00",
                21900.0)
            .liquidOption(EXP, CE, 22000, "09:15:00", 100.0)
            .build();

    StrategyResult r = Runs.run(FACTORY, m);

    assertThat(r.trades())
        .extracting(TradeLeg::optType, TradeLeg::signalTs, TradeLeg::exitReason, TradeLeg::exitTs)
        .containsExactly(
            tuple("CE", at(DAY, "10:00:00"), "signal", at(DAY, "10:01:01")),
            tuple("CE", at(DAY, "10:11:01"), "signal", at(DAY, "10:12:01")),
            tuple("CE", at(DAY, "10:22:01"), "signal", at(DAY, "10:23:01")));
    assertThat(r.trades())
        .allSatisfy(t -> assertThat(t.pnlPoints()).isCloseTo(-0.10, within(1e-9)));
    assertThat(Runs.run(FACTORY, m, "max_trades=4").trades())
        .hasSize(4)
        .last()
        .extracting(TradeLeg::signalTs)
        .isEqualTo(at(DAY, "10:33:01"));
  }

  @Test
  void withoutFuturesTheVwapIsTheAverageOfSpotAndTheRowsSaySo() {
    // Spot 22000 from 09:15, 22100 from 10:00:00 (ATM 22100). Average at 10:00:00 = (2700 x 22000 +
    // 22100) / 2701
    // = 22000.0370, d = +0.4544%: buy the 22100 PE. The average never reaches 22100: held to the
    // end of day.
    TestMarket m =
        TestMarket.on(DAY)
            .spot("09:15:00", 22000.0, "10:00:00", 22100.0)
            .liquidOption(EXP, PE, 22100, "09:15:00", 100.0)
            .build();

    TradeLeg t = only(Runs.run(FACTORY, m));

    assertThat(t.strike()).isEqualTo(22100);
    assertThat(t.exitReason()).isEqualTo("eod");
    assertThat(t.extra()).containsEntry("vwap_from_spot", 1.0);
    assertThat(t.extra().get("vwap")).isCloseTo(22000.0370, within(1e-4));
  }

  @Test
  void entriesWaitForTheWindowAndStopAtItsEndAndSmallDeviationsDoNotTrade() {
    // Futures at 22100 from 09:50:00 (100 a second until 10:00): at 10:00:00 VWAP = 22000 + (60000
    // x 100 + 100) /
    // 270001 = 22022.22 and d = +0.353%. The deviation began at 09:50, the entry waits for
    // 10:00:00.
    TestMarket early =
        TestMarket.on(DAY)
            .spot("09:15:00", 22010.0)
            .futures("09:15:00", 22000.0, "09:50:00", 22100.0)
            .futuresVolume("09:15:00", 100, "10:00:00", 1)
            .liquidOption(EXP, PE, 22000, "09:15:00", 100.0)
            .build();
    assertThat(Runs.run(FACTORY, early).trades())
        .extracting(TradeLeg::signalTs)
        .containsExactly(at(DAY, "10:00:00"));

    // A deviation from 14:30:01 is after the last entry second.
    TestMarket late =
        market("14:30:01", 22100.0).liquidOption(EXP, PE, 22000, "09:15:00", 100.0).build();
    assertThat(Runs.run(FACTORY, late).trades()).isEmpty();

    // 22060 is d = 60 / 22000 = 0.27%, inside 0.3%.
    TestMarket small =
        market("10:00:00", 22060.0).liquidOption(EXP, PE, 22000, "09:15:00", 100.0).build();
    assertThat(Runs.run(FACTORY, small).trades()).isEmpty();
    assertThat(Runs.run(FACTORY, small, "threshold_pct=0.25").trades()).hasSize(1);
  }
}
