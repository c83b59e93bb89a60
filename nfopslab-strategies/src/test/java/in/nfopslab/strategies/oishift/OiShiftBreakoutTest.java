package in.nfopslab.strategies.oishift;

import static in.nfopslab.core.instrument.OptionType.CE;
import static in.nfopslab.core.instrument.OptionType.PE;
import static in.nfopslab.strategies.Runs.at;
import static in.nfopslab.strategies.Runs.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import in.nfopslab.core.engine.EngineEvent;
import in.nfopslab.core.engine.StrategyResult;
import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.trade.TradeLeg;
import in.nfopslab.strategies.Runs;
import org.junit.jupiter.api.Test;

/**
 * Opening range on every day here: spot 22000 from 09:15, 22040 from 09:30 (the high), 21980 from
 * 09:45 (the low), 22020 from 10:00 (inside). Options trade every second at 100 unless a test moves
 * them; slippage is 0.05% of the premium, at least 0.05, so a buy at 100 fills at 100.05. Flow
 * windows are the 900 s ending at the signal second.
 */
class OiShiftBreakoutTest {
  static final String DAY = "2024-01-08";
  static final String EXP = "2024-01-11";
  static final OiShiftBreakoutFactory FACTORY = new OiShiftBreakoutFactory();

  static TestMarket.Builder market(Object... spotAfterTen) {
    Object[] path = new Object[8 + spotAfterTen.length];
    Object[] range = {
      "09:15:00", 22000.0, "09:30:00", 22040.0, "09:45:00", 21980.0, "10:00:00", 22020.0
    };
    System.arraycopy(range, 0, path, 0, 8);
    System.arraycopy(spotAfterTen, 0, path, 8, spotAfterTen.length);
    return TestMarket.on(DAY).spot(path);
  }

  /** An up break at 10:30:00 (22060 > 22040; ATM 22050) with CE volume 2/s and PE 3/s at 22050. */
  static TestMarket.Builder upBreakWithPutFlow(Object... cePath) {
    return market("10:30:00", 22060.0)
        .liquidOption(EXP, CE, 22050, cePath)
        .optionVolume(EXP, CE, 22050, "09:15:00", 2)
        .liquidOption(EXP, PE, 22050, "09:15:00", 100.0)
        .optionVolume(EXP, PE, 22050, "09:15:00", 3);
  }

  @Test
  void anUpBreakWithPutsBeingWrittenBuysTheAtmCallAndTakesItsTarget() {
    // Flow 10:15:01-10:30:00: CE 900 x 2 = 1800, PE 900 x 3 = 2700 (no other strike has data):
    // imbalance = (2700 - 1800) / 4500 = 0.2 >= 0.2. Signal 10:30:00, fill 10:30:01 at 100.05.
    // Target 30% of 100.05 = 30.015. 10:45:00 CE 130: +29.95, not yet. 11:00:00 CE 131: +30.95 ->
    // target, filled
    // 11:00:01 at 131 - 0.0655 = 130.9345: +30.8845 points, x 50 = 1544.225 rupees. Spot stays
    // above the high,
    // but it is one trade a day.
    StrategyResult r =
        Runs.run(
            FACTORY,
            upBreakWithPutFlow("09:15:00", 100.0, "10:45:00", 130.0, "11:00:00", 131.0).build());

    TradeLeg t = only(r);
    assertThat(t.strategy()).isEqualTo("oi_shift_breakout");
    assertThat(t.optType()).isEqualTo("CE");
    assertThat(t.strike()).isEqualTo(22050);
    assertThat(t.side().name()).isEqualTo("BUY");
    assertThat(t.signalTs()).isEqualTo(at(DAY, "10:30:00"));
    assertThat(t.entryTs()).isEqualTo(at(DAY, "10:30:01"));
    assertThat(t.entryPrice()).isCloseTo(100.05, within(1e-9));
    assertThat(t.exitReason()).isEqualTo("target");
    assertThat(t.exitTs()).isEqualTo(at(DAY, "11:00:01"));
    assertThat(t.pnlPoints()).isCloseTo(30.8845, within(1e-9));
    assertThat(t.pnlInr()).isCloseTo(1544.225, within(1e-6));
    assertThat(t.extra())
        .containsEntry("range_high", 22040.0)
        .containsEntry("range_low", 21980.0)
        .containsEntry("spot_at_signal", 22060.0)
        .containsEntry("flow_from_oi", 0.0);
    assertThat(t.extra().get("imbalance")).isCloseTo(0.2, within(1e-12));
  }

