package in.nfopslab.strategies.common;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.strategy.BarView;

/**
 * A volume burst on one series (STRATEGIES.md #1): vol30(t) = volume over the last {@code
 * shortSecs} seconds, base(t) = mean volume per second over the last {@code baseSecs} seconds x
 * {@code shortSecs}; a burst when base &gt; 0 and vol30 &gt;= mult x base. Both windows end at now
 * and include it (so the base window contains the short one); seconds before the open count as zero
 * volume.
 *
 * <p>One instance follows one series at a time: asked second after second about the same view, it
 * slides both sums by one bar; asked about another view or after a gap, it sums the windows afresh.
 * No allocation.
 */
public final class VolumeBurst {
  private final int shortSecs;
  private final int baseSecs;
  private final double mult;
  private BarView series;
  private int at = -1;
  private long shortSum;
  private long baseSum;

  public VolumeBurst(int shortSecs, int baseSecs, double mult) {
    if (shortSecs < 1 || baseSecs < shortSecs) {
      throw new IllegalArgumentException(
          "burst windows need 1 <= short <= base, got " + shortSecs + ", " + baseSecs);
    }
    if (!(mult > 0) || Double.isInfinite(mult)) {
      throw new IllegalArgumentException("burst multiple must be positive, got " + mult);
    }
    this.shortSecs = shortSecs;
    this.baseSecs = baseSecs;
    this.mult = mult;
  }

  /** The prototype's windows: 30 s against a 300 s base. */
  public static VolumeBurst standard(double mult) {
    return new VolumeBurst(30, 300, mult);
  }

  /** True when {@code view} bursts at its current second. */
  public boolean test(BarView view) {
    slideTo(requireNonNull(view, "view is null"));
    double base = base();
    return base > 0 && shortSum >= mult * base;
  }

  /** Volume over the short window at the last tested second. */
  public long shortVolume() {
    return shortSum;
  }

  /**
   * The base at the last tested second: mean volume per second over the base window x the short
   * window.
   */
  public double base() {
    return (double) baseSum / baseSecs * shortSecs;
  }

  private void slideTo(BarView view) {
    int now = view.now();
    if (view == series && now == at + 1 && at >= 0) {
      long v = view.volume(now);
      shortSum += v - (now - shortSecs >= 0 ? view.volume(now - shortSecs) : 0);
      baseSum += v - (now - baseSecs >= 0 ? view.volume(now - baseSecs) : 0);
    } else if (view != series || now != at) {
      shortSum = view.volumeSum(now - shortSecs + 1, now);
      baseSum = view.volumeSum(now - baseSecs + 1, now);
    }
    series = view;
    at = now;
  }
}
