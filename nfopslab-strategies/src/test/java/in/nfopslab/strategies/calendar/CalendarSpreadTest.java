package in.nfopslab.strategies.calendar;

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
 * 2024-01-08, spot 22010 (ATM 22000), front expiry 2024-01-11 (3 d 5.5 h to 15:30: t = 279,000 s /
 * 365 d), back 2024-01-18 (t = 883,800 s / 365 d). NSE-convention implied vols (r = 10%, q = 0) of
 * the round prices used here: front CE 150 / PE 140 -> 16.33 / 18.69, ATM IV 17.51; back CE 220 /
 * PE 200 -> 12.40 / 15.95, ATM IV 14.17 (front - back = +3.34 > 2). Front 100 / 95 -> 11.73 and
 * back 230 / 215 -> 15.03 give -3.31; back 250 / 235 -> 16.41 gives +1.10. A sale at p receives p -
 * 0.05% x p (at least 0.05), a buy pays p + the same.
 */
class CalendarSpreadTest {
  static final String DAY = "2024-01-08";
  static final String FRONT = "2024-01-11";
  static final String BACK = "2024-01-18";
  static final CalendarSpreadFactory FACTORY = new CalendarSpreadFactory();

  static TestMarket.Builder market(
      Object[] frontCe, Object[] frontPe, Object[] backCe, Object[] backPe) {
    return TestMarket.on(DAY)
        .spot("09:15:00", 22010.0)
        .liquidOption(FRONT, CE, 22000, frontCe)
        .liquidOption(FRONT, PE, 22000, frontPe)
        .liquidOption(BACK, CE, 22000, backCe)
        .liquidOption(BACK, PE, 22000, backPe);
  }

  static Object[] path(Object... pairs) {
    return pairs;
  }

  static double pnl(List<TradeLeg> legs) {
    return legs.stream().mapToDouble(TradeLeg::pnlPoints).sum();
  }

  @Test
  void aRicherFrontIsSoldAgainstTheBackAndTheSpreadRunsToQuarterPastThree() {
    // Entry 10:00:01: sell front CE 149.925, PE 139.93; buy back CE 220.11, PE 200.1. Net premium
    // 220.11 + 200.1 - 149.925 - 139.93 = 130.355 (a debit); stop 25% = 32.58875 points of loss.
    // From 14:00 front 120 / 110, back 205 / 188: +32.645, no exit. 15:15:00 eod, filled 15:15:01:
    //   front CE 149.925 - 120.06 = 29.865; front PE 139.93 - 110.055 = 29.875;
    //   back CE 204.8975 - 220.11 = -15.2125; back PE 187.906 - 200.1 = -12.194. Total +32.3335
    // points.
    TestMarket m =
        market(
                path("09:15:00", 150.0, "14:00:00", 120.0),
                path("09:15:00", 140.0, "14:00:00", 110.0),
                path("09:15:00", 220.0, "14:00:00", 205.0),
                path("09:15:00", 200.0, "14:00:00", 188.0))
            .build();

    List<TradeLeg> legs = Runs.run(FACTORY, m).trades();

    assertThat(legs)
        .extracting(
            t -> t.expiry().toString(), TradeLeg::optType, TradeLeg::side, TradeLeg::exitReason)
        .containsExactly(
            tuple(FRONT, "CE", Side.SELL, "eod"), tuple(FRONT, "PE", Side.SELL, "eod"),
            tuple(BACK, "CE", Side.BUY, "eod"), tuple(BACK, "PE", Side.BUY, "eod"));
    assertThat(legs)
        .allSatisfy(
            t -> {
              assertThat(t.strike()).isEqualTo(22000);
              assertThat(t.signalTs()).isEqualTo(at(DAY, "10:00:00"));
              assertThat(t.entryTs()).isEqualTo(at(DAY, "10:00:01"));
              assertThat(t.exitTs()).isEqualTo(at(DAY, "15:15:01"));
              assertThat(t.tradeId()).isEqualTo(legs.get(0).tradeId());
            });
    assertThat(legs.get(0).pnlPoints()).isCloseTo(29.865, within(1e-9));
    assertThat(legs.get(3).pnlPoints()).isCloseTo(-12.194, within(1e-9));
    assertThat(pnl(legs)).isCloseTo(32.3335, within(1e-9));
    assertThat(legs.get(0).extra().get("front_iv")).isCloseTo(17.51, within(0.01));
    assertThat(legs.get(0).extra().get("back_iv")).isCloseTo(14.17, within(0.01));
    assertThat(legs.get(0).extra().get("iv_diff")).isCloseTo(3.34, within(0.01));
  }

