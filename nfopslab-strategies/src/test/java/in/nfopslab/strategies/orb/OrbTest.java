package in.nfopslab.strategies.orb;

import static in.nfopslab.core.instrument.OptionType.CE;
import static in.nfopslab.core.instrument.OptionType.PE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import in.nfopslab.core.engine.EngineConfig;
import in.nfopslab.core.engine.EngineEvent;
import in.nfopslab.core.engine.StrategyResult;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.strategy.Params;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.testing.TestRuns;
import in.nfopslab.core.trade.Side;
import in.nfopslab.core.trade.TradeLeg;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every market here (NIFTY, 2024-01-08, step 50, lot 50, nearest expiry 2024-01-11) opens with the
 * same range: spot 21500 from 09:15:00, 21520 from 09:20:00, 21480 from 09:25:00, 21500 from
 * 09:29:59 -> high 21520, low 21480, width 40, half width 20. A CE exits on its signal below 21520
 * - 20 = 21500; a PE above 21480 + 20 = 21500. Slippage is the default 0.05% with a 0.05 point
 * floor.
 */
class OrbTest {
  static final String EXP = "2024-01-11";

  static Object[] spot(Object... afterTheRange) {
    List<Object> pairs =
        new ArrayList<>(
            List.of(
                "09:15:00",
                21500.0,
                "09:20:00",
                21520.0,
                "09:25:00",
                21480.0,
                "09:29:59",
                21500.0));
    pairs.addAll(Arrays.asList(afterTheRange));
    return pairs.toArray();
  }

  static StrategyResult run(TestMarket m, String... params) {
    StrategyConfig cfg =
        new StrategyConfig(
            new Symbol("NIFTY"), Params.parse(OrbFactory.DESCRIPTOR, List.of(params)));
    StrategyResult r =
        TestRuns.engine(
                List.of(m),
                EngineConfig.defaults(),
                null,
                List.of(new in.nfopslab.core.engine.StrategyRun(new OrbFactory(), cfg)))
            .results()
            .get(0);
    assertThat(r.ok()).as("%s", r.failure()).isTrue();
    return r;
  }

  static LocalDateTime at(String time) {
    return LocalDateTime.parse("2024-01-08T" + time);
  }