  @Test
  void aDownBreakWithCallsBeingWrittenBuysThePutAndCanLoseToItsStop() {
    // 10:30:00 spot 21940 < 21980: ATM 21950. CE 3/s, PE 2/s: imbalance = (1800 - 2700) / 4500 =
    // -0.2 <= -0.2.
    // Buy PE 21950 at 100.05. 11:00:00 PE 80: -20.05 <= -15.0075 (15%) -> stop, filled 11:00:01 at
    // 80 - 0.05 = 79.95: -20.10 points, -1005 rupees.
    TestMarket m =
        market("10:30:00", 21940.0)
            .liquidOption(EXP, CE, 21950, "09:15:00", 100.0)
            .optionVolume(EXP, CE, 21950, "09:15:00", 3)
            .liquidOption(EXP, PE, 21950, "09:15:00", 100.0, "11:00:00", 80.0)
            .optionVolume(EXP, PE, 21950, "09:15:00", 2)
            .build();

    TradeLeg t = only(Runs.run(FACTORY, m));

    assertThat(t.optType()).isEqualTo("PE");
    assertThat(t.strike()).isEqualTo(21950);
    assertThat(t.exitReason()).isEqualTo("stop");
    assertThat(t.exitTs()).isEqualTo(at(DAY, "11:00:01"));
    assertThat(t.pnlPoints()).isCloseTo(-20.10, within(1e-9));
    assertThat(t.pnlInr()).isCloseTo(-1005.0, within(1e-6));
  }

  @Test
  void aBreakWithoutEnoughFlowIsNotTraded() {
    // Spot sits above the high from 10:30 all day, but CE 21/s against PE 31/s gives (31 - 21) / 52
    // = 0.192 < 0.2.
    TestMarket m =
        market("10:30:00", 22060.0)
            .liquidOption(EXP, CE, 22050, "09:15:00", 100.0)
            .optionVolume(EXP, CE, 22050, "09:15:00", 21)
            .liquidOption(EXP, PE, 22050, "09:15:00", 100.0)
            .optionVolume(EXP, PE, 22050, "09:15:00", 31)
            .build();

    assertThat(Runs.run(FACTORY, m).trades()).isEmpty();
  }

  @Test
  void theTrailingStopClosesAWinnerThatFades() {
    // Entry 100.05 as above; trailing 10% of 100.05 = 10.005 behind the best. 10:45:00 CE 125:
    // +24.95 (below the
    // 30.015 target), best. 11:00:00 CE 114: +13.95 <= 24.95 - 10.005 = 14.945 -> trailing, filled
    // 11:00:01 at
    // 114 - 0.057 = 113.943: +13.893.
    TradeLeg t =
        only(
            Runs.run(
                FACTORY,
                upBreakWithPutFlow("09:15:00", 100.0, "10:45:00", 125.0, "11:00:00", 114.0)
                    .build()));

    assertThat(t.exitReason()).isEqualTo("trailing");
    assertThat(t.exitTs()).isEqualTo(at(DAY, "11:00:01"));
    assertThat(t.pnlPoints()).isCloseTo(13.893, within(1e-9));
  }

  @Test
  void anUntouchedPositionLeavesAtTheEndOfDayExit() {
    // The CE stays at 100: no stop, target or trailing. End of day at 15:15:00, filled 15:15:01 at
    // 99.95: -0.10.
    TradeLeg t = only(Runs.run(FACTORY, upBreakWithPutFlow("09:15:00", 100.0).build()));

    assertThat(t.exitReason()).isEqualTo("eod");
    assertThat(t.exitTs()).isEqualTo(at(DAY, "15:15:01"));
    assertThat(t.pnlPoints()).isCloseTo(-0.10, within(1e-9));
  }

  @Test
  void againstFlowBuysThePutOnAnUpBreak() {
    TradeLeg t =
        only(Runs.run(FACTORY, upBreakWithPutFlow("09:15:00", 100.0).build(), "side=against_flow"));

    assertThat(t.optType()).isEqualTo("PE");
    assertThat(t.strike()).isEqualTo(22050);
    assertThat(t.signalTs()).isEqualTo(at(DAY, "10:30:00"));
  }