  @Test
  void aRallyAgainstTheShortFrontCallHitsTheStopAtAQuarterOfTheNetPremium() {
    // Same entry. 11:00:00 front CE 225, back CE 260: -75.075 - 0.07 + 39.89 - 0.1 = -35.355 <=
    // -32.58875 -> stop,
    // filled 11:00:01: front CE 149.925 - 225.1125 = -75.1875; front PE 139.93 - 140.07 = -0.14;
    // back CE 259.87 - 220.11 = 39.76; back PE 199.9 - 200.1 = -0.20. Total -35.7675 points.
    TestMarket m =
        market(
                path("09:15:00", 150.0, "11:00:00", 225.0),
                path("09:15:00", 140.0),
                path("09:15:00", 220.0, "11:00:00", 260.0),
                path("09:15:00", 200.0))
            .build();

    List<TradeLeg> legs = Runs.run(FACTORY, m).trades();

    assertThat(legs)
        .hasSize(4)
        .allSatisfy(
            t -> {
              assertThat(t.exitReason()).isEqualTo("stop");
              assertThat(t.exitTs()).isEqualTo(at(DAY, "11:00:01"));
            });
    assertThat(legs.get(0).pnlPoints()).isCloseTo(-75.1875, within(1e-9));
    assertThat(pnl(legs)).isCloseTo(-35.7675, within(1e-9));
  }

  @Test
  void aRicherBackIsSoldAgainstABoughtFront() {
    TestMarket m =
        market(
                path("09:15:00", 100.0),
                path("09:15:00", 95.0),
                path("09:15:00", 230.0),
                path("09:15:00", 215.0))
            .build();

    List<TradeLeg> legs = Runs.run(FACTORY, m).trades();

    assertThat(legs)
        .extracting(t -> t.expiry().toString(), TradeLeg::side)
        .containsExactly(
            tuple(FRONT, Side.BUY),
            tuple(FRONT, Side.BUY),
            tuple(BACK, Side.SELL),
            tuple(BACK, Side.SELL));
    assertThat(legs.get(0).extra().get("iv_diff")).isCloseTo(-3.31, within(0.01));
  }

  @Test
  void ivsWithinTheThresholdDoNotTradeAndSaySo() {
    TestMarket m =
        market(
                path("09:15:00", 150.0),
                path("09:15:00", 140.0),
                path("09:15:00", 250.0),
                path("09:15:00", 235.0))
            .build();

    StrategyResult r = Runs.run(FACTORY, m);

    assertThat(r.trades()).isEmpty();
    assertThat(r.events(EngineEvent.Kind.SKIP))
        .extracting(EngineEvent::message)
        .anySatisfy(msg -> assertThat(msg).contains("within 2.0 vol points"));
    assertThat(Runs.run(FACTORY, m, "threshold=1").trades()).hasSize(4);
  }

  @Test
  void oneExpiryOnlyOrABackWithoutTheStrikeIsSkippedWithAReason() {
    TestMarket single =
        TestMarket.on(DAY)
            .spot("09:15:00", 22010.0)
            .liquidOption(FRONT, CE, 22000, "09:15:00", 150.0)
            .liquidOption(FRONT, PE, 22000, "09:15:00", 140.0)
            .build();
    StrategyResult r = Runs.run(FACTORY, single);
    assertThat(r.trades()).isEmpty();
    assertThat(r.events(EngineEvent.Kind.SKIP))
        .extracting(EngineEvent::message)
        .containsExactly(
            "calendar_spread: only one expiry has data today (front 2024-01-11, no later expiry)");

    TestMarket elsewhere =
        TestMarket.on(DAY)
            .spot("09:15:00", 22010.0)
            .liquidOption(FRONT, CE, 22000, "09:15:00", 150.0)
            .liquidOption(FRONT, PE, 22000, "09:15:00", 140.0)
            .liquidOption(BACK, CE, 22100, "09:15:00", 180.0)
            .liquidOption(BACK, PE, 22100, "09:15:00", 260.0)
            .build();
    StrategyResult r2 = Runs.run(FACTORY, elsewhere);
    assertThat(r2.trades()).isEmpty();
    assertThat(r2.events(EngineEvent.Kind.SKIP))
        .extracting(EngineEvent::message)
        .containsExactly(
            "calendar_spread: back expiry 2024-01-18 has no traded CE and PE at the front's strike 22000");
  }
}
