package in.nfopslab.strategies.common;

import in.nfopslab.core.strategy.BarView;

/**
 * Volume by whole minute, for decisions taken at the last second of a minute: minutes are counted
 * from the session open (09:15:00 opens the first), so minute m covers seconds [60m, 60m + 59]. All
 * methods read the minute that ends now and the minutes before it; they never read a later second.
 */
public final class MinuteVolume {
  private MinuteVolume() {}

  /** True at the last second of a minute. */
  public static boolean isMinuteEnd(int second) {
    return second % 60 == 59;
  }

  /**
   * True when {@code baseMins} whole minutes of today's session precede the minute ending at {@code
   * second}.
   */
  public static boolean hasBase(int second, int baseMins) {
    return second / 60 >= baseMins;
  }

  /** Volume of the minute ending now. */
  public static long lastMinute(BarView v) {
    int now = v.now();
    return v.volumeSum(now - 59, now);
  }

  /** Mean volume of the {@code baseMins} minutes before the minute ending now. */
  public static double baseMean(BarView v, int baseMins) {
    int now = v.now();
    return (double) v.volumeSum(now - 59 - 60 * baseMins, now - 60) / baseMins;
  }

  /** The minute ending now over {@link #baseMean}, or NaN when the base is zero. */
  public static double ratio(BarView v, int baseMins) {
    double base = baseMean(v, baseMins);
    return base > 0 ? lastMinute(v) / base : Double.NaN;
  }
}
