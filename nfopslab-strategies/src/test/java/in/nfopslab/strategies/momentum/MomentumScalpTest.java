package in.nfopslab.strategies.momentum;

import static in.nfopslab.core.instrument.OptionType.CE;
import static in.nfopslab.core.instrument.OptionType.PE;
import static in.nfopslab.strategies.Runs.at;
import static in.nfopslab.strategies.Runs.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.strategy.Params;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.trade.Side;
import in.nfopslab.core.trade.TradeLeg;
import in.nfopslab.strategies.Runs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * NIFTY (price_thresh 1.5 by symbol). Spot 22000 from 09:15; a test moves it at 10:00:00 to 22002
 * (pm = +2 for 10:00:00-10:00:02) or 21998 (pm = -2). ATM 22000. The 22000 CE and PE trade every
 * second, volume 1, except that the CE trades 3 a second over 09:59:58-10:00:00. Volume check at
 * 10:00:00: CE + PE over the last 3 s = 9 + 3 = 12; base = (CE 17 + 9 = 26, PE 20) / 20 s x 3 =
 * 6.9; 12 >= 1.05 x 6.9 = 7.245: confirmed. A buy at p fills at p + max(0.05% x p, 0.05), a sale at
 * p - the same.
 */
class MomentumScalpTest {
  static final String DAY = "2024-01-08";
  static final String EXP = "2024-01-11";
  static final MomentumScalpFactory FACTORY = new MomentumScalpFactory();

  static TestMarket.Builder market(Object[] spot, Object[] ce, Object[] pe) {
    return TestMarket.on(DAY)
        .spot(spot)
        .liquidOption(EXP, CE, 22000, ce)
        .optionVolume(EXP, CE, 22000, "09:15:00", 1, "09:59:58", 3, "10:00:01", 1)
        .liquidOption(EXP, PE, 22000, pe);
  }

  static Object[] path(Object... pairs) {
    return pairs;
  }

  static Object[] flat() {
    return path("09:15:00", 100.0);
  }

  static Object[] up() {
    return path("09:15:00", 22000.0, "10:00:00", 22002.0);
  }

  @Test
  void anUpMoveWithVolumeBuysTheCallAndTakesTheTwoPointTarget() {
    // pm(10:00:00) = 22002 - 22000 = 2 >= 1.5, volume confirmed: buy CE 22000, filled 10:00:01 at
    // 100.05.
    // CE 102.2 at 10:00:30: +2.15 >= 2 -> target, filled 10:00:31 at 102.2 - 0.0511 = 102.1489:
    // +2.0989.
    TradeLeg t =
        only(
            Runs.run(
                FACTORY, market(up(), path("09:15:00", 100.0, "10:00:30", 102.2), flat()).build()));

    assertThat(t.strategy()).isEqualTo("momentum_scalp");
    assertThat(t.optType()).isEqualTo("CE");
    assertThat(t.side()).isEqualTo(Side.BUY);
    assertThat(t.signalTs()).isEqualTo(at(DAY, "10:00:00"));
    assertThat(t.entryTs()).isEqualTo(at(DAY, "10:00:01"));
    assertThat(t.exitReason()).isEqualTo("target");
    assertThat(t.exitTs()).isEqualTo(at(DAY, "10:00:31"));
    assertThat(t.pnlPoints()).isCloseTo(2.0989, within(1e-9));
    assertThat(t.extra())
        .containsEntry("momentum", 2.0)
        .containsEntry("price_thresh", 1.5)
        .containsEntry("probe", 0.0);
  }

