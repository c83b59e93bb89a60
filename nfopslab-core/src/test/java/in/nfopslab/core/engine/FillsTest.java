package in.nfopslab.core.engine;

import static in.nfopslab.core.instrument.OptionType.CE;
import static in.nfopslab.core.instrument.OptionType.PE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import in.nfopslab.core.strategy.EntryOrder;
import in.nfopslab.core.strategy.ExitRules;
import in.nfopslab.core.strategy.OrderLeg;
import in.nfopslab.core.strategy.PositionState;
import in.nfopslab.core.testing.Scripted;
import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.testing.TestRuns;
import in.nfopslab.core.trade.Side;
import in.nfopslab.core.trade.TradeLeg;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class FillsTest {
  static final LocalDate EXPIRY = LocalDate.parse("2024-01-11");

  static EntryOrder buy(int strike) {
    return EntryOrder.of(ExitRules.none(), OrderLeg.buy(EXPIRY, CE, strike));
  }

  static TestMarket.Builder day() {
    return TestMarket.on("2024-01-08").spot("09:15:00", 22010.0);
  }

  @Test
  void anEntryFillsOneSecondAfterTheSignalAtThatBarPlusPercentSlippage() {
    // CE 22000 trades every second at 100 until 10:00:00 and at 200 from 10:00:01.
    // Signal 10:00:00 -> fill 10:00:01 at 200 + max(0.05% x 200, 0.05) = 200.10 (the signal bar's
    // 100 is not used).
    // End of day 15:20:00 -> fill 15:20:01 at 200 - 0.10 = 199.90.
    // pnl = +1 x (199.90 - 200.10) = -0.20 points; rupees = -0.20 x 50 x 1 lot = -10.
    TestMarket m =
        day().liquidOption("2024-01-11", CE, 22000, "09:15:00", 100.0, "10:00:01", 200.0).build();

    StrategyResult r = TestRuns.one(m, Scripted.at("10:00:00", ctx -> ctx.enter(buy(22000))));

    assertThat(r.trades()).hasSize(1);
    TradeLeg t = r.trades().get(0);
    assertThat(t.signalTs()).isEqualTo(LocalDateTime.parse("2024-01-08T10:00:00"));
    assertThat(t.entryTs()).isEqualTo(LocalDateTime.parse("2024-01-08T10:00:01"));
    assertThat(t.entryPrice()).isCloseTo(200.10, within(1e-9));
    assertThat(t.exitTs()).isEqualTo(LocalDateTime.parse("2024-01-08T15:20:01"));
    assertThat(t.exitPrice()).isCloseTo(199.90, within(1e-9));
    assertThat(t.exitReason()).isEqualTo("eod");
    assertThat(t.pnlPoints()).isCloseTo(-0.20, within(1e-9));
    assertThat(t.pnlInr()).isCloseTo(-10.0, within(1e-6));
    assertThat(t.lotSize()).isEqualTo(50);
    assertThat(t.lots()).isEqualTo(1);
    assertThat(t.tradeId()).isEqualTo(2024010800001L);
    assertThat(t.leg()).isEqualTo(1);
    assertThat(t.optType()).isEqualTo("CE");
    assertThat(t.strike()).isEqualTo(22000);
    assertThat(t.expiry()).isEqualTo(EXPIRY);
    assertThat(t.strategy()).isEqualTo("test");
  }

  @Test
  void slippageIsAtLeastFiveHundredthsOfAPointAndASellerReceivesLess() {
    // PE 22000 at 40: 0.05% x 40 = 0.02 < 0.05, so the minimum applies.
    // Sell at 10:00:01: 40 - 0.05 = 39.95; buy back at 15:20:01: 40 + 0.05 = 40.05; pnl = -1 x
    // (40.05 - 39.95) = -0.10.
    TestMarket m = day().liquidOption("2024-01-11", PE, 22000, "09:15:00", 40.0).build();

    StrategyResult r =
        TestRuns.one(
            m,
            Scripted.at(
                "10:00:00",
                ctx ->
                    ctx.enter(EntryOrder.of(ExitRules.none(), OrderLeg.sell(EXPIRY, PE, 22000)))));

    TradeLeg t = r.trades().get(0);
    assertThat(t.side()).isEqualTo(Side.SELL);
    assertThat(t.entryPrice()).isCloseTo(39.95, within(1e-9));
    assertThat(t.exitPrice()).isCloseTo(40.05, within(1e-9));
    assertThat(t.pnlPoints()).isCloseTo(-0.10, within(1e-9));
  }

  @Test
  void fixedPointSlippageAndLongerLatencyAndMoreLots() {
    // latency 3 s: signal 10:00:00 fills at 10:00:03 at 150 + 0.5 = 150.5; eod 15:20:00 fills
    // 15:20:03 at 149.5.
    // 2 lots x 50 = 100 units: pnl = -1.0 point -> -100 rupees.
    TestMarket m =
        day().liquidOption("2024-01-11", CE, 22000, "09:15:00", 100.0, "10:00:03", 150.0).build();
    EngineConfig cfg =
        EngineConfig.defaults()
            .withLatencySecs(3)
            .withSlippage(SlippageModel.points(0.5))
            .withLots(2);

    TradeLeg t =
        TestRuns.one(m, cfg, Scripted.at("10:00:00", ctx -> ctx.enter(buy(22000)))).trades().get(0);

    assertThat(t.entryTs()).isEqualTo(LocalDateTime.parse("2024-01-08T10:00:03"));
    assertThat(t.entryPrice()).isCloseTo(150.5, within(1e-9));
    assertThat(t.exitTs()).isEqualTo(LocalDateTime.parse("2024-01-08T15:20:03"));
    assertThat(t.lots()).isEqualTo(2);
    assertThat(t.pnlInr()).isCloseTo(-100.0, within(1e-6));
  }

  @Test
  void aLegWithoutATradeInTheFillSecondFillsAtItsLastPriceUpToFiveSecondsOld() {
    // CE trades only at 10:00:00 (100) and 14:00:00 (90). Signal 10:00:04 -> fill attempt at
    // 10:00:05: the last
    // trade (10:00:00) is 5 s old, within stale_fill_secs -> fills at 100 + 0.05 = 100.05 at
    // 10:00:05.
    TestMarket m =
        day().option("2024-01-11", CE, 22000, "10:00:00", 100.0, "14:00:00", 90.0).build();

    TradeLeg t =
        TestRuns.one(m, Scripted.at("10:00:04", ctx -> ctx.enter(buy(22000)))).trades().get(0);

    assertThat(t.entryTs()).isEqualTo(LocalDateTime.parse("2024-01-08T10:00:05"));
    assertThat(t.entryPrice()).isCloseTo(100.05, within(1e-9));
  }

  @Test
  void anOrderWaitsSecondBySecondForATrade() {
    // Trades at 10:00:00 (100) and 10:00:20 (110). Signal 10:00:09: at 10:00:10 the last trade is
    // 10 s old, so the
    // order waits; the trade at 10:00:20 fills it at 110 + 0.055 = 110.055.
    TestMarket m =
        day().option("2024-01-11", CE, 22000, "10:00:00", 100.0, "10:00:20", 110.0).build();

    TradeLeg t =
        TestRuns.one(m, Scripted.at("10:00:09", ctx -> ctx.enter(buy(22000)))).trades().get(0);

    assertThat(t.signalTs()).isEqualTo(LocalDateTime.parse("2024-01-08T10:00:09"));
    assertThat(t.entryTs()).isEqualTo(LocalDateTime.parse("2024-01-08T10:00:20"));
    assertThat(t.entryPrice()).isCloseTo(110.055, within(1e-9));
  }

  @Test
  void anOrderWithoutATradeForThirtySecondsIsCancelledWithAReason() {
    // Trades at 10:00:00 and 10:00:37. Signal 10:00:05: attempts 10:00:06 ... 10:00:36 (first
    // attempt + 30 s) all
    // find the last trade more than 5 s old -> cancelled at 10:00:36, one second before the next
    // trade.
    TestMarket m =
        day().option("2024-01-11", CE, 22000, "10:00:00", 100.0, "10:00:37", 100.0).build();
    Scripted s = Scripted.at("10:00:05", ctx -> ctx.enter(buy(22000)));
    int[] stateAt = new int[1];
    s.then("10:00:40", ctx -> stateAt[0] = ctx.state(1).ordinal());

    StrategyResult r = TestRuns.one(m, s);

    assertThat(r.trades()).isEmpty();
    assertThat(r.events(EngineEvent.Kind.CANCEL))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.time()).hasToString("10:00:36");
              assertThat(e.message()).contains("10:00:05", "CE 22000", "within 5 s");
            });
    assertThat(stateAt[0]).isEqualTo(PositionState.CANCELLED.ordinal());
  }

  @Test
  void theSameOrderOneSecondEarlierStillFillsOnTheLastAttempt() {
    // Signal 10:00:06: attempts 10:00:07 ... 10:00:37; the trade at 10:00:37 fills it at 100.05.
    TestMarket m =
        day().option("2024-01-11", CE, 22000, "10:00:00", 100.0, "10:00:37", 100.0).build();

    StrategyResult r = TestRuns.one(m, Scripted.at("10:00:06", ctx -> ctx.enter(buy(22000))));

    assertThat(r.trades())
        .singleElement()
        .satisfies(
            t -> assertThat(t.entryTs()).isEqualTo(LocalDateTime.parse("2024-01-08T10:00:37")));
    assertThat(r.events(EngineEvent.Kind.CANCEL)).isEmpty();
  }

  @Test
  void legsOfOneOrderFillTogetherInTheFirstSecondEveryLegCanFill() {
    // CE trades every second at 100; PE trades only from 10:00:10 at 80. Signal 10:00:00 -> the PE
    // has no trade yet
    // (NaN), so neither leg fills until 10:00:10; both fill then: buy CE 100.05, buy PE 80.05.
    TestMarket m =
        day()
            .liquidOption("2024-01-11", CE, 22000, "09:15:00", 100.0)
            .liquidOption("2024-01-11", PE, 22000, "10:00:10", 80.0)
            .build();

    StrategyResult r =
        TestRuns.one(
            m,
            Scripted.at(
                "10:00:00",
                ctx ->
                    ctx.enter(
                        EntryOrder.of(
                            ExitRules.none(),
                            OrderLeg.buy(EXPIRY, CE, 22000),
                            OrderLeg.buy(EXPIRY, PE, 22000)))));

    assertThat(r.trades()).hasSize(2);
    assertThat(r.trades())
        .extracting(TradeLeg::entryTs)
        .containsOnly(LocalDateTime.parse("2024-01-08T10:00:10"));
    assertThat(r.trades()).extracting(TradeLeg::leg).containsExactly(1, 2);
    assertThat(r.trades()).extracting(TradeLeg::tradeId).containsOnly(2024010800001L);
    assertThat(r.trades().get(0).entryPrice()).isCloseTo(100.05, within(1e-9));
    assertThat(r.trades().get(1).entryPrice()).isCloseTo(80.05, within(1e-9));
  }

  @Test
  void anOrderForASeriesWithoutDataIsRefusedWithAReason() {
    TestMarket m = day().liquidOption("2024-01-11", CE, 22000, "09:15:00", 100.0).build();
    int[] id = new int[1];

    StrategyResult r =
        TestRuns.one(m, Scripted.at("10:00:00", ctx -> id[0] = ctx.enter(buy(22100))));

    assertThat(id[0]).isEqualTo(-1);
    assertThat(r.trades()).isEmpty();
    assertThat(r.events(EngineEvent.Kind.SKIP))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("no data", "22100"));
  }

  @Test
  void anEntryAtOrAfterTheEndOfDayExitIsRefused() {
    TestMarket m = day().liquidOption("2024-01-11", CE, 22000, "09:15:00", 100.0).build();
    int[] ids = new int[2];

    StrategyResult r =
        TestRuns.one(
            m,
            Scripted.at("15:19:59", ctx -> ids[0] = ctx.enter(buy(22000)))
                .then("15:20:00", ctx -> ids[1] = ctx.enter(buy(22000))));

    // the 15:19:59 entry fills at 15:20:00 and the end-of-day exit decided that same second fills
    // at 15:20:01
    assertThat(ids[0]).isEqualTo(1);
    assertThat(ids[1]).isEqualTo(-1);
    assertThat(r.trades())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.entryTs()).isEqualTo(LocalDateTime.parse("2024-01-08T15:20:00"));
              assertThat(t.exitTs()).isEqualTo(LocalDateTime.parse("2024-01-08T15:20:01"));
              assertThat(t.exitReason()).isEqualTo("eod");
            });
    assertThat(r.events(EngineEvent.Kind.SKIP))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("end-of-day exit 15:20"));
  }
}