  @Test
  void openInterestIsTheFlowWhenTheFilesCarryIt() {
    // Volumes are equal (1/s each: a volume imbalance of 0), but PE OI rises 1000 -> 1500 at
    // 10:20:00 while CE OI
    // stays 1000: at 10:30:00 the window's OI increase (oi now - oi at 10:15:00) is PE 500, CE 0:
    // imbalance 1.
    TestMarket.Builder b =
        market("10:30:00", 22060.0)
            .liquidOption(EXP, CE, 22050, "09:15:00", 100.0)
            .liquidOption(EXP, PE, 22050, "09:15:00", 100.0);
    assertThat(Runs.run(FACTORY, b.build()).trades()).as("volume flow is balanced").isEmpty();

    b.optionOi(EXP, CE, 22050, "09:15:00", 1000)
        .optionOi(EXP, PE, 22050, "09:15:00", 1000, "10:20:00", 1500);
    TradeLeg t = only(Runs.run(FACTORY, b.build()));

    assertThat(t.optType()).isEqualTo("CE");
    assertThat(t.extra()).containsEntry("flow_from_oi", 1.0).containsEntry("imbalance", 1.0);
  }

  @Test
  void theRangeIncludesItsLastSecondAndBreaksAfterTheWindowAreIgnored() {
    // A spike to 22100 at 09:59:59 is in the range, so 22060 at 10:30 is no break; spot 22110 at
    // 14:00:01 breaks
    // after the last entry second 14:00:00. No trade.
    TestMarket m =
        TestMarket.on(DAY)
            .spot(
                "09:15:00",
                22000.0,
                "09:30:00",
                22040.0,
                "09:45:00",
                21980.0,
                "09:59:59",
                22100.0,
                "10:00:00",
                22020.0,
                "10:30:00",
                22060.0,
                "14:00:01",
                22110.0)
            .liquidOption(EXP, CE, 22050, "09:15:00", 100.0)
            .liquidOption(EXP, CE, 22100, "09:15:00", 100.0)
            .liquidOption(EXP, PE, 22050, "09:15:00", 100.0)
            .optionVolume(EXP, PE, 22050, "09:15:00", 5)
            .liquidOption(EXP, PE, 22100, "09:15:00", 100.0)
            .optionVolume(EXP, PE, 22100, "09:15:00", 5)
            .build();

    assertThat(Runs.run(FACTORY, m).trades()).isEmpty();
    assertThat(Runs.run(FACTORY, m, "entry_end=14:00:01").trades())
        .as("the same break inside the window trades")
        .extracting(TradeLeg::signalTs)
        .containsExactly(at(DAY, "14:00:01"));
    assertThat(Runs.run(FACTORY, m, "range_end=09:59:58").trades())
        .as("without the spike, 10:30 breaks")
        .extracting(TradeLeg::signalTs)
        .containsExactly(at(DAY, "10:30:00"));
  }

  @Test
  void anEntryThatNeverFillsDoesNotUseUpTheDay() {
    // The 22050 CE traded at 09:15:00 (so it is available) and next at 10:31:00. Signal 10:30:00
    // (CE flow 0 in the
    // window, PE 2700: imbalance 1); no CE trade within 5 s of any second up to 10:30:31: cancelled
    // then. Spot is
    // still above the range, so 10:30:31 signals again, and that order fills at the CE's 10:31:00
    // trade.
    TestMarket m =
        market("10:30:00", 22060.0)
            .option(EXP, CE, 22050, "09:15:00", 100.0, "10:31:00", 101.0, "10:31:01", 101.0)
            .liquidOption(EXP, PE, 22050, "09:15:00", 100.0)
            .optionVolume(EXP, PE, 22050, "09:15:00", 3)
            .build();

    StrategyResult r = Runs.run(FACTORY, m);

    assertThat(r.events(EngineEvent.Kind.CANCEL)).hasSize(1);
    TradeLeg t = only(r);
    assertThat(t.signalTs()).isEqualTo(at(DAY, "10:30:31"));
    assertThat(t.entryTs()).isEqualTo(at(DAY, "10:31:00"));
    assertThat(t.entryPrice()).isCloseTo(101.0505, within(1e-9));
  }
}
