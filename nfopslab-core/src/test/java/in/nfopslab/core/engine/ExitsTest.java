package in.nfopslab.core.engine;

import static in.nfopslab.core.instrument.OptionType.CE;
import static in.nfopslab.core.instrument.OptionType.PE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import in.nfopslab.core.strategy.EntryOrder;
import in.nfopslab.core.strategy.ExitRules;
import in.nfopslab.core.strategy.Level;
import in.nfopslab.core.strategy.OrderLeg;
import in.nfopslab.core.strategy.PositionState;
import in.nfopslab.core.testing.Scripted;
import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.testing.TestRuns;
import in.nfopslab.core.trade.TradeLeg;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class ExitsTest {
  static final LocalDate EXPIRY = LocalDate.parse("2024-01-11");
  static final String EXP = "2024-01-11";

  static TestMarket.Builder day() {
    return TestMarket.on("2024-01-08").spot("09:15:00", 22010.0);
  }

  static TradeLeg only(StrategyResult r) {
    assertThat(r.ok()).as("strategy failure %s", r.failure()).isTrue();
    assertThat(r.trades()).hasSize(1);
    return r.trades().get(0);
  }

  static Scripted buyAt10(ExitRules rules) {
    return Scripted.at(
        "10:00:00", ctx -> ctx.enter(EntryOrder.of(rules, OrderLeg.buy(EXPIRY, CE, 22000))));
  }

  static LocalDateTime at(String time) {
    return LocalDateTime.parse("2024-01-08T" + time);
  }

  @Test
  void aLongStopSitsBelowTheEntryAndLoses() {
    // Buy at 10:00:01 at 100 + 0.05 = 100.05. Stop 15% of 100.05 = 15.0075 points.
    // 10:30:00 price 86: pnl -14.05, no stop. 11:00:00 price 85: pnl -15.05 <= -15.0075 -> stop
    // decided at 11:00:00,
    // filled 11:00:01 at 85 - max(0.0425, 0.05) = 84.95. pnl = 84.95 - 100.05 = -15.10 points =
    // -755 rupees.
    TestMarket m =
        day()
            .liquidOption(EXP, CE, 22000, "09:15:00", 100.0, "10:30:00", 86.0, "11:00:00", 85.0)
            .build();

    TradeLeg t = only(TestRuns.one(m, buyAt10(ExitRules.none().withStop(Level.percent(15)))));

    assertThat(t.exitReason()).isEqualTo("stop");
    assertThat(t.exitTs()).isEqualTo(at("11:00:01"));
    assertThat(t.exitPrice()).isCloseTo(84.95, within(1e-9));
    assertThat(t.pnlPoints()).isCloseTo(-15.10, within(1e-9));
    assertThat(t.pnlInr()).isCloseTo(-755.0, within(1e-6));
  }

  @Test
  void aShortStopSitsAboveTheEntry() {
    // Sell at 10:00:01 at 100 - 0.05 = 99.95; stop 15% of 99.95 = 14.9925 points above: 114.9425.
    // 10:30:00 price 80 (a gain: a long-style stop below would not fire either). 11:00:00 price
    // 114.9: loss 14.95,
    // no stop. 11:30:00 price 115: loss 15.05 -> stop, filled 11:30:01 at 115 + 0.0575 = 115.0575.
    // pnl = -1 x (115.0575 - 99.95) = -15.1075.
    TestMarket m =
        day()
            .liquidOption(
                EXP,
                CE,
                22000,
                "09:15:00",
                100.0,
                "10:30:00",
                80.0,
                "11:00:00",
                114.9,
                "11:30:00",
                115.0)
            .build();

    TradeLeg t =
        only(
            TestRuns.one(
                m,
                Scripted.at(
                    "10:00:00",
                    ctx ->
                        ctx.enter(
                            EntryOrder.of(
                                ExitRules.none().withStop(Level.percent(15)),
                                OrderLeg.sell(EXPIRY, CE, 22000))))));

    assertThat(t.exitReason()).isEqualTo("stop");
    assertThat(t.exitTs()).isEqualTo(at("11:30:01"));
    assertThat(t.exitPrice()).isCloseTo(115.0575, within(1e-9));
    assertThat(t.pnlPoints()).isCloseTo(-15.1075, within(1e-9));
  }

  @Test
  void aTargetTakesProfit() {
    // Entry 100.05; target 20% = 20.01 points. 11:00:00 price 120: +19.95, not yet. 11:10:00 price
    // 121: +20.95 ->
    // target, filled 11:10:01 at 121 - 0.0605 = 120.9395; pnl +20.8895.
    TestMarket m =
        day()
            .liquidOption(EXP, CE, 22000, "09:15:00", 100.0, "11:00:00", 120.0, "11:10:00", 121.0)
            .build();

    TradeLeg t = only(TestRuns.one(m, buyAt10(ExitRules.none().withTarget(Level.percent(20)))));

    assertThat(t.exitReason()).isEqualTo("target");
    assertThat(t.exitTs()).isEqualTo(at("11:10:01"));
    assertThat(t.pnlPoints()).isCloseTo(20.8895, within(1e-9));
  }

  @Test
  void aShortTargetSitsBelowTheEntry() {
    // Sell at 99.95; target 50% = 49.975 points: price <= 49.975. 11:00:00 price 50: +49.95, no.
    // 11:05:00 price 49:
    // +50.95 -> target, buy back 11:05:01 at 49 + 0.05 = 49.05; pnl = 99.95 - 49.05 = 50.90.
    TestMarket m =
        day()
            .liquidOption(EXP, PE, 22000, "09:15:00", 100.0, "11:00:00", 50.0, "11:05:00", 49.0)
            .build();

    TradeLeg t =
        only(
            TestRuns.one(
                m,
                Scripted.at(
                    "10:00:00",
                    ctx ->
                        ctx.enter(
                            EntryOrder.of(
                                ExitRules.none().withTarget(Level.percent(50)),
                                OrderLeg.sell(EXPIRY, PE, 22000))))));

    assertThat(t.exitReason()).isEqualTo("target");
    assertThat(t.exitTs()).isEqualTo(at("11:05:01"));
    assertThat(t.pnlPoints()).isCloseTo(50.90, within(1e-9));
  }

  @Test
  void aTrailingStopFollowsTheBestMark() {
    // Entry 100.05; trailing 10% of the entry premium = 10.005 points behind the best profit.
    // 10:30:00 price 130: best profit 29.95. 11:00:00 price 120: profit 19.95 > 29.95 - 10.005 =
    // 19.945, holds.
    // 11:30:00 price 119.9: 19.85 <= 19.945 -> trailing, filled 11:30:01 at 119.9 - 0.05995 =
    // 119.84005.
    TestMarket m =
        day()
            .liquidOption(
                EXP,
                CE,
                22000,
                "09:15:00",
                100.0,
                "10:30:00",
                130.0,
                "11:00:00",
                120.0,
                "11:30:00",
                119.9)
            .build();

    TradeLeg t = only(TestRuns.one(m, buyAt10(ExitRules.none().withTrailing(Level.percent(10)))));

    assertThat(t.exitReason()).isEqualTo("trailing");
    assertThat(t.exitTs()).isEqualTo(at("11:30:01"));
    assertThat(t.exitPrice()).isCloseTo(119.84005, within(1e-9));
    assertThat(t.pnlPoints()).isCloseTo(119.84005 - 100.05, within(1e-9));
  }

  @Test
  void aTrailingStopArmsOnlyOnceThePositionHasBeenInProfit() {
    // Entry 100.05 at 10:00:01, then the price falls to 85 at 10:05:00: 15.05 points down, more
    // than the 10.005
    // trailing distance, but the position has never been in profit, so only the end of day closes
    // it.
    TestMarket m = day().liquidOption(EXP, CE, 22000, "09:15:00", 100.0, "10:05:00", 85.0).build();

    TradeLeg t = only(TestRuns.one(m, buyAt10(ExitRules.none().withTrailing(Level.percent(10)))));

    assertThat(t.entryPrice()).isCloseTo(100.05, within(1e-9));
    assertThat(t.exitReason()).isEqualTo("eod");
  }

  @Test
  void theStopIsCheckedBeforeTheTrailingStop() {
    // Entry 100.05, stop 15% (15.0075), trailing 10% (10.005). 10:30:00 price 110: best +9.95
    // (armed).
    // 11:00:00 price 80: -20.05 is past both levels -> reported as stop.
    TestMarket m =
        day()
            .liquidOption(EXP, CE, 22000, "09:15:00", 100.0, "10:30:00", 110.0, "11:00:00", 80.0)
            .build();

    TradeLeg t =
        only(
            TestRuns.one(
                m,
                buyAt10(
                    ExitRules.none().withStop(Level.percent(15)).withTrailing(Level.percent(10)))));

    assertThat(t.exitReason()).isEqualTo("stop");
    assertThat(t.exitTs()).isEqualTo(at("11:00:01"));
  }

  @Test
  void pointLevelsActOnPremiumPoints() {
    // Entry 100.05; stop 2 points: 11:00:00 price 98.1 -> -1.95, holds; 11:00:05 price 98.0 ->
    // -2.05 -> stop.
    TestMarket m =
        day()
            .liquidOption(EXP, CE, 22000, "09:15:00", 100.0, "11:00:00", 98.1, "11:00:05", 98.0)
            .build();

    TradeLeg t = only(TestRuns.one(m, buyAt10(ExitRules.none().withStop(Level.points(2)))));

    assertThat(t.exitReason()).isEqualTo("stop");
    assertThat(t.exitTs()).isEqualTo(at("11:00:06"));
  }

  @Test
  void aTimeExitClosesAtItsClockTime() {
    TestMarket m = day().liquidOption(EXP, CE, 22000, "09:15:00", 100.0, "12:00:00", 104.0).build();

    TradeLeg t = only(TestRuns.one(m, buyAt10(ExitRules.none().withTimeExit(LocalTime.of(12, 0)))));

    // decided 12:00:00, filled 12:00:01 at 104 - 0.052 = 103.948
    assertThat(t.exitReason()).isEqualTo("time");
    assertThat(t.exitTs()).isEqualTo(at("12:00:01"));
    assertThat(t.exitPrice()).isCloseTo(103.948, within(1e-9));
  }

  @Test
  void theEndOfDayExitIsTheRunsOrTheStrategysEarlierOne() {
    TestMarket m = day().liquidOption(EXP, CE, 22000, "09:15:00", 100.0).build();

    TradeLeg runDefault = only(TestRuns.one(m, buyAt10(ExitRules.none())));
    TradeLeg strategySays =
        only(TestRuns.one(m, buyAt10(ExitRules.none().withEodExit(LocalTime.of(15, 15)))));
    TradeLeg runEarlier =
        only(
            TestRuns.one(
                m,
                EngineConfig.defaults().withEodExit(LocalTime.of(15, 10)),
                buyAt10(ExitRules.none().withEodExit(LocalTime.of(15, 15)))));

    assertThat(runDefault.exitTs()).isEqualTo(at("15:20:01"));
    assertThat(strategySays.exitTs()).isEqualTo(at("15:15:01"));
    assertThat(runEarlier.exitTs()).isEqualTo(at("15:10:01"));
    assertThat(strategySays.exitReason()).isEqualTo("eod");
  }

  @Test
  void aStrategyCanExitOnItsOwnSignal() {
    TestMarket m = day().liquidOption(EXP, CE, 22000, "09:15:00", 100.0, "11:00:01", 101.0).build();
    PositionState[] seen = new PositionState[2];
    Scripted s =
        buyAt10(ExitRules.none())
            .then(
                "11:00:00",
                ctx -> {
                  ctx.exit(1);
                  seen[0] = ctx.state(1);
                })
            .then("11:00:01", ctx -> seen[1] = ctx.state(1));

    TradeLeg t = only(TestRuns.one(m, s));

    // exit decided 11:00:00, filled 11:00:01 at 101 - 0.0505 = 100.9495
    assertThat(t.exitReason()).isEqualTo("signal");
    assertThat(t.signalTs()).isEqualTo(at("10:00:00"));
    assertThat(t.exitTs()).isEqualTo(at("11:00:01"));
    assertThat(t.exitPrice()).isCloseTo(100.9495, within(1e-9));
    assertThat(seen).containsExactly(PositionState.CLOSING, PositionState.CLOSED);
  }

  @Test
  void aLegStopClosesOneLegAloneAndTheRestStaysToTheEnd() {
    // Sell CE 100 -> 99.95 and PE 100 -> 99.95 at 10:00:01. Leg stop 25% of 99.95 = 24.9875 points.
    // CE: 12:00:00 price 124.9 (loss 24.95, holds), 12:30:00 price 125 (loss 25.05) -> leg_stop,
    // bought back
    // 12:30:01 at 125 + 0.0625 = 125.0625, pnl -25.1125. PE drifts to 60 and leaves at 15:20:01 at
    // 60.05, pnl 39.90.
    TestMarket m =
        day()
            .liquidOption(EXP, CE, 22000, "09:15:00", 100.0, "12:00:00", 124.9, "12:30:00", 125.0)
            .liquidOption(EXP, PE, 22000, "09:15:00", 100.0, "13:00:00", 60.0)
            .build();
    PositionState[] afterLegStop = new PositionState[1];
    Scripted s =
        Scripted.at(
                "10:00:00",
                ctx ->
                    ctx.enter(
                        EntryOrder.of(
                            ExitRules.none().withLegStop(Level.percent(25)),
                            OrderLeg.sell(EXPIRY, CE, 22000),
                            OrderLeg.sell(EXPIRY, PE, 22000))))
            .then("13:00:00", ctx -> afterLegStop[0] = ctx.state(1));

    StrategyResult r = TestRuns.one(m, s);

    assertThat(r.trades()).hasSize(2);
    TradeLeg ce = r.trades().get(0);
    TradeLeg pe = r.trades().get(1);
    assertThat(ce.exitReason()).isEqualTo("leg_stop");
    assertThat(ce.exitTs()).isEqualTo(at("12:30:01"));
    assertThat(ce.pnlPoints()).isCloseTo(-25.1125, within(1e-9));
    assertThat(pe.exitReason()).isEqualTo("eod");
    assertThat(pe.exitTs()).isEqualTo(at("15:20:01"));
    assertThat(pe.pnlPoints()).isCloseTo(39.90, within(1e-9));
    assertThat(afterLegStop[0]).isEqualTo(PositionState.OPEN);
  }

  @Test
  void positionsHeldToTheCloseOfTheirExpiryDaySettleAtIntrinsicValue() {
    // Eod exit off. On expiry day 2024-01-11 buy CE 22000 and PE 22000 (expiring today) and CE
    // 22000 of 2024-01-18.
    // Spot closes at 22150 (15:30:00): CE intrinsic 150, PE 0, no slippage on settlement.
    // The 2024-01-18 CE cannot settle today: it is closed at its last price 120 - 0.06 = 119.94
    // with reason eod.
    TestMarket m =
        TestMarket.on("2024-01-11")
            .spot("09:15:00", 22000.0, "15:00:00", 22150.0)
            .liquidOption("2024-01-11", CE, 22000, "09:15:00", 40.0)
            .liquidOption("2024-01-11", PE, 22000, "09:15:00", 40.0)
            .liquidOption("2024-01-18", CE, 22000, "09:15:00", 120.0)
            .build();
    LocalDate next = LocalDate.parse("2024-01-18");
    Scripted s =
        Scripted.at(
            "10:00:00",
            ctx ->
                ctx.enter(
                    EntryOrder.of(
                        ExitRules.none(),
                        OrderLeg.buy(EXPIRY, CE, 22000),
                        OrderLeg.buy(EXPIRY, PE, 22000),
                        OrderLeg.buy(next, CE, 22000))));

    StrategyResult r = TestRuns.one(m, EngineConfig.defaults().withEodExit(null), s);

    assertThat(r.trades()).hasSize(3);
    assertThat(r.trades())
        .extracting(TradeLeg::exitTs)
        .containsOnly(LocalDateTime.parse("2024-01-11T15:30:00"));
    assertThat(r.trades())
        .extracting(TradeLeg::exitReason)
        .containsExactly("settlement", "settlement", "eod");
    assertThat(r.trades().get(0).exitPrice()).isEqualTo(150.0);
    assertThat(r.trades().get(0).pnlPoints()).isCloseTo(150 - 40.05, within(1e-9));
    assertThat(r.trades().get(1).exitPrice()).isEqualTo(0.0);
    assertThat(r.trades().get(2).exitPrice()).isCloseTo(119.94, within(1e-9));
    assertThat(r.events(EngineEvent.Kind.NOTE))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("2024-01-18 CE 22000", "session close"));
  }

  @Test
  void anExitWaitsForATradeAndAfterTheTimeoutFillsAtTheLastPriceWithAWarning() {
    // CE trades at 10:00:00, 10:00:01 (entry 100.05), 11:00:00 (90) and 14:00:00. Time exit at
    // 11:00:10: at the
    // fill attempt 11:00:11 the last trade is 11 s old, so the exit waits; after 30 s (11:00:41) it
    // fills at the
    // old 90 - 0.05 = 89.95 and says so.
    TestMarket sparseAfter =
        TestMarket.on("2024-01-08")
            .spot("09:15:00", 22010.0)
            .option(
                EXP,
                CE,
                22000,
                "10:00:00",
                100.0,
                "10:00:01",
                100.0,
                "11:00:00",
                90.0,
                "14:00:00",
                95.0)
            .build();

    StrategyResult r =
        TestRuns.one(sparseAfter, buyAt10(ExitRules.none().withTimeExit(LocalTime.of(11, 0, 10))));

    TradeLeg t = only(r);
    assertThat(t.exitReason()).isEqualTo("time");
    assertThat(t.exitTs()).isEqualTo(at("11:00:41"));
    assertThat(t.exitPrice()).isCloseTo(89.95, within(1e-9));
    assertThat(r.events(EngineEvent.Kind.STALE_FILL))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("11:00", "30 s"));
  }

  @Test
  void exitLevelsOfAStraddleActOnTheWholePositionsPremium() {
    // Buy CE 100 -> 100.05 and PE 50 -> 50.05: premium 150.10, target 10% = 15.01 points on the
    // sum.
    // 11:00:00 CE 120 and PE 45: +19.95 - 5.05 = 14.90, holds. 11:00:05 CE 121: +15.90 -> target
    // for both legs.
    TestMarket m =
        day()
            .liquidOption(EXP, CE, 22000, "09:15:00", 100.0, "11:00:00", 120.0, "11:00:05", 121.0)
            .liquidOption(EXP, PE, 22000, "09:15:00", 50.0, "11:00:00", 45.0)
            .build();

    StrategyResult r =
        TestRuns.one(
            m,
            Scripted.at(
                "10:00:00",
                ctx ->
                    ctx.enter(
                        EntryOrder.of(
                            ExitRules.none().withTarget(Level.percent(10)),
                            OrderLeg.buy(EXPIRY, CE, 22000),
                            OrderLeg.buy(EXPIRY, PE, 22000)))));

    assertThat(r.trades()).extracting(TradeLeg::exitReason).containsExactly("target", "target");
    assertThat(r.trades()).extracting(TradeLeg::exitTs).containsOnly(at("11:00:06"));
  }
}
