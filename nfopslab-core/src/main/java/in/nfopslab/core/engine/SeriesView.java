package in.nfopslab.core.engine;

import in.nfopslab.core.market.SecondBars;
import in.nfopslab.core.strategy.BarView;
import in.nfopslab.core.strategy.LookAheadException;

/**
 * The engine's {@link BarView}: one series' arrays behind a check of every index against the clock.
 * The engine itself reads the arrays directly through the package-private accessors, always at now.
 */
final class SeriesView implements BarView {
  private final Clock clock;
  private final String label;
  private final double[] close;
  private final long[] volume;
  private final int[] ticks;
  private final long[] oi;

  SeriesView(Clock clock, String label, SecondBars bars) {
    this.clock = clock;
    this.label = label;
    this.close = bars.closeArray();
    this.volume = bars.volumeArray();
    this.ticks = bars.ticksArray();
    this.oi = bars.oiArray();
    if (close.length != clock.session.seconds()) {
      throw new IllegalArgumentException(
          label
              + " has "
              + close.length
              + " seconds, the session of "
              + clock.session.date()
              + " has "
              + clock.session.seconds());
    }
  }

  String label() {
    return label;
  }

  // ---- engine access (no clock check: the engine only reads at now) ----

  double closeAt(int second) {
    return close[second];
  }

  /**
   * True when the series traded in one of the {@code maxAge} + 1 seconds ending at {@code second}.
   */
  boolean tradedWithin(int second, int maxAge) {
    int stop = Math.max(0, second - maxAge);
    for (int s = second; s >= stop; s--) {
      if (ticks[s] > 0) {
        return true;
      }
    }
    return false;
  }

  int lastTradeAtOrBefore(int second) {
    for (int s = second; s >= 0; s--) {
      if (ticks[s] > 0) {
        return s;
      }
    }
    return -1;
  }

  // ---- strategy access ----

  @Override
  public int now() {
    return clock.now;
  }

  @Override
  public double close() {
    return close(clock.now);
  }

  @Override
  public double close(int second) {
    check(second);
    return close[second];
  }

  @Override
  public double closeAgo(int lag) {
    if (lag < 0) {
      throw new LookAheadException(label + ": negative lag " + lag + " reads the future");
    }
    int s = clock.now - lag;
    if (s < 0) {
      check(clock.now); // an expired view still fails
      return Double.NaN;
    }
    return close(s);
  }

  @Override
  public long volume(int second) {
    check(second);
    return volume[second];
  }

  @Override
  public int ticks(int second) {
    check(second);
    return ticks[second];
  }

  @Override
  public boolean hasOi() {
    return oi != null;
  }

  @Override
  public long oi(int second) {
    check(second);
    return oi == null ? 0L : oi[second];
  }

  @Override
  public int lastTrade() {
    check(clock.now);
    return lastTradeAtOrBefore(clock.now);
  }

  @Override
  public double highestClose(int from, int to) {
    check(to);
    double best = Double.NaN;
    for (int s = Math.max(0, from); s <= to; s++) {
      double c = close[s];
      if (c > best || (best != best && c == c)) {
        best = c;
      }
    }
    return best;
  }

  @Override
  public double lowestClose(int from, int to) {
    check(to);
    double best = Double.NaN;
    for (int s = Math.max(0, from); s <= to; s++) {
      double c = close[s];
      if (c < best || (best != best && c == c)) {
        best = c;
      }
    }
    return best;
  }

  @Override
  public long volumeSum(int from, int to) {
    check(to);
    long sum = 0;
    for (int s = Math.max(0, from); s <= to; s++) {
      sum += volume[s];
    }
    return sum;
  }

  @Override
  public long volumeLast(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("negative window " + n);
    }
    int now = clock.now;
    return volumeSum(now - n + 1, now);
  }

  private void check(int second) {
    if (second > clock.now || second < 0) {
      throw refuse(second);
    }
  }

  private RuntimeException refuse(int second) {
    if (clock.expired) {
      return new IllegalStateException(
          label
              + " on "
              + clock.session.date()
              + " was read after its day ended: get views afresh each day");
    }
    if (second < 0) {
      return new IndexOutOfBoundsException(label + ": second " + second + " is before the open");
    }
    return new LookAheadException(
        label
            + ": second "
            + second
            + " ("
            + clock.session.timeAt(second)
            + ") is after now, second "
            + clock.now
            + " ("
            + clock.session.timeAt(clock.now)
            + ")");
  }
}
