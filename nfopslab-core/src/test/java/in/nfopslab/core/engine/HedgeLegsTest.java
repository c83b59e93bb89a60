package in.nfopslab.core.engine;

import static in.nfopslab.core.instrument.OptionType.CE;
import static in.nfopslab.core.instrument.OptionType.PE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import in.nfopslab.core.strategy.EntryOrder;
import in.nfopslab.core.strategy.ExitRules;
import in.nfopslab.core.strategy.Level;
import in.nfopslab.core.strategy.OrderLeg;
import in.nfopslab.core.strategy.StrategyContext;
import in.nfopslab.core.testing.Scripted;
import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.testing.TestRuns;
import in.nfopslab.core.trade.Side;
import in.nfopslab.core.trade.TradeLeg;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HedgeLegsTest {
  static final LocalDate EXPIRY = LocalDate.parse("2024-01-11");
  static final String EXP = "2024-01-11";
  static final EngineConfig NO_SLIPPAGE =
      EngineConfig.defaults()
          .withSlippage(SlippageModel.none())
          .withFuturesSlippage(SlippageModel.none());

  /**
   * Spot 22010, futures 22050, CE 22000 at 100 and PE 22000 at 90 all day unless a test adds moves.
   */
  static TestMarket.Builder day() {
    return TestMarket.on("2024-01-08")
        .spot("09:15:00", 22010.0)
        .liquidOption(EXP, CE, 22000, "09:15:00", 100.0)
        .liquidOption(EXP, PE, 22000, "09:15:00", 90.0);
  }

  static EntryOrder longStraddle(ExitRules exits) {
    return EntryOrder.of(exits, OrderLeg.buy(EXPIRY, CE, 22000), OrderLeg.buy(EXPIRY, PE, 22000));
  }

  static LocalDateTime at(String time) {
    return LocalDateTime.parse("2024-01-08T" + time);
  }

  static StrategyResult ok(StrategyResult r) {
    assertThat(r.ok()).as("strategy failure %s", r.failure()).isTrue();
    return r;
  }

  @Test
  void aHedgeFillsOnTheFuturesOneSecondAfterItsDecisionAndIsALegOfTheTrade() {
    // Straddle decided 10:00:00, filled 10:00:01 (CE 100.05, PE 90.05 with the default slippage).
    // Hedge decided 10:00:01: sell 0.1 per unit = rint(0.1 x 1 lot x 50) = 5 units, filled 10:00:02
    // on the futures
    // with the futures slippage (default 0.005%): 22050 - 0.00005 x 22050 = 22050 - 1.1025 =
    // 22048.8975.
    // Futures 22100 from 10:30:00. End of day 15:20:00, filled 15:20:01: buy back at 22100 + 1.105
    // = 22101.105.
    // FUT pnl = -1 x (22101.105 - 22048.8975) = -52.2075 points per unit; x 5 units = -261.0375
    // rupees.
    TestMarket m =
        day().futures("09:15:00", 22050.0, "10:30:00", 22100.0).futuresExpiry("2024-01-25").build();
    Scripted s = new Scripted();
    s.then("10:00:00", ctx -> s.enter(ctx, longStraddle(ExitRules.none())))
        .then(
            "10:00:01",
            ctx -> assertThat(ctx.hedge(s.positions.get(0), Side.SELL, 0.1)).isEqualTo(3));

    StrategyResult r = ok(TestRuns.one(m, s));

    assertThat(r.trades()).hasSize(3);
    TradeLeg fut = r.trades().get(2);
    assertThat(fut.leg()).isEqualTo(3);
    assertThat(fut.tradeId()).isEqualTo(r.trades().get(0).tradeId());
    assertThat(fut.optType()).isEqualTo("FUT");
    assertThat(fut.strike()).isZero();
    assertThat(fut.expiry()).isEqualTo(LocalDate.parse("2024-01-25"));
    assertThat(fut.side()).isEqualTo(Side.SELL);
    assertThat(fut.lots()).isEqualTo(5);
    assertThat(fut.lotSize()).isEqualTo(1);
    assertThat(fut.signalTs()).isEqualTo(at("10:00:01"));
    assertThat(fut.entryTs()).isEqualTo(at("10:00:02"));
    assertThat(fut.entryPrice()).isCloseTo(22048.8975, within(1e-9));
    assertThat(fut.exitTs()).isEqualTo(at("15:20:01"));
    assertThat(fut.exitPrice()).isCloseTo(22101.105, within(1e-9));
    assertThat(fut.exitReason()).isEqualTo("eod");
    assertThat(fut.pnlPoints()).isCloseTo(-52.2075, within(1e-9));
    assertThat(fut.pnlInr()).isCloseTo(-261.0375, within(1e-6));
    assertThat(r.trades().get(0).optType()).isEqualTo("CE");
    assertThat(r.trades().get(0).lots()).isEqualTo(1);
    assertThat(r.trades().get(0).lotSize()).isEqualTo(50);
  }

  @Test
  void theHedgeCountsInThePositionsMarkSoTheTargetSeesTheTotalPnl() {
    // No slippage. Premium 100 + 90 = 190; target 5% = 9.5 points. The options never move.
    // Hedge sell 0.5 per unit = 25 units (weight -0.5), filled 10:00:02 at 22050.
    // 10:20:00 futures 22035: mark = -0.5 x (22035 - 22050) = +7.5 < 9.5.
    // 10:30:00 futures 22030: mark = +10 >= 9.5 -> target decided 10:30:00, every leg filled
    // 10:30:01.
    // FUT leg: -1 x (22030 - 22050) = +20 points per unit, x 25 units = 500 rupees.
    TestMarket m =
        day().futures("09:15:00", 22050.0, "10:20:00", 22035.0, "10:30:00", 22030.0).build();
    Scripted s = new Scripted();
    s.then(
            "10:00:00",
            ctx -> s.enter(ctx, longStraddle(ExitRules.none().withTarget(Level.percent(5)))))
        .then("10:00:01", ctx -> ctx.hedge(s.positions.get(0), Side.SELL, 0.5));

    StrategyResult r = ok(TestRuns.one(m, NO_SLIPPAGE, s));

    assertThat(r.trades()).extracting(TradeLeg::exitReason).containsOnly("target");
    assertThat(r.trades()).extracting(TradeLeg::exitTs).containsOnly(at("10:30:01"));
    TradeLeg fut = r.trades().get(2);
    assertThat(fut.lots()).isEqualTo(25);
    assertThat(fut.pnlPoints()).isCloseTo(20.0, within(1e-9));
    assertThat(fut.pnlInr()).isCloseTo(500.0, within(1e-9));
    // no expiry known for the futures: the options' expiry is written
    assertThat(fut.expiry()).isEqualTo(EXPIRY);
  }

  @Test
  void withoutAFuturesFileTheHedgeTradesSpotAndSaysSo() {
    // Buy 0.2 per unit = 10 units on spot at 22010 (no slippage), decided 10:00:01, filled
    // 10:00:02; closed at the
    // end of day at 22010: 0 points.
    TestMarket m = day().build();
    List<Boolean> onSpot = new ArrayList<>();
    Scripted s = new Scripted();
    s.then("10:00:00", ctx -> s.enter(ctx, longStraddle(ExitRules.none())))
        .then(
            "10:00:01",
            ctx -> {
              onSpot.add(ctx.hedgesOnSpot());
              ctx.hedge(s.positions.get(0), Side.BUY, 0.2);
            });

    StrategyResult r = ok(TestRuns.one(m, NO_SLIPPAGE, s));

    assertThat(onSpot).containsExactly(true);
    TradeLeg fut = r.trades().get(2);
    assertThat(fut.optType()).isEqualTo("FUT");
    assertThat(fut.lots()).isEqualTo(10);
    assertThat(fut.entryPrice()).isEqualTo(22010.0);
    assertThat(fut.expiry()).isEqualTo(EXPIRY);
    assertThat(r.events(EngineEvent.Kind.NOTE))
        .extracting(EngineEvent::message)
        .anySatisfy(msg -> assertThat(msg).contains("hedges trade on spot"));
  }

  @Test
  void hedgedAddsTheRoundedHedgesPerUnitOfTheOptionLegs() {
    // sell 0.1 -> 5 units -> -0.1; buy 0.039 -> rint(1.95) = 2 units -> +0.04; net -0.06 per unit.
    TestMarket m = day().futures("09:15:00", 22050.0).build();
    List<Double> seen = new ArrayList<>();
    Scripted s = new Scripted();
    s.then("10:00:00", ctx -> s.enter(ctx, longStraddle(ExitRules.none())))
        .then(
            "10:00:01",
            ctx -> {
              ctx.hedge(s.positions.get(0), Side.SELL, 0.1);
              seen.add(ctx.hedged(s.positions.get(0)));
            })
        .then(
            "10:05:00",
            ctx -> {
              ctx.hedge(s.positions.get(0), Side.BUY, 0.039);
              seen.add(ctx.hedged(s.positions.get(0)));
            });

    StrategyResult r = ok(TestRuns.one(m, NO_SLIPPAGE, s));

    assertThat(seen.get(0)).isCloseTo(-0.1, within(1e-12));
    assertThat(seen.get(1)).isCloseTo(-0.06, within(1e-12));
    assertThat(r.trades()).hasSize(4);
    assertThat(r.trades()).extracting(TradeLeg::leg).containsExactly(1, 2, 3, 4);
    assertThat(r.trades().get(3).lots()).isEqualTo(2);
    assertThat(r.trades().get(3).side()).isEqualTo(Side.BUY);
  }

  @Test
  void aHedgeOfLessThanHalfAUnitOrOnAPositionNotYetFilledIsRefused() {
    TestMarket m = day().futures("09:15:00", 22050.0).build();
    List<Integer> answers = new ArrayList<>();
    Scripted s = new Scripted();
    s.then(
            "10:00:00",
            ctx -> {
              s.enter(ctx, longStraddle(ExitRules.none()));
              answers.add(ctx.hedge(s.positions.get(0), Side.SELL, 0.5)); // still pending
            })
        .then(
            "10:00:01",
            ctx -> answers.add(ctx.hedge(s.positions.get(0), Side.SELL, 0.009))); // 0.45 units

    StrategyResult r = ok(TestRuns.one(m, NO_SLIPPAGE, s));

    assertThat(answers).containsExactly(StrategyContext.NO_POSITION, StrategyContext.NO_POSITION);
    assertThat(r.trades()).hasSize(2);
    assertThat(r.events(EngineEvent.Kind.SKIP))
        .extracting(EngineEvent::message)
        .anySatisfy(msg -> assertThat(msg).contains("is not open"))
        .anySatisfy(msg -> assertThat(msg).contains("less than half an index unit"));
  }

  @Test
  void aHedgeStillWaitingWhenThePositionExitsIsCancelledAndWritesNoRow() {
    // Latency 2: straddle decided 10:00:00 fills 10:00:02; hedge decided 10:00:02 would fill
    // 10:00:04, but the time
    // exit at 10:00:03 closes the position first: the hedge is cancelled, the options exit at
    // 10:00:05.
    TestMarket m = day().futures("09:15:00", 22050.0).build();
    Scripted s = new Scripted();
    s.then(
            "10:00:00",
            ctx ->
                s.enter(
                    ctx,
                    longStraddle(ExitRules.none().withTimeExit(java.time.LocalTime.of(10, 0, 3)))))
        .then("10:00:02", ctx -> ctx.hedge(s.positions.get(0), Side.SELL, 0.5));

    StrategyResult r = ok(TestRuns.one(m, NO_SLIPPAGE.withLatencySecs(2), s));

    assertThat(r.trades()).extracting(TradeLeg::optType).containsExactly("CE", "PE");
    assertThat(r.trades()).extracting(TradeLeg::exitTs).containsOnly(at("10:00:05"));
    assertThat(r.events(EngineEvent.Kind.CANCEL))
        .extracting(EngineEvent::message)
        .singleElement()
        .satisfies(msg -> assertThat(msg).contains("hedge decided at 10:00:02 cancelled"));
  }

  @Test
  void heldToTheCloseOfItsExpiryDayTheFuturesHedgeSettlesAtTheIndex() {
    // No end-of-day exit. The futures expire today: the hedge (buy 0.2 = 10 units at 22050) settles
    // at the index
    // close 22010: -40 points per unit. The options (expiring 2024-01-11) close at their last
    // prices (eod).
    TestMarket m = day().futures("09:15:00", 22050.0).futuresExpiry("2024-01-08").build();
    Scripted s = new Scripted();
    s.then("10:00:00", ctx -> s.enter(ctx, longStraddle(ExitRules.none())))
        .then("10:00:01", ctx -> ctx.hedge(s.positions.get(0), Side.BUY, 0.2));

    StrategyResult r = ok(TestRuns.one(m, NO_SLIPPAGE.withEodExit(null), s));

    TradeLeg fut = r.trades().get(2);
    assertThat(fut.exitReason()).isEqualTo("settlement");
    assertThat(fut.exitPrice()).isEqualTo(22010.0);
    assertThat(fut.pnlPoints()).isCloseTo(-40.0, within(1e-9));
    assertThat(fut.expiry()).isEqualTo(LocalDate.parse("2024-01-08"));
    assertThat(r.trades().get(0).exitReason()).isEqualTo("eod");
  }
}
