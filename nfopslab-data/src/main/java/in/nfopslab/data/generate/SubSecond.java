package in.nfopslab.data.generate;

import java.util.SplittableRandom;

/** Strictly increasing random offsets inside one second for the ticks that fall in it. */
final class SubSecond {
  private SubSecond() {}

  /**
   * Fills {@code out[0..count)} with sorted distinct offsets in [0, units) and returns them scaled
   * to nanoseconds.
   *
   * @param units resolution of a second: 1,000,000 for microsecond timestamps, 1,000,000,000 for
   *     nanoseconds
   */
  static void offsets(SplittableRandom rng, int count, long units, long[] out) {
    long nanosPerUnit = 1_000_000_000L / units;
    for (int i = 0; i < count; i++) {
      // leave room at the top so that bumping duplicates up cannot leave the second
      long v = rng.nextLong(units - count);
      int j = i;
      while (j > 0 && out[j - 1] > v) {
        out[j] = out[j - 1];
        j--;
      }
      out[j] = v;
    }
    for (int i = 1; i < count; i++) {
      if (out[i] <= out[i - 1]) {
        out[i] = out[i - 1] + 1;
      }
    }
    for (int i = 0; i < count; i++) {
      out[i] *= nanosPerUnit;
    }
  }
}
