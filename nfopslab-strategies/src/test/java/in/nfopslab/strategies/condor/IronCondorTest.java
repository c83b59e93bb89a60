package in.nfopslab.strategies.condor;

import static in.nfopslab.core.instrument.OptionType.CE;
import static in.nfopslab.core.instrument.OptionType.PE;
import static in.nfopslab.strategies.Runs.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import in.nfopslab.core.engine.EngineEvent;
import in.nfopslab.core.engine.StrategyResult;
import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.trade.Side;
import in.nfopslab.core.trade.TradeLeg;
import in.nfopslab.strategies.Runs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spot 22010 at 10:00 (ATM 22000, step 50): short CE 22100 and PE 21900, long wings CE 22200 and PE
 * 21800. Slippage 0.05% of the premium, at least 0.05 points (every price here is below 100, so
 * 0.05).
 */
class IronCondorTest {
  static final String DAY = "2024-01-08";
  static final String EXP = "2024-01-11";
  static final IronCondorFactory FACTORY = new IronCondorFactory();

  static TestMarket condor(Object[] shortCe, Object[] shortPe, Object[] wingCe, Object[] wingPe) {
    return TestMarket.on(DAY)
        .spot("09:15:00", 22010.0)
        .liquidOption(EXP, CE, 22100, shortCe)
        .liquidOption(EXP, PE, 21900, shortPe)
        .liquidOption(EXP, CE, 22200, wingCe)
        .liquidOption(EXP, PE, 21800, wingPe)
        .build();
  }

  static Object[] p(Object... timePrice) {
    return timePrice;
  }

  static double total(List<TradeLeg> legs) {
    return legs.stream().mapToDouble(TradeLeg::pnlPoints).sum();
  }

  @Test
  void fourLegsAndTheTargetAtHalfTheCredit() {
    // Filled 10:00:01: sell 22100 CE at 59.95, 21900 PE at 54.95; buy 22200 CE at 25.05, 21800 PE
    // at 20.05.
    // Credit 69.80, target 50% = 34.90. 13:00:00 at 25 / 20 / 8 / 6: 34.95 + 34.95 - 17.05 - 14.05
    // = 38.80 ->
    // closed 13:00:01 at 25.05 / 20.05 / 7.95 / 5.95: +34.90 + 34.90 - 17.10 - 14.10 = +38.60
    // points, +1930 rupees.
    TestMarket m =
        condor(
            p("09:15:00", 60.0, "13:00:00", 25.0),
            p("09:15:00", 55.0, "13:00:00", 20.0),
            p("09:15:00", 25.0, "13:00:00", 8.0),
            p("09:15:00", 20.0, "13:00:00", 6.0));

    List<TradeLeg> legs = Runs.run(FACTORY, m).trades();

    assertThat(legs)
        .extracting(TradeLeg::optType, TradeLeg::strike, TradeLeg::side, TradeLeg::entryPrice)
        .containsExactly(
            tuple("CE", 22100, Side.SELL, 59.95),
            tuple("PE", 21900, Side.SELL, 54.95),
            tuple("CE", 22200, Side.BUY, 25.05),
            tuple("PE", 21800, Side.BUY, 20.05));
    assertThat(legs).extracting(TradeLeg::exitReason).containsOnly("target");
    assertThat(legs).extracting(TradeLeg::exitTs).containsOnly(at(DAY, "13:00:01"));
    assertThat(total(legs)).isCloseTo(38.60, within(1e-9));
    assertThat(legs.stream().mapToDouble(TradeLeg::pnlInr).sum()).isCloseTo(1930.0, within(1e-6));
  }

  @Test
  void aRallyStopsACheapCondorWhenTheLossReachesTheCredit() {
    // Filled at 29.95 / 27.95 / 20.05 / 19.05: credit 18.80 = the stop. 11:00:00 at 80 / 15 / 45 /
    // 10:
    // -50.05 + 12.95 + 24.95 - 9.05 = -21.20 -> closed 11:00:01 at 80.05 / 15.05 / 44.95 / 9.95:
    // -50.10 + 12.90 + 24.90 - 9.10 = -21.40 points, -1070 rupees.
    TestMarket m =
        condor(
            p("09:15:00", 30.0, "11:00:00", 80.0),
            p("09:15:00", 28.0, "11:00:00", 15.0),
            p("09:15:00", 20.0, "11:00:00", 45.0),
            p("09:15:00", 19.0, "11:00:00", 10.0));

    List<TradeLeg> legs = Runs.run(FACTORY, m).trades();

    assertThat(legs).extracting(TradeLeg::exitReason).containsOnly("stop");
    assertThat(total(legs)).isCloseTo(-21.40, within(1e-9));
    assertThat(legs.stream().mapToDouble(TradeLeg::pnlInr).sum()).isCloseTo(-1070.0, within(1e-6));
  }

  @Test
  void otherwiseItLeavesAtQuarterPastThree() {
    // Prices never move: each leg loses its two 0.05 slippages, -0.40 points in all.
    TestMarket m =
        condor(p("09:15:00", 60.0), p("09:15:00", 55.0), p("09:15:00", 25.0), p("09:15:00", 20.0));

    List<TradeLeg> legs = Runs.run(FACTORY, m).trades();

    assertThat(legs).extracting(TradeLeg::exitReason).containsOnly("eod");
    assertThat(legs).extracting(TradeLeg::exitTs).containsOnly(at(DAY, "15:15:01"));
    assertThat(total(legs)).isCloseTo(-0.40, within(1e-9));
  }

  @Test
  void aWingThatWouldFallOnItsShortStrikeSkipsTheTrade() {
    // No CE above 22100 has data: the 22200 wing search (22200, 22150, 22250, then 22100) lands on
    // the short
    // strike itself, so the condor would have no call wing.
    TestMarket m =
        TestMarket.on(DAY)
            .spot("09:15:00", 22010.0)
            .liquidOption(EXP, CE, 22100, "09:15:00", 60.0)
            .liquidOption(EXP, PE, 21900, "09:15:00", 55.0)
            .liquidOption(EXP, PE, 21800, "09:15:00", 20.0)
            .build();

    StrategyResult r = Runs.run(FACTORY, m);

    assertThat(r.trades()).isEmpty();
    assertThat(r.events(EngineEvent.Kind.SKIP))
        .extracting(EngineEvent::message)
        .anySatisfy(
            msg -> assertThat(msg).contains("iron_condor: strikes 21800 < 21900 <= 22100 < 22100"));
  }
}
