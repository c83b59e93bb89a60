package in.nfopslab.core.engine;

import in.nfopslab.core.market.SecondBars;
import in.nfopslab.core.strategy.BarView;
import in.nfopslab.core.strategy.LookAheadException;

/**
 * The engine's {@link BarView}: one series behind a check of every index against the clock. The
 * engine itself reads through the package-private accessors, always at now. Reads go through the
 * series' {@link SecondBars.Cursor}, so an option series held sparse (seconds with trades only, as
 * the seconds cache gives it) is never spread over the session's seconds: reads at now advance the
 * cursor, look-backs binary-search it.
 */
final class SeriesView implements BarView {
  private final Clock clock;
  private final String label;
  private final SecondBars.Cursor bars;
  private final boolean hasOi;

  SeriesView(Clock clock, String label, SecondBars bars) {
    this.clock = clock;
    this.label = label;
    if (bars.length() != clock.session.seconds()) {
      throw new IllegalArgumentException(
          label
              + " has "
              + bars.length()
              + " seconds, the session of "
              + clock.session.date()
              + " has "
              + clock.session.seconds());
    }
    this.bars = bars.cursor();
    this.hasOi = bars.hasOi();
  }

  String label() {
    return label;
  }

  // ---- engine access (no clock check: the engine only reads at now) ----

  double closeAt(int second) {
    return bars.close(second);
  }

  /**
   * True when the series traded in one of the {@code maxAge} + 1 seconds ending at {@code second}.
   */
  boolean tradedWithin(int second, int maxAge) {
    return bars.tradedWithin(second, maxAge);
  }

  int lastTradeAtOrBefore(int second) {
    return bars.lastTradeAtOrBefore(second);
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
    return bars.close(second);
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
    return bars.volume(second);
  }

  @Override
  public int ticks(int second) {
    check(second);
    return bars.ticks(second);
  }

  @Override
  public boolean hasOi() {
    return hasOi;
  }

  @Override
  public long oi(int second) {
    check(second);
    return bars.oi(second);
  }

  @Override
  public int lastTrade() {
    check(clock.now);
    return lastTradeAtOrBefore(clock.now);
  }

  @Override
  public double highestClose(int from, int to) {
    check(to);
    return bars.highestClose(from, to);
  }

  @Override
  public double lowestClose(int from, int to) {
    check(to);
    return bars.lowestClose(from, to);
  }

  @Override
  public long volumeSum(int from, int to) {
    check(to);
    return bars.volumeSum(from, to);
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
