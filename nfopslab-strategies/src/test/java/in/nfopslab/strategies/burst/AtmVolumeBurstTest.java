package in.nfopslab.strategies.burst;

import static in.nfopslab.core.instrument.OptionType.CE;
import static in.nfopslab.core.instrument.OptionType.PE;
import static in.nfopslab.strategies.Runs.at;
import static in.nfopslab.strategies.Runs.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import in.nfopslab.core.engine.StrategyResult;
import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.trade.Side;
import in.nfopslab.core.trade.TradeLeg;
import in.nfopslab.strategies.Runs;
import org.junit.jupiter.api.Test;

/**
 * Unless a test says otherwise: spot 22010 (ATM 22000 at every window start); CE and PE 22000 trade
 * every second with volume 1; a burst is volume 3 a second from a given time for ten minutes. With
 * 1 a second before it, the m-th second of the burst has vol30 = 30 + 2m and base = (300 + 2m) /
 * 300 x 30 = 30 + 0.2m: vol30 >= 1.5 base from m = 9 (48 >= 47.7; m = 8 gives 46 < 47.4). So a
 * burst from 10:10:00 is seen at 10:10:08. Slippage: 0.05% of the premium, at least 0.05 points.
 */
class AtmVolumeBurstTest {
  static final String DAY = "2024-01-08";
  static final String EXP = "2024-01-11";
  static final AtmVolumeBurstFactory FACTORY = new AtmVolumeBurstFactory();

  static TestMarket.Builder burst(
      TestMarket.Builder b, OptionType type, int strike, String from, String to) {
    return b.optionVolume(EXP, type, strike, from, to, 3);
  }

  @Test
  void aSoldCallThatBurstsWithSpotFlatTakesItsTarget() {
    // Window 10:00: spot(A) = 22010. CE 22000 bursts at 10:10:08 with spot 22010 <= 22010: sell,
    // filled 10:10:09 at
    // 100 - 0.05 = 99.95. Target 15% = 14.9925 points: 85 at 10:30:00 is +14.95 (not yet); 84.9 at
    // 10:31:00 is
    // +15.05 -> bought back 10:31:01 at 84.9 + 0.05 = 84.95: +15.00 points, +750 rupees. One trade
    // a window.
    TestMarket.Builder b =
        TestMarket.on(DAY)
            .spot("09:15:00", 22010.0)
            .liquidOption(EXP, CE, 22000, "09:15:00", 100.0, "10:30:00", 85.0, "10:31:00", 84.9)
            .liquidOption(EXP, PE, 22000, "09:15:00", 80.0);
    TestMarket m = burst(b, CE, 22000, "10:10:00", "10:19:59").build();

    TradeLeg t = only(Runs.run(FACTORY, m));

    assertThat(t.optType()).isEqualTo("CE");
    assertThat(t.strike()).isEqualTo(22000);
    assertThat(t.side()).isEqualTo(Side.SELL);
    assertThat(t.signalTs()).isEqualTo(at(DAY, "10:10:08"));
    assertThat(t.entryTs()).isEqualTo(at(DAY, "10:10:09"));
    assertThat(t.entryPrice()).isCloseTo(99.95, within(1e-9));
    assertThat(t.exitReason()).isEqualTo("target");
    assertThat(t.exitTs()).isEqualTo(at(DAY, "10:31:01"));
    assertThat(t.pnlPoints()).isCloseTo(15.00, within(1e-9));
    assertThat(t.pnlInr()).isCloseTo(750.0, within(1e-6));
    assertThat(t.extra())
        .containsEntry("vol30", 48.0)
        .containsEntry("spot_at_window_start", 22010.0)
        .containsEntry("atm_strike", 22000.0);
    assertThat(t.extra().get("base30")).isCloseTo(31.8, within(1e-9));
  }

  @Test
  void theTrendFilterRefusesACallAgainstARisingSpotAndTheLaterPutBurstIsSoldAndStopped() {
    // Spot 22010 at 10:00 (A), 22030 from 10:05. The CE burst from 10:10:00 is refused (22030 >
    // 22010), scanning
    // goes on; the PE bursts at 10:30:08 with spot 22030 >= 22010: sold 10:30:09 at 80 - 0.05 =
    // 79.95.
    // Stop 15% = 11.9925 -> a price of 91.9425: 91.9 at 10:40:00 holds, 92 at 10:45:00 stops;
    // bought back 10:45:01
    // at 92 + 0.05 = 92.05: -12.10 points, -605 rupees.
    TestMarket.Builder b =
        TestMarket.on(DAY)
            .spot("09:15:00", 22010.0, "10:05:00", 22030.0)
            .liquidOption(EXP, CE, 22000, "09:15:00", 100.0)
            .liquidOption(EXP, PE, 22000, "09:15:00", 80.0, "10:40:00", 91.9, "10:45:00", 92.0);
    TestMarket m =
        burst(burst(b, CE, 22000, "10:10:00", "10:19:59"), PE, 22000, "10:30:00", "10:39:59")
            .build();

    TradeLeg t = only(Runs.run(FACTORY, m));

    assertThat(t.optType()).isEqualTo("PE");
    assertThat(t.signalTs()).isEqualTo(at(DAY, "10:30:08"));
    assertThat(t.entryPrice()).isCloseTo(79.95, within(1e-9));
    assertThat(t.exitReason()).isEqualTo("stop");
    assertThat(t.exitTs()).isEqualTo(at(DAY, "10:45:01"));
    assertThat(t.pnlPoints()).isCloseTo(-12.10, within(1e-9));
    assertThat(t.pnlInr()).isCloseTo(-605.0, within(1e-6));
  }

