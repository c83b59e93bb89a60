package in.nfopslab.strategies.volspike;

import static in.nfopslab.core.instrument.OptionType.CE;
import static in.nfopslab.core.instrument.OptionType.PE;
import static in.nfopslab.strategies.Runs.at;
import static in.nfopslab.strategies.Runs.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.trade.TradeLeg;
import in.nfopslab.strategies.Runs;
import org.junit.jupiter.api.Test;

/**
 * Spot 22010 all day: ATM 22000. The 22000 CE and PE trade every second with volume 1 (60 a minute)
 * unless a test gives a minute more. A buy at 100 fills at 100.05; a sale at p receives p -
 * max(0.05% x p, 0.05).
 */
class VolumeSpikeMinuteTest {
  static final String DAY = "2024-01-08";
  static final String EXP = "2024-01-11";
  static final VolumeSpikeMinuteFactory FACTORY = new VolumeSpikeMinuteFactory();

  static TestMarket.Builder market(Object[] cePrices, Object[] pePrices) {
    return TestMarket.on(DAY)
        .spot("09:15:00", 22010.0)
        .liquidOption(EXP, CE, 22000, cePrices)
        .liquidOption(EXP, PE, 22000, pePrices);
  }

  static Object[] flat() {
    return new Object[] {"09:15:00", 100.0};
  }

  @Test
  void aMinuteAboveFourTimesItsBaseBuysAtTheNextMinuteAndTakesTheTarget() {
    // 10:00:00-10:00:59 the CE trades 5 a second: 300 against a base of 60 (09:55-09:59): ratio 5 >
    // 4.
    // Decided 10:00:59, filled 10:01:00 at 100.05. Target 5 points: CE 106 at 10:05:00 (+5.95) ->
    // filled 10:05:01
    // at 106 - 0.053 = 105.947: +5.897 points. Later minutes: base (4 x 60 + 300) / 5 = 108 against
    // 60, no signal.
    TestMarket m =
        market(new Object[] {"09:15:00", 100.0, "10:05:00", 106.0}, flat())
            .optionVolume(EXP, CE, 22000, "09:15:00", 1, "10:00:00", 5, "10:01:00", 1)
            .build();

    TradeLeg t = only(Runs.run(FACTORY, m));

    assertThat(t.strategy()).isEqualTo("volume_spike_minute");
    assertThat(t.optType()).isEqualTo("CE");
    assertThat(t.side().name()).isEqualTo("BUY");
    assertThat(t.signalTs()).isEqualTo(at(DAY, "10:00:59"));
    assertThat(t.entryTs()).isEqualTo(at(DAY, "10:01:00"));
    assertThat(t.exitReason()).isEqualTo("target");
    assertThat(t.exitTs()).isEqualTo(at(DAY, "10:05:01"));
    assertThat(t.pnlPoints()).isCloseTo(5.897, within(1e-9));
    assertThat(t.extra())
        .containsEntry("minute_volume", 300.0)
        .containsEntry("base_volume", 60.0)
        .containsEntry("spike_ratio", 5.0);
  }

  @Test
  void aSpikeThatRunsIntoTheStopLoses() {
    // PE spike 10:00 (300 vs 60), bought 10:01:00 at 100.05; PE 96 at 10:03:00: -4.05 <= -3 ->
    // stop, filled
    // 10:03:01 at 96 - 0.05 = 95.95: -4.10 points, -205 rupees.
    TestMarket m =
        market(flat(), new Object[] {"09:15:00", 100.0, "10:03:00", 96.0})
            .optionVolume(EXP, PE, 22000, "09:15:00", 1, "10:00:00", 5, "10:01:00", 1)
            .build();

    TradeLeg t = only(Runs.run(FACTORY, m));

    assertThat(t.optType()).isEqualTo("PE");
    assertThat(t.exitReason()).isEqualTo("stop");
    assertThat(t.exitTs()).isEqualTo(at(DAY, "10:03:01"));
    assertThat(t.pnlPoints()).isCloseTo(-4.10, within(1e-9));
    assertThat(t.pnlInr()).isCloseTo(-205.0, within(1e-6));
  }

  @Test
  void exactlyFourTimesTheBaseIsNoSpike() {
    // 4 a second for a minute: 240 = 4 x 60, not above it.
    TestMarket m =
        market(flat(), flat())
            .optionVolume(EXP, CE, 22000, "09:15:00", 1, "10:00:00", 4, "10:01:00", 1)
            .build();

    assertThat(Runs.run(FACTORY, m).trades()).isEmpty();
  }

  @Test
  void whenBothSpikeTheLargerRatioIsBoughtAndASpikeWhileHoldingIsIgnored() {
    // 10:00: CE 300 / 60 = 5, PE 360 / 60 = 6 -> buy the PE at 10:01:00. 10:30 the CE spikes again
    // (600 vs 60)
    // while the PE is held: not checked. Both flat at 100: the PE leaves at the run's end of day,
    // 15:20:00, filled
    // 15:20:01 at 99.95: -0.10.
    TestMarket m =
        market(flat(), flat())
            .optionVolume(
                EXP,
                CE,
                22000,
                "09:15:00",
                1,
                "10:00:00",
                5,
                "10:01:00",
                1,
                "10:30:00",
                10,
                "10:31:00",
                1)
            .optionVolume(EXP, PE, 22000, "09:15:00", 1, "10:00:00", 6, "10:01:00", 1)
            .build();

    TradeLeg t = only(Runs.run(FACTORY, m));

    assertThat(t.optType()).isEqualTo("PE");
    assertThat(t.extra()).containsEntry("spike_ratio", 6.0);
    assertThat(t.exitReason()).isEqualTo("eod");
    assertThat(t.exitTs()).isEqualTo(at(DAY, "15:20:01"));
    assertThat(t.pnlPoints()).isCloseTo(-0.10, within(1e-9));
  }

  @Test
  void aMinuteNeedsFiveWholeMinutesOfTodayBeforeIt() {
    // 09:19 (the fifth minute) trades 10 a second, 600 against 60: only four minutes precede it, no
    // signal.
    // With base_mins=4 it signals at 09:19:59 and fills at 09:20:00.
    TestMarket m =
        market(flat(), flat())
            .optionVolume(EXP, CE, 22000, "09:15:00", 1, "09:19:00", 10, "09:20:00", 1)
            .build();

    assertThat(Runs.run(FACTORY, m).trades()).isEmpty();
    assertThat(only(Runs.run(FACTORY, m, "base_mins=4")).entryTs()).isEqualTo(at(DAY, "09:20:00"));
  }
}
