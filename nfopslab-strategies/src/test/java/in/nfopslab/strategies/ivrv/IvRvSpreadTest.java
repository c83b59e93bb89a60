package in.nfopslab.strategies.ivrv;

import static in.nfopslab.core.instrument.OptionType.CE;
import static in.nfopslab.core.instrument.OptionType.PE;
import static in.nfopslab.strategies.Runs.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import in.nfopslab.core.engine.EngineEvent;
import in.nfopslab.core.engine.StrategyResult;
import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.trade.Side;
import in.nfopslab.core.trade.TradeLeg;
import in.nfopslab.strategies.Runs;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RV: each previous day's spot alternates every minute between 22000 and 22000 e^0.0005, so five
 * days hold 1875 1-minute returns (940 of +a, 935 of -a, a = 0.0005): mean a/375, variance (1875
 * a^2 - 1875 (a/375)^2) / 1874, annualised x 252 x 375: RV = a sqrt(94500 x 1875/1874 x
 * 140624/140625) = 0.153745 = 15.37 vol points. IV: on 2024-01-08 at 10:00:00 (279,000 s to
 * 2024-01-11 15:30) with spot 22000, the 22000 straddle priced at 25% is CE 216.16 / PE 196.70 (IV
 * - RV = +9.63: sell), at 10% CE 92.61 / PE 73.15 (RV - IV = 5.37: buy), at 16% CE 141.98 / PE
 * 122.53 (+0.63: no trade). Slippage 0.05% of the premium, at least 0.05 points.
 */
class IvRvSpreadTest {
  static final String DAY = "2024-01-08";
  static final String EXP = "2024-01-11";
  static final IvRvSpreadFactory FACTORY = new IvRvSpreadFactory();
  static final double A = 0.0005;

  /** Five alternating days (Mon 01-01 to Fri 01-05) and then the trade day. */
  static List<TestMarket> lab(TestMarket tradeDay, String... before) {
    List<TestMarket> days = new ArrayList<>();
    for (String d : before) {
      days.add(TestMarket.on(d).spot(alternating()).build());
    }
    days.add(tradeDay);
    return days;
  }

  static List<TestMarket> lab(TestMarket tradeDay) {
    return lab(tradeDay, "2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05");
  }

  static Object[] alternating() {
    Object[] pairs = new Object[2 * 376];
    for (int k = 0; k <= 375; k++) {
      int s = 9 * 3600 + 15 * 60 + 60 * k;
      pairs[2 * k] = String.format("%02d:%02d:00", s / 3600, s / 60 % 60);
      pairs[2 * k + 1] = k % 2 == 0 ? 22000.0 : 22000.0 * Math.exp(A);
    }
    return pairs;
  }

  static TestMarket tradeDay(Object[] ce, Object[] pe) {
    return TestMarket.on(DAY)
        .spot("09:15:00", 22000.0)
        .liquidOption(EXP, CE, 22000, ce)
        .liquidOption(EXP, PE, 22000, pe)
        .build();
  }

  static Object[] p(Object... timePrice) {
    return timePrice;
  }

  @Test
  void impliedAboveRealisedSellsTheStraddleWhichTakesItsTarget() {
    // Sold 10:00:01: CE 216.16 - 0.10808 = 216.05192, PE 196.70 - 0.09835 = 196.60165; premium
    // 412.65357, target
    // 30% = 123.79607. 11:00:00 CE 140, PE 130: +142.65357 -> bought back 11:00:01 at 140.07 and
    // 130.065:
    // CE +75.98192, PE +66.53665 = +142.51857 points, +7125.9285 rupees.
    List<TestMarket> days =
        lab(
            tradeDay(
                p("09:15:00", 216.16, "11:00:00", 140.0),
                p("09:15:00", 196.70, "11:00:00", 130.0)));

    List<TradeLeg> legs = Runs.run(FACTORY, days).trades();

    assertThat(legs).extracting(TradeLeg::optType).containsExactly("CE", "PE");
    assertThat(legs).extracting(TradeLeg::side).containsOnly(Side.SELL);
    assertThat(legs).extracting(TradeLeg::signalTs).containsOnly(at(DAY, "10:00:00"));
    assertThat(legs).extracting(TradeLeg::exitReason).containsOnly("target");
    assertThat(legs).extracting(TradeLeg::exitTs).containsOnly(at(DAY, "11:00:01"));
    assertThat(legs.get(0).pnlPoints() + legs.get(1).pnlPoints())
        .isCloseTo(142.51857, within(1e-9));
    assertThat(legs.get(0).pnlInr() + legs.get(1).pnlInr()).isCloseTo(7125.9285, within(1e-6));
    TradeLeg ce = legs.get(0);
    assertThat(ce.extra().get("rv_at_entry")).isCloseTo(15.3745, within(1e-4));
    assertThat(ce.extra().get("iv_at_entry")).isCloseTo(25.0, within(0.01));
    assertThat(ce.extra().get("iv_rv_spread"))
        .isCloseTo(ce.extra().get("iv_at_entry") - ce.extra().get("rv_at_entry"), within(1e-12));
  }