  @Test
  void aDownMoveBuysThePutWhichCanLoseItsOnePointStop() {
    // pm = 21998 - 22000 = -2: buy PE at 100.05. PE 98.9 at 10:00:20: -1.15 <= -1 -> stop, filled
    // 10:00:21 at
    // 98.9 - 0.05 = 98.85: -1.20 points, -60 rupees.
    TestMarket m =
        market(
                path("09:15:00", 22000.0, "10:00:00", 21998.0),
                flat(),
                path("09:15:00", 100.0, "10:00:20", 98.9))
            .build();

    TradeLeg t = only(Runs.run(FACTORY, m));

    assertThat(t.optType()).isEqualTo("PE");
    assertThat(t.exitReason()).isEqualTo("stop");
    assertThat(t.exitTs()).isEqualTo(at(DAY, "10:00:21"));
    assertThat(t.pnlPoints()).isCloseTo(-1.20, within(1e-9));
    assertThat(t.pnlInr()).isCloseTo(-60.0, within(1e-9));
  }

  @Test
  void theTrailingStopGivesBackHalfAPointFromTheBest() {
    // CE 101.5 at 10:00:10: +1.45 (best). 100.9 at 10:00:20: +0.85 <= 1.45 - 0.5 -> trailing,
    // filled 10:00:21 at
    // 100.9 - 0.05045 = 100.84955: +0.79955.
    TradeLeg t =
        only(
            Runs.run(
                FACTORY,
                market(up(), path("09:15:00", 100.0, "10:00:10", 101.5, "10:00:20", 100.9), flat())
                    .build()));

    assertThat(t.exitReason()).isEqualTo("trailing");
    assertThat(t.exitTs()).isEqualTo(at(DAY, "10:00:21"));
    assertThat(t.pnlPoints()).isCloseTo(0.79955, within(1e-9));
  }

  @Test
  void twoSecondsInARowAgainstTheTradeCloseIt() {
    // Long CE after the up move. Spot 22001 at 10:00:10 and 22000 at 10:00:11: two down seconds ->
    // signal exit
    // decided 10:00:11, filled 10:00:12 at 99.95: -0.10.
    TestMarket drop =
        market(
                path(
                    "09:15:00",
                    22000.0,
                    "10:00:00",
                    22002.0,
                    "10:00:10",
                    22001.0,
                    "10:00:11",
                    22000.0),
                flat(),
                flat())
            .build();
    TradeLeg t = only(Runs.run(FACTORY, drop));
    assertThat(t.exitReason()).isEqualTo("signal");
    assertThat(t.exitTs()).isEqualTo(at(DAY, "10:00:12"));
    assertThat(t.pnlPoints()).isCloseTo(-0.10, within(1e-9));

    // A flat second between the two down seconds resets the count: the position runs to the 15:15
    // exit.
    TestMarket pause =
        market(
                path(
                    "09:15:00",
                    22000.0,
                    "10:00:00",
                    22002.0,
                    "10:00:10",
                    22001.0,
                    "10:00:12",
                    22000.0),
                flat(),
                flat())
            .build();
    TradeLeg held = only(Runs.run(FACTORY, pause));
    assertThat(held.exitReason()).isEqualTo("eod");
    assertThat(held.exitTs()).isEqualTo(at(DAY, "15:15:01"));
  }

  @Test
  void sellOppositeSellsThePutOnAnUpMove() {
    // Sell PE 22000 at 100 - 0.05 = 99.95. PE 97.9 at 10:00:30: +2.05 >= 2 -> target, bought back
    // 10:00:31 at
    // 97.9 + 0.05 = 97.95: +2.00.
    TradeLeg t =
        only(
            Runs.run(
                FACTORY,
                market(up(), flat(), path("09:15:00", 100.0, "10:00:30", 97.9)).build(),
                "mode=sell_opposite"));

    assertThat(t.optType()).isEqualTo("PE");
    assertThat(t.side()).isEqualTo(Side.SELL);
    assertThat(t.exitReason()).isEqualTo("target");
    assertThat(t.pnlPoints()).isCloseTo(2.00, within(1e-9));
  }

