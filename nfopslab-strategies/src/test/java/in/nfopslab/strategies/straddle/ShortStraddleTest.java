package in.nfopslab.strategies.straddle;

import static in.nfopslab.core.instrument.OptionType.CE;
import static in.nfopslab.core.instrument.OptionType.PE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import in.nfopslab.core.engine.EngineConfig;
import in.nfopslab.core.engine.EngineEvent;
import in.nfopslab.core.engine.StrategyResult;
import in.nfopslab.core.engine.StrategyRun;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.strategy.Params;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.testing.TestRuns;
import in.nfopslab.core.trade.Side;
import in.nfopslab.core.trade.TradeLeg;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NIFTY, step 50, lot 50, default slippage 0.05% (floor 0.05 points), nearest expiry. */
class ShortStraddleTest {
  static final String EXP = "2024-01-11";

  static StrategyResult run(List<TestMarket> days, String... params) {
    StrategyConfig cfg =
        new StrategyConfig(
            new Symbol("NIFTY"), Params.parse(ShortStraddleFactory.DESCRIPTOR, List.of(params)));
    StrategyResult r =
        TestRuns.engine(
                days,
                EngineConfig.defaults(),
                null,
                List.of(new StrategyRun(new ShortStraddleFactory(), cfg)))
            .results()
            .get(0);
    assertThat(r.ok()).as("%s", r.failure()).isTrue();
    return r;
  }

  static StrategyResult run(TestMarket m, String... params) {
    return run(List.of(m), params);
  }

  static LocalDateTime at(String date, String time) {
    return LocalDateTime.parse(date + "T" + time);
  }

  @Test
  void aLegThatRisesAQuarterIsBoughtBackAloneAndTheOtherLeavesAtQuarterPastThree() {
    // 11:00:00 spot 21537 -> 430.74 steps -> ATM 21550. Sell at 11:00:01:
    //   CE 100 - 0.05 = 99.95; PE 120 - max(0.06, 0.05) = 119.94.
    // CE leg stop 25% of 99.95 = 24.9875 -> 124.9375: 124.9 at 12:00:00 holds, 125 at 12:30:00
    // stops; bought back
    //   12:30:01 at 125 + 0.0625 = 125.0625 -> pnl -1 x (125.0625 - 99.95) = -25.1125 points =
    // -1255.625 rupees.
    // PE never reaches 119.94 x 1.25; it falls to 80 at 14:00:00 and is bought back at 15:15:01 at
    // 80 + 0.05 = 80.05
    //   -> pnl 119.94 - 80.05 = 39.89 points = 1994.5 rupees. The trade nets 14.7775 points.
    TestMarket m =
        TestMarket.on("2024-01-08")
            .spot("09:15:00", 21480.0, "11:00:00", 21537.0)
            .liquidOption(EXP, CE, 21550, "09:15:00", 100.0, "12:00:00", 124.9, "12:30:00", 125.0)
            .liquidOption(EXP, PE, 21550, "09:15:00", 120.0, "14:00:00", 80.0)
            .build();

    List<TradeLeg> legs = run(m).trades();

    assertThat(legs).hasSize(2);
    TradeLeg ce = legs.get(0);
    TradeLeg pe = legs.get(1);
    assertThat(ce.optType()).isEqualTo("CE");
    assertThat(pe.optType()).isEqualTo("PE");
    assertThat(legs).extracting(TradeLeg::strike).containsOnly(21550);
    assertThat(legs).extracting(TradeLeg::side).containsOnly(Side.SELL);
    assertThat(legs).extracting(TradeLeg::signalTs).containsOnly(at("2024-01-08", "11:00:00"));
    assertThat(legs).extracting(TradeLeg::entryTs).containsOnly(at("2024-01-08", "11:00:01"));
    assertThat(ce.entryPrice()).isCloseTo(99.95, within(1e-9));
    assertThat(pe.entryPrice()).isCloseTo(119.94, within(1e-9));
    assertThat(ce.exitReason()).isEqualTo("leg_stop");
    assertThat(ce.exitTs()).isEqualTo(at("2024-01-08", "12:30:01"));
    assertThat(ce.pnlPoints()).isCloseTo(-25.1125, within(1e-9));
    assertThat(ce.pnlInr()).isCloseTo(-1255.625, within(1e-6));
    assertThat(pe.exitReason()).isEqualTo("eod");
    assertThat(pe.exitTs()).isEqualTo(at("2024-01-08", "15:15:01"));
    assertThat(pe.pnlPoints()).isCloseTo(39.89, within(1e-9));
    assertThat(pe.pnlInr()).isCloseTo(1994.5, within(1e-6));
    assertThat(ce.pnlPoints() + pe.pnlPoints()).isCloseTo(14.7775, within(1e-9));
    assertThat(ce.extra())
        .containsEntry("spot_at_signal", 21537.0)
        .containsEntry("atm_strike", 21550.0);
  }

