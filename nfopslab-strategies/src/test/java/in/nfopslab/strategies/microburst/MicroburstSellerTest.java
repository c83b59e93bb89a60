package in.nfopslab.strategies.microburst;

import static in.nfopslab.core.instrument.OptionType.CE;
import static in.nfopslab.core.instrument.OptionType.PE;
import static in.nfopslab.strategies.Runs.at;
import static in.nfopslab.strategies.Runs.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.trade.Side;
import in.nfopslab.core.trade.TradeLeg;
import in.nfopslab.strategies.Runs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * NIFTY: burst_thresh 3 by symbol. The up burst: spot 22000 from 09:15, 22001 at 10:00:00, 22002.5
 * at 10:00:01, 22003.5 at 10:00:02, then holding. At 10:00:02 the burst is spot(10:00:01) -
 * spot(09:59:58) = 2.5 (< 3); at 10:00:03 it is spot(10:00:02) - spot(09:59:59) = 3.5 and the last
 * move is 0 < 3.5 / 3: slowing -> sell. ATM 22000. The sold option trades 5 a second over
 * 10:00:00-10:00:03 and 1 otherwise: at 10:00:03 its 3 s volume is 15, its base (56 + 4 x 5) / 60 x
 * 3 = 3.8, and 15 >= 1.5 x 3.8. A sale at p receives p - max(0.05% x p, 0.05), a buy pays p + the
 * same.
 */
class MicroburstSellerTest {
  static final String DAY = "2024-01-08";
  static final String EXP = "2024-01-11";
  static final MicroburstSellerFactory FACTORY = new MicroburstSellerFactory();

