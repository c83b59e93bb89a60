package in.nfopslab.strategies.common;

import static in.nfopslab.core.instrument.OptionType.CE;
import static in.nfopslab.core.instrument.OptionType.PE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import in.nfopslab.core.engine.StrategyResult;
import in.nfopslab.core.testing.Scripted;
import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.testing.TestRuns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowImbalanceTest {
  static final String EXP = "2024-01-11";

  /**
   * Measures at 09:25:00 (second 600) around ATM 22000 with one step each side and a 60 s window.
   */
  static List<Double> measureAt0925(TestMarket m, FlowImbalance f) {
    List<Double> out = new ArrayList<>();
    Scripted s =
        Scripted.at(
            "09:25:00",
            ctx -> out.add(f.measure(new ChainViews(ctx, LocalDate.parse(EXP)), 22000, 50, 1, 60)));
    StrategyResult r = TestRuns.one(m, s);
    assertThat(r.ok()).as("%s", r.failure()).isTrue();
    return out;
  }

  @Test
  void volumeFlowSumsTheWindowAtEveryStrikeAroundAtm() {
    // Window 09:24:01-09:25:00 = 60 s. CE: 21950 at 2/s, 22000 at 1/s -> 180. PE: 22050 at 4/s ->
    // 240; 22100 is two
    // steps out and does not count. Imbalance (240 - 180) / 420 = 1/7.
    TestMarket m =
        TestMarket.on("2024-01-08")
            .spot("09:15:00", 22000.0)
            .liquidOption(EXP, CE, 21950, "09:15:00", 10.0)
            .optionVolume(EXP, CE, 21950, "09:15:00", 2)
            .liquidOption(EXP, CE, 22000, "09:15:00", 10.0)
            .liquidOption(EXP, PE, 22050, "09:15:00", 10.0)
            .optionVolume(EXP, PE, 22050, "09:15:00", 4)
            .liquidOption(EXP, PE, 22100, "09:15:00", 10.0)
            .optionVolume(EXP, PE, 22100, "09:15:00", 1000)
            .build();
    FlowImbalance f = new FlowImbalance();

    assertThat(measureAt0925(m, f))
        .singleElement()
        .satisfies(x -> assertThat(x).isCloseTo(1.0 / 7, within(1e-12)));
    assertThat(f.fromOi()).isFalse();
    assertThat(f.ceFlow()).isEqualTo(180.0);
    assertThat(f.peFlow()).isEqualTo(240.0);
  }

  @Test
  void openInterestFlowIsTheIncreaseSinceJustBeforeTheWindowFlooredAtZeroPerSide() {
    // OI before the window is the value at 09:24:00. CE 22000: 500 -> 300 (calls closed: -200,
    // floored to 0).
    // PE 22000: 400 -> 450 at 09:24:30 (+50). Imbalance (50 - 0) / 50 = 1, from OI.
    TestMarket m =
        TestMarket.on("2024-01-08")
            .spot("09:15:00", 22000.0)
            .liquidOption(EXP, CE, 22000, "09:15:00", 10.0)
            .optionOi(EXP, CE, 22000, "09:15:00", 500, "09:24:10", 300)
            .liquidOption(EXP, PE, 22000, "09:15:00", 10.0)
            .optionOi(EXP, PE, 22000, "09:15:00", 400, "09:24:30", 450)
            .build();
    FlowImbalance f = new FlowImbalance();

    assertThat(measureAt0925(m, f)).containsExactly(1.0);
    assertThat(f.fromOi()).isTrue();
    assertThat(f.ceFlow()).isZero();
    assertThat(f.peFlow()).isEqualTo(50.0);
  }

  @Test
  void oneSeriesWithoutOiMakesTheWholeMeasureUseVolumeAndNoFlowIsNaN() {
    TestMarket mixed =
        TestMarket.on("2024-01-08")
            .spot("09:15:00", 22000.0)
            .liquidOption(EXP, CE, 22000, "09:15:00", 10.0)
            .optionOi(EXP, CE, 22000, "09:15:00", 500, "09:24:10", 900)
            .liquidOption(EXP, PE, 22000, "09:15:00", 10.0)
            .build();
    FlowImbalance f = new FlowImbalance();
    assertThat(measureAt0925(mixed, f)).containsExactly(0.0); // 60 CE volume against 60 PE volume
    assertThat(f.fromOi()).isFalse();

    TestMarket none = TestMarket.on("2024-01-08").spot("09:15:00", 22000.0).build();
    assertThat(measureAt0925(none, f).get(0)).isNaN();
  }
}
