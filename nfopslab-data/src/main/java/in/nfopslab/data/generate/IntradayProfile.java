package in.nfopslab.data.generate;

/**
 * The intraday U shape of activity: volatility and trading are highest just after the open, lowest
 * around midday and rise again into the close. One factor per session second, scaled so that the
 * mean of its square is 1 (so it reshapes a day's variance without changing its total).
 */
final class IntradayProfile {
  static final double FLOOR = 0.7;
  static final double OPEN_BUMP = 1.4;
  static final double OPEN_DECAY = 0.05;
  static final double CLOSE_BUMP = 0.6;
  static final double CLOSE_DECAY = 0.07;

  private final double[] factor;

  private IntradayProfile(double[] factor) {
    this.factor = factor;
  }

  static IntradayProfile of(int seconds) {
    if (seconds < 2) {
      throw new IllegalArgumentException("a session needs at least 2 seconds, got " + seconds);
    }
    double[] f = new double[seconds];
    double sumSq = 0;
    for (int s = 0; s < seconds; s++) {
      double tau = s / (double) (seconds - 1);
      f[s] =
          FLOOR
              + OPEN_BUMP * Math.exp(-tau / OPEN_DECAY)
              + CLOSE_BUMP * Math.exp(-(1 - tau) / CLOSE_DECAY);
      sumSq += f[s] * f[s];
    }
    double norm = Math.sqrt(sumSq / seconds);
    for (int s = 0; s < seconds; s++) {
      f[s] /= norm;
    }
    return new IntradayProfile(f);
  }

  int seconds() {
    return factor.length;
  }

  double at(int second) {
    return factor[second];
  }

  /** The backing array, for hot loops; do not modify. */
  double[] array() {
    return factor;
  }
}