  @Test
  void bothLegsCanBeStoppedOnAWildDay() {
    // Sell CE and PE at 99.95 each. CE 130 at 11:30:00 -> leg stop, bought 11:30:01 at 130.065
    // (-30.115).
    // PE 126 at 13:00:00 -> leg stop, bought 13:00:01 at 126.063 (-26.113). A losing day: -56.228
    // points.
    TestMarket m =
        TestMarket.on("2024-01-08")
            .spot("09:15:00", 21550.0)
            .liquidOption(EXP, CE, 21550, "09:15:00", 100.0, "11:30:00", 130.0)
            .liquidOption(EXP, PE, 21550, "09:15:00", 100.0, "13:00:00", 126.0)
            .build();

    List<TradeLeg> legs = run(m).trades();

    assertThat(legs).extracting(TradeLeg::exitReason).containsExactly("leg_stop", "leg_stop");
    assertThat(legs)
        .extracting(TradeLeg::exitTs)
        .containsExactly(at("2024-01-08", "11:30:01"), at("2024-01-08", "13:00:01"));
    assertThat(legs.get(0).pnlPoints() + legs.get(1).pnlPoints()).isCloseTo(-56.228, within(1e-9));
  }

  @Test
  void aMissingAtmStrikeFallsBackToTheNearestStrikeWithBothLegs() {
    // ATM 21550 has a CE but its PE has no data; 21500 lacks a PE too; 21600 (one step up) has
    // both.
    TestMarket m =
        TestMarket.on("2024-01-08")
            .spot("09:15:00", 21540.0)
            .liquidOption(EXP, CE, 21550, "09:15:00", 100.0)
            .listed(EXP, PE, 21550)
            .liquidOption(EXP, CE, 21500, "09:15:00", 130.0)
            .liquidOption(EXP, CE, 21600, "09:15:00", 75.0)
            .liquidOption(EXP, PE, 21600, "09:15:00", 135.0)
            .build();

    StrategyResult r = run(m);

    assertThat(r.trades()).extracting(TradeLeg::strike).containsExactly(21600, 21600);
    assertThat(r.trades().get(0).extra()).containsEntry("atm_strike", 21550.0);
    assertThat(r.events(EngineEvent.Kind.NOTE))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("using 21600"));
  }

  @Test
  void noStrikeWithBothLegsWithinThreeStepsMeansNoTradeAndASkip() {
    // The only straddle with data is 21750, four steps above ATM 21550.
    TestMarket m =
        TestMarket.on("2024-01-08")
            .spot("09:15:00", 21540.0)
            .liquidOption(EXP, CE, 21750, "09:15:00", 40.0)
            .liquidOption(EXP, PE, 21750, "09:15:00", 230.0)
            .build();

    StrategyResult r = run(m);

    assertThat(r.trades()).isEmpty();
    assertThat(r.events(EngineEvent.Kind.SKIP))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.time()).hasToString("11:00");
              assertThat(e.message()).contains("3 steps of 21550");
            });
  }

  @Test
  void onExpiryDayItSellsTheExpiringStraddleAndStillLeavesAtQuarterPastThree() {
    // 2024-01-11 is an expiry: nearest = today. Both legs decay to 20 and are bought back at
    // 15:15:01 at 20.05 (not
    // held to settlement). pnl per leg 99.95 - 20.05 = 79.90.
    TestMarket m =
        TestMarket.on("2024-01-11")
            .spot("09:15:00", 21550.0)
            .liquidOption("2024-01-11", CE, 21550, "09:15:00", 100.0, "14:00:00", 20.0)
            .liquidOption("2024-01-11", PE, 21550, "09:15:00", 100.0, "14:00:00", 20.0)
            .liquidOption("2024-01-18", CE, 21550, "09:15:00", 200.0)
            .liquidOption("2024-01-18", PE, 21550, "09:15:00", 200.0)
            .build();

    List<TradeLeg> legs = run(m).trades();

    assertThat(legs).extracting(TradeLeg::expiry).containsOnly(LocalDate.parse("2024-01-11"));
    assertThat(legs).extracting(TradeLeg::exitReason).containsOnly("eod");
    assertThat(legs)
        .extracting(TradeLeg::pnlPoints)
        .allSatisfy(p -> assertThat(p).isCloseTo(79.90, within(1e-9)));
  }

  @Test
  void theExpiryParameterPicksTheNextContract() {
    TestMarket m =
        TestMarket.on("2024-01-11")
            .spot("09:15:00", 21550.0)
            .liquidOption("2024-01-11", CE, 21550, "09:15:00", 100.0)
            .liquidOption("2024-01-11", PE, 21550, "09:15:00", 100.0)
            .liquidOption("2024-01-18", CE, 21550, "09:15:00", 200.0)
            .liquidOption("2024-01-18", PE, 21550, "09:15:00", 200.0)
            .build();

    assertThat(run(m, "expiry=next").trades())
        .extracting(TradeLeg::expiry)
        .containsOnly(LocalDate.parse("2024-01-18"));
  }

  @Test
  void itTradesEveryDayAtTheAnchor() {
    TestMarket d1 =
        TestMarket.on("2024-01-08")
            .spot("09:15:00", 21550.0)
            .liquidOption(EXP, CE, 21550, "09:15:00", 100.0)
            .liquidOption(EXP, PE, 21550, "09:15:00", 100.0)
            .build();
    TestMarket d2 =
        TestMarket.on("2024-01-09")
            .spot("09:15:00", 21550.0)
            .liquidOption(EXP, CE, 21550, "09:15:00", 90.0)
            .liquidOption(EXP, PE, 21550, "09:15:00", 90.0)
            .build();

    List<TradeLeg> legs = run(List.of(d1, d2), "anchor=10:30:00").trades();

    assertThat(legs)
        .extracting(TradeLeg::tradeId)
        .containsExactly(2024010800001L, 2024010800001L, 2024010900001L, 2024010900001L);
    assertThat(legs).extracting(t -> t.signalTs().toLocalTime().toString()).containsOnly("10:30");
  }
}
