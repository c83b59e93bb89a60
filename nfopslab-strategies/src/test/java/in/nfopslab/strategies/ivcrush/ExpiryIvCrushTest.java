package in.nfopslab.strategies.ivcrush;

import static in.nfopslab.core.instrument.OptionType.CE;
import static in.nfopslab.core.instrument.OptionType.PE;
import static in.nfopslab.strategies.Runs.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import in.nfopslab.core.engine.StrategyResult;
import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.trade.Side;
import in.nfopslab.core.trade.TradeLeg;
import in.nfopslab.strategies.Runs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expiry day 2024-01-11 (its nearest expiry is itself), spot 22000, the expiring 22000 straddle at
 * CE 33.70 / PE 32.30 (about 15% with 5.5 h left). Sold at 10:00:01 at 33.65 and 32.25 (the
 * 0.05-point slippage floor): premium 65.90, target 50% = 32.95, stop 30% = 19.77.
 */
class ExpiryIvCrushTest {
  static final String DAY = "2024-01-11";
  static final ExpiryIvCrushFactory FACTORY = new ExpiryIvCrushFactory();

  static TestMarket expiryDay(Object[] ce, Object[] pe) {
    return TestMarket.on(DAY)
        .spot("09:15:00", 22000.0)
        .liquidOption(DAY, CE, 22000, ce)
        .liquidOption(DAY, PE, 22000, pe)
        .expiry("2024-01-18")
        .build();
  }

  static Object[] p(Object... timePrice) {
    return timePrice;
  }

  @Test
  void theCrushTakesTheTarget() {
    // 13:00:00 CE 15, PE 17: +18.65 + 15.25 = 33.90 >= 32.95 -> bought back 13:00:01 at 15.05 and
    // 17.05:
    // +18.60 + 15.20 = +33.80 points, +1690 rupees.
    List<TradeLeg> legs =
        Runs.run(
                FACTORY,
                expiryDay(
                    p("09:15:00", 33.70, "13:00:00", 15.0), p("09:15:00", 32.30, "13:00:00", 17.0)))
            .trades();

    assertThat(legs).extracting(TradeLeg::optType).containsExactly("CE", "PE");
    assertThat(legs).extracting(TradeLeg::side).containsOnly(Side.SELL);
    assertThat(legs.get(0).entryPrice()).isCloseTo(33.65, within(1e-9));
    assertThat(legs.get(1).entryPrice()).isCloseTo(32.25, within(1e-9));
    assertThat(legs).extracting(TradeLeg::exitReason).containsOnly("target");
    assertThat(legs).extracting(TradeLeg::exitTs).containsOnly(at(DAY, "13:00:01"));
    assertThat(legs.get(0).pnlInr() + legs.get(1).pnlInr()).isCloseTo(1690.0, within(1e-6));
    assertThat(legs.get(0).extra().get("iv_at_entry")).isBetween(14.0, 16.0);
  }

  @Test
  void aRallyStopsTheStraddleAtALoss() {
    // 11:00:00 CE 75, PE 12: -41.35 + 20.25 = -21.10 <= -19.77 -> bought back 11:00:01 at 75.05 and
    // 12.05:
    // -41.40 + 20.20 = -21.20 points, -1060 rupees.
    List<TradeLeg> legs =
        Runs.run(
                FACTORY,
                expiryDay(
                    p("09:15:00", 33.70, "11:00:00", 75.0), p("09:15:00", 32.30, "11:00:00", 12.0)))
            .trades();

    assertThat(legs).extracting(TradeLeg::exitReason).containsOnly("stop");
    assertThat(legs.get(0).pnlInr() + legs.get(1).pnlInr()).isCloseTo(-1060.0, within(1e-6));
  }

  @Test
  void eachEntryTimeSellsItsOwnStraddleAndBothLeaveAtQuarterPastThreeBeforeSettlement() {
    List<TradeLeg> legs =
        Runs.run(
                FACTORY,
                expiryDay(p("09:15:00", 33.70), p("09:15:00", 32.30)),
                "entry_times=10:00:00,12:00:00")
            .trades();

    assertThat(legs).hasSize(4);
    assertThat(legs)
        .extracting(TradeLeg::signalTs)
        .containsExactly(
            at(DAY, "10:00:00"), at(DAY, "10:00:00"), at(DAY, "12:00:00"), at(DAY, "12:00:00"));
    assertThat(legs).extracting(TradeLeg::exitReason).containsOnly("eod");
    assertThat(legs).extracting(TradeLeg::exitTs).containsOnly(at(DAY, "15:15:01"));
  }

  @Test
  void aDayThatIsNotAnExpiryDayHasNoTrade() {
    // 2024-01-10: the nearest expiry is tomorrow.
    TestMarket m =
        TestMarket.on("2024-01-10")
            .spot("09:15:00", 22000.0)
            .liquidOption("2024-01-11", CE, 22000, "09:15:00", 60.0)
            .liquidOption("2024-01-11", PE, 22000, "09:15:00", 60.0)
            .build();

    StrategyResult r = Runs.run(FACTORY, m);

    assertThat(r.trades()).isEmpty();
  }
}
