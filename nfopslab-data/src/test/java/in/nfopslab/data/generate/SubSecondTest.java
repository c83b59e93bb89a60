package in.nfopslab.data.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SubSecondTest {
  @Test
  void offsetsAreStrictlyIncreasingInsideTheSecondAtTheUnitsResolution() {
    SplittableRandom rng = new SplittableRandom(1);
    long[] out = new long[Draws.MAX_POISSON];
    for (int round = 0; round < 10_000; round++) {
      int count = 1 + rng.nextInt(Draws.MAX_POISSON);
      // a coarse unit makes collisions likely, so the de-duplication is exercised
      long units = round % 2 == 0 ? 1_000_000L : 20L;
      SubSecond.offsets(rng, count, units, out);
      for (int i = 0; i < count; i++) {
        assertThat(out[i]).isBetween(0L, 999_999_999L);
        assertThat(out[i] % (1_000_000_000L / units)).isZero();
        if (i > 0) {
          assertThat(out[i]).isGreaterThan(out[i - 1]);
        }
      }
    }
  }
}