  @Test
  void impliedBelowRealisedBuysTheStraddleWhichIsStoppedAtALoss() {
    // Bought 10:00:01: CE 92.61 + 0.05 = 92.66, PE 73.15 + 0.05 = 73.20; premium 165.86, stop 30% =
    // 49.758.
    // 12:00:00 CE 70, PE 45: -22.66 - 28.20 = -50.86 -> sold 12:00:01 at 69.95 and 44.95: -22.71 -
    // 28.25 = -50.96
    // points, -2548 rupees.
    List<TestMarket> days =
        lab(
            tradeDay(
                p("09:15:00", 92.61, "12:00:00", 70.0), p("09:15:00", 73.15, "12:00:00", 45.0)));

    List<TradeLeg> legs = Runs.run(FACTORY, days).trades();

    assertThat(legs).extracting(TradeLeg::side).containsOnly(Side.BUY);
    assertThat(legs).extracting(TradeLeg::exitReason).containsOnly("stop");
    assertThat(legs).extracting(TradeLeg::exitTs).containsOnly(at(DAY, "12:00:01"));
    assertThat(legs.get(0).pnlInr() + legs.get(1).pnlInr()).isCloseTo(-2548.0, within(1e-6));
  }

  @Test
  void withNeitherLevelHitThePositionLeavesAtQuarterPastThree() {
    // Sold at 216.05192 / 196.60165, prices never move: bought back 15:15:01 at 216.26808 /
    // 196.79835:
    // -0.21616 - 0.19670 = -0.41286 points.
    List<TestMarket> days = lab(tradeDay(p("09:15:00", 216.16), p("09:15:00", 196.70)));

    List<TradeLeg> legs = Runs.run(FACTORY, days).trades();

    assertThat(legs).extracting(TradeLeg::exitReason).containsOnly("eod");
    assertThat(legs).extracting(TradeLeg::exitTs).containsOnly(at(DAY, "15:15:01"));
    assertThat(legs.get(0).pnlPoints() + legs.get(1).pnlPoints()).isCloseTo(-0.41286, within(1e-9));
  }

  @Test
  void aSpreadWithinTheThresholdOrTooFewPreviousDaysMeansNoTrade() {
    StrategyResult within =
        Runs.run(FACTORY, lab(tradeDay(p("09:15:00", 141.98), p("09:15:00", 122.53))));
    StrategyResult young =
        Runs.run(
            FACTORY,
            lab(
                tradeDay(p("09:15:00", 216.16), p("09:15:00", 196.70)),
                "2024-01-03",
                "2024-01-04",
                "2024-01-05",
                "2024-01-06"));

    assertThat(within.trades()).isEmpty();
    assertThat(within.events(EngineEvent.Kind.SKIP))
        .extracting(EngineEvent::message)
        .anySatisfy(m -> assertThat(m).contains("is within 2.0 vol points"));
    assertThat(young.trades()).isEmpty();
    assertThat(young.events(EngineEvent.Kind.SKIP))
        .extracting(EngineEvent::message)
        .anySatisfy(m -> assertThat(m).contains("needs 5 previous trading days, the lab has 4"));
  }

  @Test
  void onTheNearestExpiryDayTheNextExpiryIsTraded() {
    // 2024-01-11 10:00: the 01-11 contract has 5.5 h left, less than a day: the 01-18 straddle,
    // priced at 25%
    // (CE 330.73, PE 287.20 with 7 days 5.5 h left), is sold.
    TestMarket expiryDay =
        TestMarket.on("2024-01-11")
            .spot("09:15:00", 22000.0)
            .liquidOption(EXP, CE, 22000, "09:15:00", 30.0)
            .liquidOption(EXP, PE, 22000, "09:15:00", 30.0)
            .liquidOption("2024-01-18", CE, 22000, "09:15:00", 330.73)
            .liquidOption("2024-01-18", PE, 22000, "09:15:00", 287.20)
            .build();

    List<TradeLeg> legs =
        Runs.run(
                FACTORY,
                lab(
                    expiryDay,
                    "2024-01-04",
                    "2024-01-05",
                    "2024-01-08",
                    "2024-01-09",
                    "2024-01-10"))
            .trades();

    assertThat(legs).extracting(TradeLeg::expiry).containsOnly(LocalDate.parse("2024-01-18"));
    assertThat(legs).extracting(TradeLeg::side).containsOnly(Side.SELL);
    assertThat(legs.get(0).extra().get("iv_at_entry")).isCloseTo(25.0, within(0.01));
  }
}