  @Test
  void aGainGivenBackTrailsOutAndALaterWindowEndsOnItsTimeExit() {
    // Window 10:00: CE sold 10:10:09 at 99.95. 88 at 10:20:00 is the best, +11.95. Trailing 10% =
    // 9.995: out at
    // +1.955 or less; 98 at 10:25:00 is +1.95 -> bought back 10:25:01 at 98.05: +1.90 points (a
    // winner).
    // Window 13:00: the CE bursts again at 13:10:08, sold 13:10:09 at 98 - 0.05 = 97.95; flat at 98
    // (-0.05 never
    // reaches a stop, never arms the trailing stop) until the window ends: time exit 14:00:00,
    // bought back 14:00:01 at
    // 98.05: -0.10 points (a loser).
    TestMarket.Builder b =
        TestMarket.on(DAY)
            .spot("09:15:00", 22010.0)
            .liquidOption(EXP, CE, 22000, "09:15:00", 100.0, "10:20:00", 88.0, "10:25:00", 98.0);
    TestMarket m =
        burst(burst(b, CE, 22000, "10:10:00", "10:19:59"), CE, 22000, "13:10:00", "13:19:59")
            .build();

    StrategyResult r = Runs.run(FACTORY, m);

    assertThat(r.trades()).hasSize(2);
    TradeLeg trailed = r.trades().get(0);
    TradeLeg timed = r.trades().get(1);
    assertThat(trailed.exitReason()).isEqualTo("trailing");
    assertThat(trailed.exitTs()).isEqualTo(at(DAY, "10:25:01"));
    assertThat(trailed.pnlPoints()).isCloseTo(1.90, within(1e-9));
    assertThat(timed.signalTs()).isEqualTo(at(DAY, "13:10:08"));
    assertThat(timed.entryPrice()).isCloseTo(97.95, within(1e-9));
    assertThat(timed.exitReason()).isEqualTo("time");
    assertThat(timed.exitTs()).isEqualTo(at(DAY, "14:00:01"));
    assertThat(timed.pnlPoints()).isCloseTo(-0.10, within(1e-9));
  }

  @Test
  void theLastWindowEndsAtTheEndOfDayExitAndBuyModeFollowsTheTrend() {
    // mode=buy: a CE is bought only if spot(t) >= spot(A). Window 15:00: spot 22010 at A, 22020
    // from 15:05; the CE
    // bursts at 15:10:08 -> bought 15:10:09 at 100.05; the last window has no time exit: eod at
    // 15:20:00, sold
    // 15:20:01 at 99.95: -0.10 points.
    TestMarket.Builder b =
        TestMarket.on(DAY)
            .spot("09:15:00", 22010.0, "15:05:00", 22020.0)
            .liquidOption(EXP, CE, 22000, "09:15:00", 100.0);
    TestMarket m = burst(b, CE, 22000, "15:10:00", "15:19:59").build();

    TradeLeg t = only(Runs.run(FACTORY, m, "mode=buy"));

    assertThat(t.side()).isEqualTo(Side.BUY);
    assertThat(t.signalTs()).isEqualTo(at(DAY, "15:10:08"));
    assertThat(t.exitReason()).isEqualTo("eod");
    assertThat(t.exitTs()).isEqualTo(at(DAY, "15:20:01"));
    assertThat(t.pnlPoints()).isCloseTo(-0.10, within(1e-9));
  }

  @Test
  void tiesGoToTheLowerStrikeAndOnlyTheSixCandidatesOfTheWindowStartCount() {
    // At 10:00 spot 22010: candidates CE/PE 21950, 22000, 22050. CE 22100 bursts first (10:09:08)
    // but is not a
    // candidate. PE 21950 and CE 22050 burst in the same second (10:10:08), both agreeing with a
    // flat spot: the lower
    // strike wins, PE 21950, sold 10:10:09 at 60 - 0.05 = 59.95.
    TestMarket.Builder b =
        TestMarket.on(DAY)
            .spot("09:15:00", 22010.0)
            .liquidOption(EXP, PE, 21950, "09:15:00", 60.0)
            .liquidOption(EXP, CE, 22050, "09:15:00", 70.0)
            .liquidOption(EXP, CE, 22100, "09:15:00", 50.0);
    TestMarket m =
        burst(
                burst(
                    burst(b, PE, 21950, "10:10:00", "10:19:59"), CE, 22050, "10:10:00", "10:19:59"),
                CE,
                22100,
                "10:09:00",
                "10:19:59")
            .build();

    StrategyResult r = Runs.run(FACTORY, m);

    assertThat(r.trades())
        .first()
        .satisfies(
            t -> {
              assertThat(t.optType()).isEqualTo("PE");
              assertThat(t.strike()).isEqualTo(21950);
              assertThat(t.signalTs()).isEqualTo(at(DAY, "10:10:08"));
              assertThat(t.entryPrice()).isCloseTo(59.95, within(1e-9));
            });
  }
}
