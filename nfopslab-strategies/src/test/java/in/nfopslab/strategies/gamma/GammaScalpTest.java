package in.nfopslab.strategies.gamma;

import static in.nfopslab.core.instrument.OptionType.CE;
import static in.nfopslab.core.instrument.OptionType.PE;
import static in.nfopslab.strategies.Runs.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import in.nfopslab.core.engine.StrategyResult;
import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.trade.Side;
import in.nfopslab.core.trade.TradeLeg;
import in.nfopslab.strategies.Runs;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One anchor (10:00) unless a test says otherwise. Spot 22000 (ATM 22000), futures 22050 (expiry
 * 2024-01-25). CE 22000 at 133.75 and PE 22000 at 114.30 are the Black-Scholes prices at 15% vol, r
 * = 10%, spot 22000, t from 2024-01-08 10:00:01 to 2024-01-11 15:30:00 (278,999 s / 365 days): d1 =
 * 0.0698, delta CE 0.5278, PE -0.4722, straddle +0.0556 per unit. Lot size 50, 1 lot: hedges are
 * rint(delta x 50) index units.
 *
 * <p>Entry: decided 10:00:00, filled 10:00:01 at CE 133.75 + 0.066875 = 133.816875, PE 114.30 +
 * 0.05715 = 114.35715; premium 248.174025, target 5% = 12.40870, stop 10% = 24.81740. Hedge to zero
 * at 10:00:01 (the first open second): sell rint(0.0556 x 50 = 2.78) = 3 units, filled 10:00:02 at
 * 22050 - 11.025 = 22038.975 (0.05% of the futures price); it weighs -3/50 = -0.06 in the mark.
 */
class GammaScalpTest {
  static final String DAY = "2024-01-08";
  static final String EXP = "2024-01-11";
  static final GammaScalpFactory FACTORY = new GammaScalpFactory();

  static TestMarket.Builder day(Object[] spot, Object[] futures, Object[] ce, Object[] pe) {
    TestMarket.Builder b =
        TestMarket.on(DAY)
            .spot(spot)
            .liquidOption(EXP, CE, 22000, ce)
            .liquidOption(EXP, PE, 22000, pe);
    return futures == null ? b : b.futures(futures).futuresExpiry("2024-01-25");
  }

  static Object[] p(Object... timePrice) {
    return timePrice;
  }

  /**
   * The hand-worked numbers below charge hedges the options' 0.05% slippage (set explicitly: the
   * engine's default for futures is 0.005%, tested in HedgeLegsTest), so every fill uses one rule.
   */
  static final in.nfopslab.core.engine.EngineConfig ONE_SLIPPAGE =
      in.nfopslab.core.engine.EngineConfig.defaults()
          .withFuturesSlippage(in.nfopslab.core.engine.SlippageModel.DEFAULT);

  static StrategyResult run(TestMarket m) {
    return Runs.run(FACTORY, java.util.List.of(m), ONE_SLIPPAGE, "anchors=10:00:00");
  }