  @Test
  void anUpBreakoutBuysTheAtmCallAndTakesItsTarget() {
    // 09:45:00 spot 21520 equals the high: not a breakout (strictly above). 09:45:10 spot 21530 >
    // 21520: buy the CE.
    // ATM of 21530 = 430.6 steps -> 431 -> 21550. The CE trades at 100 from 09:45:11: fill 100 +
    // 0.05 = 100.05.
    // Target 20% of 100.05 = 20.01 points -> CE 121 at 10:30:00 (+20.95) -> filled 10:30:01 at 121
    // - 0.0605.
    // pnl = 120.9395 - 100.05 = 20.8895 points x 50 = 1044.475 rupees.
    // At 12:00:00 spot falls below the low: the day's one trade is done, nothing more happens.
    TestMarket m =
        TestMarket.on("2024-01-08")
            .spot(spot("09:45:00", 21520.0, "09:45:10", 21530.0, "12:00:00", 21400.0))
            .liquidOption(EXP, CE, 21550, "09:15:00", 80.0, "09:45:11", 100.0, "10:30:00", 121.0)
            .liquidOption(EXP, PE, 21400, "09:15:00", 80.0)
            .build();

    StrategyResult r = run(m);

    assertThat(r.trades())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.optType()).isEqualTo("CE");
              assertThat(t.strike()).isEqualTo(21550);
              assertThat(t.side()).isEqualTo(Side.BUY);
              assertThat(t.signalTs()).isEqualTo(at("09:45:10"));
              assertThat(t.entryTs()).isEqualTo(at("09:45:11"));
              assertThat(t.entryPrice()).isCloseTo(100.05, within(1e-9));
              assertThat(t.exitReason()).isEqualTo("target");
              assertThat(t.exitTs()).isEqualTo(at("10:30:01"));
              assertThat(t.pnlPoints()).isCloseTo(20.8895, within(1e-9));
              assertThat(t.pnlInr()).isCloseTo(1044.475, within(1e-6));
              assertThat(t.extra())
                  .containsEntry("range_high", 21520.0)
                  .containsEntry("range_low", 21480.0)
                  .containsEntry("spot_at_signal", 21530.0)
                  .containsEntry("atm_strike", 21550.0);
              assertThat(t.strategy()).isEqualTo("orb");
            });
  }

  @Test
  void aDownBreakoutBuysTheAtmPutAndCanLoseAtTheStop() {
    // 10:00:00 spot 21470 < 21480: buy the PE. ATM of 21470 = 429.4 steps -> 21450. PE 100 from
    // 10:00:01: 100.05.
    // Stop 15% of 100.05 = 15.0075 points: PE 86 at 10:10:00 (-14.05) holds; PE 85 at 10:20:00
    // (-15.05) stops,
    // filled 10:20:01 at 85 - 0.05 = 84.95. pnl = 84.95 - 100.05 = -15.10 points x 50 = -755
    // rupees.
    TestMarket m =
        TestMarket.on("2024-01-08")
            .spot(spot("10:00:00", 21470.0))
            .liquidOption(
                EXP,
                PE,
                21450,
                "09:15:00",
                90.0,
                "10:00:01",
                100.0,
                "10:10:00",
                86.0,
                "10:20:00",
                85.0)
            .build();

    TradeLeg t = run(m).trades().get(0);

    assertThat(t.optType()).isEqualTo("PE");
    assertThat(t.strike()).isEqualTo(21450);
    assertThat(t.signalTs()).isEqualTo(at("10:00:00"));
    assertThat(t.exitReason()).isEqualTo("stop");
    assertThat(t.exitTs()).isEqualTo(at("10:20:01"));
    assertThat(t.pnlPoints()).isCloseTo(-15.10, within(1e-9));
    assertThat(t.pnlInr()).isCloseTo(-755.0, within(1e-6));
  }

  @Test
  void spotBackInsideByMoreThanHalfTheRangeExitsOnTheSignal() {
    // Up breakout at 09:45:10 (CE 21550 bought at 100.05 at 09:45:11). 10:15:00 spot 21500 = high -
    // half width:
    // not below it, hold. 10:20:00 spot 21499 < 21500: signal exit decided 10:20:00, filled
    // 10:20:01 where the CE
    // trades at 95: 95 - 0.05 = 94.95. pnl = 94.95 - 100.05 = -5.10 points.
    TestMarket m =
        TestMarket.on("2024-01-08")
            .spot(spot("09:45:10", 21530.0, "10:15:00", 21500.0, "10:20:00", 21499.0))
            .liquidOption(EXP, CE, 21550, "09:15:00", 100.0, "10:20:01", 95.0)
            .build();

    TradeLeg t = run(m).trades().get(0);

    assertThat(t.exitReason()).isEqualTo("signal");
    assertThat(t.exitTs()).isEqualTo(at("10:20:01"));
    assertThat(t.pnlPoints()).isCloseTo(-5.10, within(1e-9));
  }

  @Test
  void aPutExitsOnTheSignalWhenSpotClimbsBackAboveTheMiddle() {
    // Down breakout at 10:00:00 (PE 21450 at 100.05). 10:30:00 spot 21501 > 21480 + 20: exit at
    // 10:30:01 at 99.95.
    TestMarket m =
        TestMarket.on("2024-01-08")
            .spot(spot("10:00:00", 21470.0, "10:30:00", 21501.0))
            .liquidOption(EXP, PE, 21450, "09:15:00", 100.0)
            .build();

    TradeLeg t = run(m).trades().get(0);

    assertThat(t.exitReason()).isEqualTo("signal");
    assertThat(t.exitTs()).isEqualTo(at("10:30:01"));
  }

  @Test
  void aPositionThatNeitherStopsNorTargetsExitsAtQuarterPastThree() {
    // CE bought at 100.05 and flat at 100 all day; spot stays above the middle: eod at 15:15:00,
    // filled 15:15:01 at
    // 99.95, pnl -0.10 (the run's 15:20 end of day is later than the strategy's 15:15).
    TestMarket m =
        TestMarket.on("2024-01-08")
            .spot(spot("09:45:10", 21530.0))
            .liquidOption(EXP, CE, 21550, "09:15:00", 100.0)
            .build();

    TradeLeg t = run(m).trades().get(0);

    assertThat(t.exitReason()).isEqualTo("eod");
    assertThat(t.exitTs()).isEqualTo(at("15:15:01"));
    assertThat(t.pnlPoints()).isCloseTo(-0.10, within(1e-9));
  }

  @Test
  void theEntryWindowEndsAtElevenIncluded() {
    // A breakout at exactly 11:00:00 trades; one at 11:00:01 does not, and the day says why.
    TestMarket atEleven =
        TestMarket.on("2024-01-08")
            .spot(spot("11:00:00", 21530.0))
            .liquidOption(EXP, CE, 21550, "09:15:00", 100.0)
            .build();
    TestMarket late =
        TestMarket.on("2024-01-08")
            .spot(spot("11:00:01", 21530.0))
            .liquidOption(EXP, CE, 21550, "09:15:00", 100.0)
            .build();

    assertThat(run(atEleven).trades())
        .singleElement()
        .satisfies(t -> assertThat(t.signalTs()).isEqualTo(at("11:00:00")));
    StrategyResult r = run(late);
    assertThat(r.trades()).isEmpty();
    assertThat(r.events(EngineEvent.Kind.SKIP))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("no breakout by 11:00"));
  }

  @Test
  void theRangeIncludesItsLastSecondAndEntriesStartTheNextSecond() {
    // A spike to 21540 at 09:29:59 is part of the range (high 21540), so 21530 at 09:30:00 is no
    // breakout; 21545 at
    // 09:30:05 is. Without the spike the same 21530 at 09:30:00 breaks out in the first second of
    // the window.
    TestMarket spike =
        TestMarket.on("2024-01-08")
            .spot(
                "09:15:00",
                21500.0,
                "09:20:00",
                21520.0,
                "09:25:00",
                21480.0,
                "09:29:59",
                21540.0,
                "09:30:00",
                21530.0,
                "09:30:05",
                21545.0)
            .liquidOption(EXP, CE, 21550, "09:15:00", 100.0)
            .build();
    TestMarket noSpike =
        TestMarket.on("2024-01-08")
            .spot(spot("09:30:00", 21530.0))
            .liquidOption(EXP, CE, 21550, "09:15:00", 100.0)
            .build();

    assertThat(run(spike).trades().get(0).signalTs()).isEqualTo(at("09:30:05"));
    assertThat(run(spike).trades().get(0).extra()).containsEntry("range_high", 21540.0);
    assertThat(run(noSpike).trades().get(0).signalTs()).isEqualTo(at("09:30:00"));
  }

  @Test
  void aMissingAtmCallFallsBackToTheNearestStrikeWithData() {
    // ATM 21550 has no CE data; 21500 and 21600 are one step away, the lower one is taken.
    TestMarket m =
        TestMarket.on("2024-01-08")
            .spot(spot("09:45:10", 21530.0))
            .listed(EXP, CE, 21550)
            .liquidOption(EXP, CE, 21500, "09:15:00", 130.0)
            .liquidOption(EXP, CE, 21600, "09:15:00", 70.0)
            .build();

    TradeLeg t = run(m).trades().get(0);

    assertThat(t.strike()).isEqualTo(21500);
    assertThat(t.extra()).containsEntry("atm_strike", 21550.0);
  }

  @Test
  void parametersChangeTheLevels() {
    // target_pct=10: 10% of 100.05 = 10.005 -> CE 111 at 10:00:00 (+10.95) takes the target that
    // 20% would not.
    TestMarket m =
        TestMarket.on("2024-01-08")
            .spot(spot("09:45:10", 21530.0))
            .liquidOption(EXP, CE, 21550, "09:15:00", 100.0, "10:00:00", 111.0)
            .build();

    assertThat(run(m, "target_pct=10").trades().get(0).exitReason()).isEqualTo("target");
    assertThat(run(m).trades().get(0).exitReason()).isEqualTo("eod");
    assertThat(run(m, "target_pct=10").trades().get(0).paramsId())
        .isNotEqualTo(run(m).trades().get(0).paramsId());
  }

  @Test
  void inconsistentTimesAreRefused() {
    Params p = Params.parse(OrbFactory.DESCRIPTOR, List.of("entry_end=09:20:00"));

    assertThatThrownBy(() -> new Orb(p))
        .hasMessageContaining("range_start < range_end < entry_end < exit_time");
  }

  @Test
  void everyDayGetsItsOwnRangeAndItsOwnTrade() {
    TestMarket d1 =
        TestMarket.on("2024-01-08")
            .spot(spot("09:45:10", 21530.0))
            .liquidOption(EXP, CE, 21550, "09:15:00", 100.0)
            .build();
    TestMarket d2 =
        TestMarket.on("2024-01-09")
            .spot("09:15:00", 21700.0, "10:00:00", 21650.0)
            .liquidOption(EXP, PE, 21650, "09:15:00", 100.0)
            .build();
    StrategyConfig cfg =
        new StrategyConfig(new Symbol("NIFTY"), Params.defaults(OrbFactory.DESCRIPTOR));

    List<TradeLeg> trades =
        TestRuns.engine(
                List.of(d1, d2),
                EngineConfig.defaults(),
                null,
                List.of(new in.nfopslab.core.engine.StrategyRun(new OrbFactory(), cfg)))
            .results()
            .get(0)
            .trades();

    assertThat(trades)
        .extracting(TradeLeg::tradeDate, TradeLeg::optType, TradeLeg::tradeId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                LocalDate.parse("2024-01-08"), "CE", 2024010800001L),
            org.assertj.core.groups.Tuple.tuple(
                LocalDate.parse("2024-01-09"), "PE", 2024010900001L));
  }
}
