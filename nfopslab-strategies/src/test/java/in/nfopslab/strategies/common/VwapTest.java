package in.nfopslab.strategies.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VwapTest {
  @Test
  void weighsEachPriceByItsVolumeAndIgnoresBarsWithoutPriceOrVolume() {
    Vwap v = new Vwap();
    assertThat(v.value()).isNaN();

    v.add(100, 3); // 300 / 3
    v.add(110, 1); // (300 + 110) / 4 = 102.5
    v.add(Double.NaN, 5);
    v.add(500, 0);

    assertThat(v.value()).isCloseTo(102.5, within(1e-12));
  }

  @Test
  void resetStartsANewDay() {
    Vwap v = new Vwap();
    v.add(100, 3);
    v.reset();
    v.add(90, 1);

    assertThat(v.value()).isEqualTo(90.0);
  }
}
