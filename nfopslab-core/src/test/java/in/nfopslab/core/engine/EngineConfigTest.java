package in.nfopslab.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class EngineConfigTest {
  @Test
  void defaultsAreTheSharedConventions() {
    EngineConfig c = EngineConfig.defaults();

    assertThat(c.latencySecs()).isEqualTo(1);
    assertThat(c.slippage()).isEqualTo(SlippageModel.percent(0.05, 0.05));
    assertThat(c.staleFillSecs()).isEqualTo(5);
    assertThat(c.orderTimeoutSecs()).isEqualTo(30);
    assertThat(c.eodExit()).isEqualTo(LocalTime.of(15, 20));
    assertThat(c.atmRef()).isEqualTo(AtmRef.SPOT);
    assertThat(c.maxStrikeShift()).isEqualTo(3);
    assertThat(c.lots()).isEqualTo(1);
  }

  @Test
  void eachWitherChangesItsOwnFieldAndKeepsTheOthers() {
    EngineConfig d = EngineConfig.defaults();
    SlippageModel points = SlippageModel.points(0.5);

    assertThat(d.withLatencySecs(2)).isEqualTo(copy(d, 0, 2));
    assertThat(d.withSlippage(points)).isEqualTo(copy(d, 1, points));
    assertThat(d.withStaleFillSecs(9)).isEqualTo(copy(d, 2, 9));
    assertThat(d.withOrderTimeoutSecs(60)).isEqualTo(copy(d, 3, 60));
    assertThat(d.withEodExit(null)).isEqualTo(copy(d, 4, null));
    assertThat(d.withAtmRef(AtmRef.FUTURES)).isEqualTo(copy(d, 5, AtmRef.FUTURES));
    assertThat(d.withMaxStrikeShift(0)).isEqualTo(copy(d, 6, 0));
    assertThat(d.withLots(4)).isEqualTo(copy(d, 7, 4));
    assertThat(d.withFuturesSlippage(points)).isEqualTo(copy(d, 8, points));
  }

  /** c with its {@code index}-th component (in declaration order) replaced by value. */
  private static EngineConfig copy(EngineConfig c, int index, Object value) {
    Object[] v = {
      c.latencySecs(),
      c.slippage(),
      c.staleFillSecs(),
      c.orderTimeoutSecs(),
      c.eodExit(),
      c.atmRef(),
      c.maxStrikeShift(),
      c.lots(),
      c.futuresSlippage()
    };
    v[index] = value;
    return new EngineConfig(
        (int) v[0],
        (SlippageModel) v[1],
        (int) v[2],
        (int) v[3],
        (LocalTime) v[4],
        (AtmRef) v[5],
        (int) v[6],
        (int) v[7],
        (SlippageModel) v[8]);
  }

  @Test
  void aZeroLatencyIsRefusedBecauseItWouldFillOnTheSignalsOwnBar() {
    assertThatThrownBy(() -> EngineConfig.defaults().withLatencySecs(0))
        .hasMessageContaining("at least 1 s");
    assertThatThrownBy(() -> EngineConfig.defaults().withLots(0)).hasMessageContaining("lots");
  }

  @Test
  void slippageIsParsedFromPercentOrPoints() {
    assertThat(SlippageModel.parse("0.05%")).isEqualTo(SlippageModel.percent(0.05, 0.05));
    assertThat(SlippageModel.parse("0.1%,min=0.2")).isEqualTo(SlippageModel.percent(0.1, 0.2));
    assertThat(SlippageModel.parse("0.5pts")).isEqualTo(SlippageModel.points(0.5));
    assertThat(SlippageModel.parse("1pt")).isEqualTo(SlippageModel.points(1));
    assertThat(SlippageModel.parse("0.1%:0.2")).isEqualTo(SlippageModel.percent(0.1, 0.2));
    assertThat(SlippageModel.parse("0.5")).isEqualTo(SlippageModel.points(0.5));
    assertThat(SlippageModel.parse("none").amount(100)).isZero();
    assertThatThrownBy(() -> SlippageModel.parse("half"))
        .hasMessageContaining("expected e.g. 0.05%");
    assertThatThrownBy(() -> SlippageModel.parse("-1")).hasMessageContaining("expected e.g. 0.05%");
    assertThatThrownBy(() -> SlippageModel.parse("0.05%:x"))
        .hasMessageContaining("expected e.g. 0.05%");
  }

  @Test
  void slippageIsChargedAgainstTheTraderAndASaleNeverGoesNegative() {
    SlippageModel s = SlippageModel.DEFAULT;

    assertThat(s.buyPrice(300)).isCloseTo(300.15, within(1e-12));
    assertThat(s.sellPrice(300)).isCloseTo(299.85, within(1e-12));
    assertThat(s.buyPrice(10)).isCloseTo(10.05, within(1e-12));
    assertThat(s.sellPrice(0.05)).isZero();
  }

  @Test
  void tradeIdsEncodeTheDateAndTheDaysSequence() {
    long id = TradeIds.of(LocalDate.of(2024, 1, 8), 42);

    assertThat(id).isEqualTo(2024010800042L);
    assertThat(TradeIds.date(id)).isEqualTo(LocalDate.of(2024, 1, 8));
    assertThat(TradeIds.sequence(id)).isEqualTo(42);
    assertThatThrownBy(() -> TradeIds.of(LocalDate.of(2024, 1, 8), 100_000))
        .hasMessageContaining("1..99999");
  }
}
