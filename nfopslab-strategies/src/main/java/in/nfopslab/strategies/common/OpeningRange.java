package in.nfopslab.strategies.common;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.strategy.StrategyContext;
import java.time.LocalTime;

/**
 * The spot range over a window of clock times, both ends inclusive, measured once per day in the
 * first second after the window (so a decision never uses a bar of the window's future). Call
 * {@link #onDayStart} every day.
 */
public final class OpeningRange {
  private final LocalTime from;
  private final LocalTime to;
  private int fromSecond;
  private int toSecond;
  private PriceRange range;

  public OpeningRange(LocalTime from, LocalTime to) {
    this.from = requireNonNull(from, "from is null");
    this.to = requireNonNull(to, "to is null");
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException(
          "opening range ends (" + to + ") before it starts (" + from + ")");
    }
  }

  public void onDayStart(StrategyContext ctx) {
    fromSecond = Math.max(0, ctx.secondOf(from));
    toSecond = ctx.secondOf(to);
    range = null;
  }

  /**
   * The day's range from the second after the window, else null (also when the window is outside
   * the session).
   */
  public PriceRange range(StrategyContext ctx) {
    if (range == null && toSecond >= 0 && ctx.now() > toSecond) {
      range = PriceRange.of(ctx.spot(), fromSecond, toSecond);
    }
    return range;
  }
}
