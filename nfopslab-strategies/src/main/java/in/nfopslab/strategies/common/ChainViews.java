package in.nfopslab.strategies.common;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.strategy.BarView;
import in.nfopslab.core.strategy.StrategyContext;
import java.time.LocalDate;

/**
 * The option views of one expiry for one day, each looked up once and kept, so a strategy that
 * scans strikes every second does not allocate a lookup key per series per second. Make one per day
 * (in {@code onDayStart} or at the first use of the day): the views it holds stop working when the
 * day ends. Strikes that are not a multiple of the strike step are looked up through the context
 * each time.
 */
public final class ChainViews {
  private static final BarView[] NONE = new BarView[0];

  private final StrategyContext ctx;
  private final LocalDate expiry;
  private final int step;
  private int base; // strike index (strike / step) of slot 0
  private BarView[] ce = NONE;
  private BarView[] pe = NONE;
  private boolean[] ceSeen = new boolean[0];
  private boolean[] peSeen = new boolean[0];

  public ChainViews(StrategyContext ctx, LocalDate expiry) {
    this.ctx = requireNonNull(ctx, "ctx is null");
    this.expiry = requireNonNull(expiry, "expiry is null");
    this.step = ctx.strikeStep();
  }

  public LocalDate expiry() {
    return expiry;
  }

  /** The series at {@code strike}, or null when it has no data today. */
  public BarView get(OptionType type, int strike) {
    if (strike <= 0 || strike % step != 0) {
      return strike <= 0 ? null : ctx.option(expiry, type, strike);
    }
    int slot = slot(strike / step);
    boolean isCe = type == OptionType.CE;
    boolean[] seen = isCe ? ceSeen : peSeen;
    BarView[] views = isCe ? ce : pe;
    if (!seen[slot]) {
      seen[slot] = true;
      views[slot] = ctx.option(expiry, type, strike);
    }
    return views[slot];
  }

  private int slot(int index) {
    if (ce.length == 0) {
      base = index - 16;
      grow(0, 33);
    }
    if (index < base) {
      int extra = Math.max(base - index, ce.length / 2);
      grow(extra, ce.length + extra);
      base -= extra;
    } else if (index - base >= ce.length) {
      grow(0, Math.max(index - base + 1, ce.length * 3 / 2));
    }
    return index - base;
  }

  private void grow(int shift, int size) {
    ce = moved(ce, shift, size);
    pe = moved(pe, shift, size);
    ceSeen = moved(ceSeen, shift, size);
    peSeen = moved(peSeen, shift, size);
  }

  private static BarView[] moved(BarView[] a, int shift, int size) {
    BarView[] b = new BarView[size];
    System.arraycopy(a, 0, b, shift, a.length);
    return b;
  }

  private static boolean[] moved(boolean[] a, int shift, int size) {
    boolean[] b = new boolean[size];
    System.arraycopy(a, 0, b, shift, a.length);
    return b;
  }

  @Override
  public String toString() {
    return "ChainViews[" + expiry + "]";
  }
}
