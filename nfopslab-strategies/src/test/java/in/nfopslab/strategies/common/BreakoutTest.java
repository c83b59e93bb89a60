package in.nfopslab.strategies.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BreakoutTest {
  static final PriceRange RANGE = new PriceRange(21520, 21480); // width 40, half 20

  @Test
  void aBreakoutIsStrictlyOutsideTheRange() {
    assertThat(Breakout.of(21520.05, RANGE)).isEqualTo(Breakout.UP);
    assertThat(Breakout.of(21520, RANGE)).isEqualTo(Breakout.NONE);
    assertThat(Breakout.of(21480, RANGE)).isEqualTo(Breakout.NONE);
    assertThat(Breakout.of(21479.95, RANGE)).isEqualTo(Breakout.DOWN);
    assertThat(Breakout.of(Double.NaN, RANGE)).isEqualTo(Breakout.NONE);
  }

  @Test
  void backInsideMeansPastTheMiddleFromTheBreakoutSide() {
    // up: below 21520 - 20 = 21500; down: above 21480 + 20 = 21500
    assertThat(Breakout.UP.backInsideByHalf(21500, RANGE)).isFalse();
    assertThat(Breakout.UP.backInsideByHalf(21499.95, RANGE)).isTrue();
    assertThat(Breakout.DOWN.backInsideByHalf(21500, RANGE)).isFalse();
    assertThat(Breakout.DOWN.backInsideByHalf(21500.05, RANGE)).isTrue();
    assertThat(Breakout.NONE.backInsideByHalf(0, RANGE)).isFalse();
  }

  @Test
  void aRangeWithoutTradesIsInvalid() {
    assertThat(RANGE.isValid()).isTrue();
    assertThat(RANGE.width()).isEqualTo(40.0);
    assertThat(new PriceRange(Double.NaN, Double.NaN).isValid()).isFalse();
  }
}
