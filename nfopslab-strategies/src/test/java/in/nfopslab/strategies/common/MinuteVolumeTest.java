package in.nfopslab.strategies.common;

import static in.nfopslab.core.instrument.OptionType.CE;
import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.engine.StrategyResult;
import in.nfopslab.core.strategy.BarView;
import in.nfopslab.core.testing.Scripted;
import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.testing.TestRuns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinuteVolumeTest {
  @Test
  void minutesAreCountedFromTheOpenAndTheBaseIsTheMeanOfTheMinutesBefore() {
    assertThat(MinuteVolume.isMinuteEnd(59)).isTrue(); // 09:15:59
    assertThat(MinuteVolume.isMinuteEnd(60)).isFalse();
    assertThat(MinuteVolume.hasBase(299, 5)).isFalse(); // 09:19:59: four minutes before it
    assertThat(MinuteVolume.hasBase(359, 5)).isTrue();

    // Volume 1 a second, 2 a second from 09:17:00, 7 a second in 09:20. At 09:20:59: the minute is
    // 420; the base
    // minutes 09:15..09:19 are 60, 60, 120, 120, 120 -> mean 96; ratio 4.375.
    TestMarket m =
        TestMarket.on("2024-01-08")
            .spot("09:15:00", 22000.0)
            .liquidOption("2024-01-11", CE, 22000, "09:15:00", 10.0)
            .optionVolume("2024-01-11", CE, 22000, "09:15:00", 1, "09:17:00", 2, "09:20:00", 7)
            .build();
    List<Double> seen = new ArrayList<>();
    StrategyResult r =
        TestRuns.one(
            m,
            Scripted.at(
                "09:20:59",
                ctx -> {
                  BarView v = ctx.option(LocalDate.parse("2024-01-11"), CE, 22000);
                  seen.add((double) MinuteVolume.lastMinute(v));
                  seen.add(MinuteVolume.baseMean(v, 5));
                  seen.add(MinuteVolume.ratio(v, 5));
                }));

    assertThat(r.ok()).as("%s", r.failure()).isTrue();
    assertThat(seen).containsExactly(420.0, 96.0, 4.375);
  }
}