  @Test
  void itHedgesAtEntryRehedgesWhenNetDeltaPassesTwentyAndLeavesAtTheTimeExit() {
    // 10:20:00 spot 22090, futures 22140, CE 186.06, PE 76.69 (15% at t = 277,800 s): deltas CE
    // 0.6404, PE -0.3596,
    // straddle 0.2809; net 0.2809 - 0.06 = 0.2209 > 0.20 -> sell rint(0.2209 x 50 = 11.05) = 11
    // units, filled 10:20:01 at
    // 22140 - 11.07 = 22128.93. Mark then: options (186.06 - 133.816875) + (76.69 - 114.35715) =
    // 14.575975, hedges
    // -0.06 x 101.025 - 0.22 x 11.07 = -8.4969: +6.08, under the target. Net after: 0.2809 - 0.28 ~
    // 0: no more hedges.
    // Time exit 11:00:00 (anchor + 60 min), every leg filled 11:00:01:
    //   CE 186.06 - 0.09303 = 185.96697 -> +52.150095; PE 76.69 - 0.05 = 76.64 -> -37.71715;
    //   futures bought back at 22140 + 11.07 = 22151.07: hedge 1 -(22151.07 - 22038.975) = -112.095
    // x 3 units;
    //   hedge 2 -(22151.07 - 22128.93) = -22.14 x 11 units.
    // Rupees: (52.150095 - 37.71715) x 50 - 112.095 x 3 - 22.14 x 11 = 721.64725 - 336.285 - 243.54
    // = +141.82225.
    TestMarket m =
        day(
                p("09:15:00", 22000.0, "10:20:00", 22090.0),
                p("09:15:00", 22050.0, "10:20:00", 22140.0),
                p("09:15:00", 133.75, "10:20:00", 186.06),
                p("09:15:00", 114.30, "10:20:00", 76.69))
            .build();

    List<TradeLeg> legs = run(m).trades();

    assertThat(legs)
        .extracting(
            TradeLeg::leg, TradeLeg::optType, TradeLeg::side, TradeLeg::lots, TradeLeg::lotSize)
        .containsExactly(
            tuple(1, "CE", Side.BUY, 1, 50),
            tuple(2, "PE", Side.BUY, 1, 50),
            tuple(3, "FUT", Side.SELL, 3, 1),
            tuple(4, "FUT", Side.SELL, 11, 1));
    assertThat(legs).extracting(TradeLeg::exitReason).containsOnly("time");
    assertThat(legs).extracting(TradeLeg::exitTs).containsOnly(at(DAY, "11:00:01"));
    TradeLeg h1 = legs.get(2);
    TradeLeg h2 = legs.get(3);
    assertThat(h1.signalTs()).isEqualTo(at(DAY, "10:00:01"));
    assertThat(h1.entryTs()).isEqualTo(at(DAY, "10:00:02"));
    assertThat(h1.entryPrice()).isCloseTo(22038.975, within(1e-9));
    assertThat(h1.strike()).isZero();
    assertThat(h1.expiry()).isEqualTo(LocalDate.parse("2024-01-25"));
    assertThat(h2.signalTs()).isEqualTo(at(DAY, "10:20:00"));
    assertThat(h2.entryTs()).isEqualTo(at(DAY, "10:20:01"));
    assertThat(h2.entryPrice()).isCloseTo(22128.93, within(1e-9));
    assertThat(h1.pnlPoints()).isCloseTo(-112.095, within(1e-9));
    assertThat(h2.pnlPoints()).isCloseTo(-22.14, within(1e-9));
    assertThat(legs.get(0).pnlPoints()).isCloseTo(52.150095, within(1e-9));
    assertThat(legs.get(1).pnlPoints()).isCloseTo(-37.71715, within(1e-9));
    assertThat(legs.stream().mapToDouble(TradeLeg::pnlInr).sum())
        .isCloseTo(141.82225, within(1e-6));
    assertThat(legs).extracting(t -> t.extra().get("hedge_on_spot")).containsOnly(0.0);
    assertThat(legs.get(0).extra().get("iv_at_entry")).isCloseTo(15.0, within(0.01));
  }