  static Object[] upBurst(Object... after) {
    Object[] base = {
      "09:15:00", 22000.0, "10:00:00", 22001.0, "10:00:01", 22002.5, "10:00:02", 22003.5
    };
    Object[] all = new Object[base.length + after.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(after, 0, all, base.length, after.length);
    return all;
  }

  static TestMarket.Builder market(Object[] spot, Object... cePath) {
    return TestMarket.on(DAY)
        .spot(spot)
        .liquidOption(EXP, CE, 22000, cePath)
        .optionVolume(EXP, CE, 22000, "09:15:00", 1, "10:00:00", 5, "10:00:04", 1)
        .liquidOption(EXP, PE, 22000, "09:15:00", 100.0);
  }

  @Test
  void aSlowingUpBurstSellsTheCallWhichTakesItsTarget() {
    // Sell CE 22000 at 10:00:04 at 99.95. CE 97.9 at 10:01:00: +2.05 >= 2 -> target, bought back
    // 10:01:01 at
    // 97.95: +2.00 points, +100 rupees.
    TradeLeg t =
        only(Runs.run(FACTORY, market(upBurst(), "09:15:00", 100.0, "10:01:00", 97.9).build()));

    assertThat(t.strategy()).isEqualTo("microburst_seller");
    assertThat(t.optType()).isEqualTo("CE");
    assertThat(t.side()).isEqualTo(Side.SELL);
    assertThat(t.signalTs()).isEqualTo(at(DAY, "10:00:03"));
    assertThat(t.entryTs()).isEqualTo(at(DAY, "10:00:04"));
    assertThat(t.entryPrice()).isCloseTo(99.95, within(1e-9));
    assertThat(t.exitReason()).isEqualTo("target");
    assertThat(t.exitTs()).isEqualTo(at(DAY, "10:01:01"));
    assertThat(t.pnlPoints()).isCloseTo(2.00, within(1e-9));
    assertThat(t.pnlInr()).isCloseTo(100.0, within(1e-9));
    assertThat(t.extra())
        .containsEntry("burst_points", 3.5)
        .containsEntry("last_move", 0.0)
        .containsEntry("option_volume", 15.0);
    assertThat(t.extra().get("volume_base")).isCloseTo(3.8, within(1e-12));
  }

  @Test
  void aBurstThatKeepsGoingIsSoldAtItsStop() {
    // CE 102.1 at 10:00:30: -2.15 <= -2 -> stop, bought back 10:00:31 at 102.1 + 0.05105 =
    // 102.15105:
    // 99.95 - 102.15105 = -2.20105 points.
    TradeLeg t =
        only(Runs.run(FACTORY, market(upBurst(), "09:15:00", 100.0, "10:00:30", 102.1).build()));

    assertThat(t.exitReason()).isEqualTo("stop");
    assertThat(t.exitTs()).isEqualTo(at(DAY, "10:00:31"));
    assertThat(t.pnlPoints()).isCloseTo(-2.20105, within(1e-9));
  }

  @Test
  void theTrailingStopFollowsTheLowestPriceOfTheShortCall() {
    // CE 98.5 at 10:00:30: +1.45 (best). 99.6 at 10:01:00: +0.35 <= 1.45 - 1 -> trailing, bought
    // back 10:01:01 at
    // 99.6 + 0.05 = 99.65: +0.30.
    TradeLeg t =
        only(
            Runs.run(
                FACTORY,
                market(upBurst(), "09:15:00", 100.0, "10:00:30", 98.5, "10:01:00", 99.6).build()));

    assertThat(t.exitReason()).isEqualTo("trailing");
    assertThat(t.pnlPoints()).isCloseTo(0.30, within(1e-9));
  }

  @Test
  void anUntouchedShortIsBoughtBackAtTheRunsEndOfDay() {
    // CE flat at 100: bought back at 15:20:01 at 100.05: -0.10.
    TradeLeg t = only(Runs.run(FACTORY, market(upBurst(), "09:15:00", 100.0).build()));

    assertThat(t.exitReason()).isEqualTo("eod");
    assertThat(t.exitTs()).isEqualTo(at(DAY, "15:20:01"));
    assertThat(t.pnlPoints()).isCloseTo(-0.10, within(1e-9));
  }

  @Test
  void anAcceleratingBurstWaitsForTheFirstSlowerSecond() {
    // 22005.5 at 10:00:03: the last move 2 is above the pace 3.5 / 3. At 10:00:04 the burst is
    // 22005.5 - 22001
    // = 4.5 and the last move 0: sell then (volume 5 + 5 + 1 = 11 >= 1.5 x (55 + 20 + 1) / 60 x 3 =
    // 5.7).
    TradeLeg t =
        only(Runs.run(FACTORY, market(upBurst("10:00:03", 22005.5), "09:15:00", 100.0).build()));

    assertThat(t.signalTs()).isEqualTo(at(DAY, "10:00:04"));
    assertThat(t.extra()).containsEntry("burst_points", 4.5);
  }

  @Test
  void aReversingDownBurstSellsThePut() {
    // 21999, 21997.5, 21996.5 over 10:00:00-02, then 21997 at 10:00:03: burst -3.5, last move +0.5
    // > -3.5 / 3.
    TestMarket m =
        TestMarket.on(DAY)
            .spot(
                "09:15:00",
                22000.0,
                "10:00:00",
                21999.0,
                "10:00:01",
                21997.5,
                "10:00:02",
                21996.5,
                "10:00:03",
                21997.0)
            .liquidOption(EXP, CE, 22000, "09:15:00", 100.0)
            .liquidOption(EXP, PE, 22000, "09:15:00", 100.0)
            .optionVolume(EXP, PE, 22000, "09:15:00", 1, "10:00:00", 5, "10:00:04", 1)
            .build();

    TradeLeg t = only(Runs.run(FACTORY, m));

    assertThat(t.optType()).isEqualTo("PE");
    assertThat(t.side()).isEqualTo(Side.SELL);
    assertThat(t.signalTs()).isEqualTo(at(DAY, "10:00:03"));
    assertThat(t.extra()).containsEntry("last_move", 0.5);
  }

  @Test
  void withoutVolumeInTheCallTheBurstIsNotSoldUnlessTheCheckIsOff() {
    // Volume 1 a second: 3 against 1.5 x 3.
    TestMarket m =
        TestMarket.on(DAY)
            .spot(upBurst())
            .liquidOption(EXP, CE, 22000, "09:15:00", 100.0)
            .liquidOption(EXP, PE, 22000, "09:15:00", 100.0)
            .build();

    assertThat(Runs.run(FACTORY, m).trades()).isEmpty();
    assertThat(Runs.run(FACTORY, m, "vol_mult=0").trades()).hasSize(1);
    assertThat(Runs.run(FACTORY, m, "vol_mult=0", "burst_thresh=4").trades()).isEmpty();
  }

  @Test
  void theNextBurstWaitsAMinuteAfterAnExit() {
    // vol_mult=0. First sale stopped at 10:00:31 (CE 102.1 at 10:00:30). Same-shaped bursts at
    // 10:01:00 (ends
    // 10:01:03: in the cooldown to 10:01:31) and 10:02:00 (sold at 10:02:03).
    TestMarket m =
        TestMarket.on(DAY)
            .spot(
                upBurst(
                    "10:01:00",
                    22004.5,
                    "10:01:01",
                    22006.0,
                    "10:01:02",
                    22007.0,
                    "10:02:00",
                    22008.0,
                    "10:02:01",
                    22009.5,
                    "10:02:02",
                    22010.5))
            .liquidOption(EXP, CE, 22000, "09:15:00", 100.0, "10:00:30", 102.1)
            .liquidOption(EXP, PE, 22000, "09:15:00", 100.0)
            .build();

    List<TradeLeg> trades = Runs.run(FACTORY, m, "vol_mult=0").trades();

    assertThat(trades)
        .extracting(TradeLeg::signalTs)
        .containsExactly(at(DAY, "10:00:03"), at(DAY, "10:02:03"));
  }
}