  @Test
  void withoutAVolumePickUpTheMoveIsNotTradedUnlessTheCheckIsOff() {
    // Volume 1 a second throughout: 6 over 3 s against a base of 6 x 1.05 = 6.3.
    TestMarket m =
        TestMarket.on(DAY)
            .spot(up())
            .liquidOption(EXP, CE, 22000, flat())
            .liquidOption(EXP, PE, 22000, flat())
            .build();

    assertThat(Runs.run(FACTORY, m).trades()).isEmpty();
    assertThat(only(Runs.run(FACTORY, m, "vol_mult=0")).signalTs()).isEqualTo(at(DAY, "10:00:00"));
  }

  @Test
  void afterAnExitTheCooldownHoldsTheNextEntryTenSeconds() {
    // vol_mult=0. Up move 10:00:00, CE bought 10:00:01, CE 98.9 at 10:00:05 -> stop filled
    // 10:00:06: next entry
    // from 10:00:16. Spot 22004 at 10:00:10 (pm 2 over 10:00:10-12) is in the cooldown; 22006 at
    // 10:00:16 is not.
    TestMarket m =
        TestMarket.on(DAY)
            .spot(
                "09:15:00", 22000.0, "10:00:00", 22002.0, "10:00:10", 22004.0, "10:00:16", 22006.0)
            .liquidOption(EXP, CE, 22000, "09:15:00", 100.0, "10:00:05", 98.9)
            .liquidOption(EXP, PE, 22000, flat())
            .build();

    List<TradeLeg> trades = Runs.run(FACTORY, m, "vol_mult=0").trades();

    assertThat(trades)
        .extracting(TradeLeg::signalTs)
        .containsExactly(at(DAY, "10:00:00"), at(DAY, "10:00:16"));
    assertThat(trades.get(0).exitReason()).isEqualTo("stop");
    assertThat(trades.get(1).exitReason()).isEqualTo("eod");
  }

  @Test
  void theThresholdDefaultsBySymbolAndCanBeSet() {
    // pm = 2: above NIFTY's 1.5, below BANKNIFTY's 3 and below an explicit 2.5.
    TestMarket bank = market(up(), flat(), flat()).symbol("BANKNIFTY").build();
    assertThat(Runs.run(FACTORY, bank).trades()).isEmpty();
    assertThat(Runs.run(FACTORY, bank, "price_thresh=2").trades()).hasSize(1);
    assertThat(Runs.run(FACTORY, market(up(), flat(), flat()).build(), "price_thresh=2.5").trades())
        .isEmpty();

    StrategyConfig finnifty =
        new StrategyConfig(new Symbol("FINNIFTY"), Params.defaults(FACTORY.descriptor()));
    assertThatThrownBy(() -> FACTORY.create(finnifty))
        .hasMessageContaining("price_thresh has no default for FINNIFTY");
  }

  @Test
  void aProbeDayEntersOnceAtProbeTimeInTheDirectionOfTheLargestMoveAndIsMarked() {
    // Spot +1 at 11:00:00 (pm 1 < 1.5) and -0.5 at 12:00:00: no signal all day. The largest 3 s
    // move is +1, so the
    // probe buys the CE at 15:00:00, filled 15:00:01 at 100.05, out at 15:15:01 at 99.95.
    TestMarket quiet =
        market(path("09:15:00", 22000.0, "11:00:00", 22001.0, "12:00:00", 22000.5), flat(), flat())
            .build();
    assertThat(Runs.run(FACTORY, quiet).trades()).isEmpty();

    TradeLeg t = only(Runs.run(FACTORY, quiet, "probe=true"));
    assertThat(t.optType()).isEqualTo("CE");
    assertThat(t.signalTs()).isEqualTo(at(DAY, "15:00:00"));
    assertThat(t.entryTs()).isEqualTo(at(DAY, "15:00:01"));
    assertThat(t.extra()).containsEntry("probe", 1.0).containsEntry("momentum", 1.0);
    assertThat(t.exitReason()).isEqualTo("eod");

    // A day that traded has no probe.
    TradeLeg real = only(Runs.run(FACTORY, market(up(), flat(), flat()).build(), "probe=true"));
    assertThat(real.extra()).containsEntry("probe", 0.0);
  }
}
