package in.nfopslab.data.generate;

import java.util.SplittableRandom;

/** Small random draws the models share, written for hot loops (no allocation). */
final class Draws {
  /** Counts above this are cut, so a burst cannot stall a loop. */
  static final int MAX_POISSON = 12;

  private Draws() {}

  /**
   * Poisson by inversion; meant for small means (a few per second at most), capped at {@link
   * #MAX_POISSON}.
   */
  static int poisson(SplittableRandom rng, double mean) {
    if (!(mean > 0)) {
      return 0;
    }
    double u = rng.nextDouble();
    double p = Math.exp(-mean);
    double cdf = p;
    int k = 0;
    while (u > cdf && k < MAX_POISSON) {
      k++;
      p *= mean / k;
      cdf += p;
    }
    return k;
  }

  /** Geometric count (0, 1, 2, ...) with the given mean. */
  static long geometric(SplittableRandom rng, double mean) {
    if (!(mean > 0)) {
      return 0;
    }
    double q = mean / (1 + mean); // chance of one more
    return (long) Math.floor(Math.log(1 - rng.nextDouble()) / Math.log(q));
  }

  static double exponential(SplittableRandom rng, double mean) {
    return -mean * Math.log(1 - rng.nextDouble());
  }

  static double sign(SplittableRandom rng) {
    return rng.nextBoolean() ? 1 : -1;
  }
}