  @Test
  void aVolatilityCrushStopsTheStraddleAndItsHedgeAtALoss() {
    // 10:30:00 CE 110, PE 100 with spot and futures unchanged. Mark: (110 - 133.816875) + (100 -
    // 114.35715)
    // - 0.06 x (22050 - 22038.975) = -23.816875 - 14.35715 - 0.6615 = -38.835525 <= -24.8174 ->
    // stop; filled
    // 10:30:01: CE 110 - 0.055 = 109.945 (-23.871875), PE 100 - 0.05 = 99.95 (-14.40715), futures
    // 22061.025
    // (-22.05 x 3 units). Rupees: -38.279025 x 50 - 66.15 = -1980.10125.
    TestMarket m =
        day(
                p("09:15:00", 22000.0),
                p("09:15:00", 22050.0),
                p("09:15:00", 133.75, "10:30:00", 110.0),
                p("09:15:00", 114.30, "10:30:00", 100.0))
            .build();

    List<TradeLeg> legs = run(m).trades();

    assertThat(legs).hasSize(3);
    assertThat(legs).extracting(TradeLeg::exitReason).containsOnly("stop");
    assertThat(legs).extracting(TradeLeg::exitTs).containsOnly(at(DAY, "10:30:01"));
    assertThat(legs.get(2).pnlPoints()).isCloseTo(-22.05, within(1e-9));
    assertThat(legs.stream().mapToDouble(TradeLeg::pnlInr).sum())
        .isCloseTo(-1980.10125, within(1e-6));
  }

  @Test
  void aVolatilityRiseTakesTheTargetOnOptionsPlusHedge() {
    // 10:30:00 CE 150, PE 130: mark 16.183125 + 15.64285 - 0.6615 = 31.164475 >= 12.4087 -> target;
    // filled
    // 10:30:01: CE 149.925 (+16.108125), PE 129.935 (+15.57785), futures 22061.025 (-22.05 x 3).
    // Rupees: 31.685975 x 50 - 66.15 = +1518.14875.
    TestMarket m =
        day(
                p("09:15:00", 22000.0),
                p("09:15:00", 22050.0),
                p("09:15:00", 133.75, "10:30:00", 150.0),
                p("09:15:00", 114.30, "10:30:00", 130.0))
            .build();

    List<TradeLeg> legs = run(m).trades();

    assertThat(legs).extracting(TradeLeg::exitReason).containsOnly("target");
    assertThat(legs.stream().mapToDouble(TradeLeg::pnlInr).sum())
        .isCloseTo(1518.14875, within(1e-6));
  }

  @Test
  void withoutFuturesTheHedgeTradesSpotAndTheRowsSaySo() {
    // No futures file: the 3-unit hedge sells spot at 22000 - 11 = 21989, filled 10:00:02; expiry =
    // the options'.
    TestMarket m =
        day(p("09:15:00", 22000.0), null, p("09:15:00", 133.75), p("09:15:00", 114.30)).build();

    List<TradeLeg> legs = run(m).trades();

    assertThat(legs).hasSize(3);
    TradeLeg hedge = legs.get(2);
    assertThat(hedge.optType()).isEqualTo("FUT");
    assertThat(hedge.lots()).isEqualTo(3);
    assertThat(hedge.entryPrice()).isCloseTo(21989.0, within(1e-9));
    assertThat(hedge.expiry()).isEqualTo(LocalDate.parse(EXP));
    assertThat(legs).extracting(t -> t.extra().get("hedge_on_spot")).containsOnly(1.0);
  }

  @Test
  void everyDefaultAnchorBuysItsOwnStraddle() {
    // Defaults: anchors 10:00 ... 14:00, each held 60 minutes; prices never move, so each leaves at
    // its time exit.
    TestMarket m =
        day(
                p("09:15:00", 22000.0),
                p("09:15:00", 22050.0),
                p("09:15:00", 133.75),
                p("09:15:00", 114.30))
            .build();

    StrategyResult r = Runs.run(FACTORY, java.util.List.of(m), ONE_SLIPPAGE);

    assertThat(r.trades())
        .filteredOn(t -> t.optType().equals("CE"))
        .extracting(TradeLeg::signalTs)
        .containsExactly(
            at(DAY, "10:00:00"),
            at(DAY, "11:00:00"),
            at(DAY, "12:00:00"),
            at(DAY, "13:00:00"),
            at(DAY, "14:00:00"));
    assertThat(r.trades()).extracting(TradeLeg::exitReason).containsOnly("time");
  }
}
