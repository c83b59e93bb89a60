package in.nfopslab.core.market;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * The spot of one trading day before today, as {@link
 * in.nfopslab.core.strategy.StrategyContext#previousDays} hands it out: a whole past day, so any
 * second of it may be read (no look-ahead), through read-only accessors.
 */
public final class PastSpot {
  private final LocalDate date;
  private final SecondBars bars;

  public PastSpot(LocalDate date, SecondBars bars) {
    this.date = requireNonNull(date, "date is null");
    this.bars = requireNonNull(bars, "bars is null");
  }

  public LocalDate date() {
    return date;
  }

  /** Seconds in that day's session. */
  public int seconds() {
    return bars.length();
  }

  /** Close at a session second of that day (forward-filled, NaN before its first trade). */
  public double close(int second) {
    return bars.close(second);
  }

  public long volume(int second) {
    return bars.volume(second);
  }

  /** The first second with a trade, or -1. */
  public int firstTrade() {
    return bars.firstTrade();
  }

  @Override
  public String toString() {
    return "PastSpot[" + date + "]";
  }
}
