package in.nfopslab.strategies.burst;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.strategy.BarView;
import in.nfopslab.core.strategy.EntryOrder;
import in.nfopslab.core.strategy.ExitRules;
import in.nfopslab.core.strategy.Level;
import in.nfopslab.core.strategy.OrderLeg;
import in.nfopslab.core.strategy.Params;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyContext;
import in.nfopslab.core.trade.Side;
import in.nfopslab.strategies.common.VolumeBurst;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * ATM volume burst (STRATEGIES.md #1, the prototype's atm_volume_ultra). Hourly windows [A, A +
 * window) for A = first_window ... last_window. At A the candidates are the CE and PE of the
 * strategy's expiry at ATM - 1, ATM and ATM + 1 steps (ATM from spot at A). The first candidate to
 * burst in the window (ties: lower strike, then CE) is traded when the trend filter agrees: {@code
 * mode=sell} sells a bursting CE only if spot(t) <= spot(A) and a PE only if spot(t) >= spot(A)
 * ({@code mode=buy} buys a CE only if spot(t) >= spot(A), a PE only if spot(t) <= spot(A));
 * otherwise scanning goes on. At most one trade a window. Exits on the option's own price: stop,
 * target, trailing from the best price, and a time exit at the window's end (the last window ends
 * at the end-of-day exit).
 */
public final class AtmVolumeBurst implements Strategy {
  private static final OptionType[] TYPES = {OptionType.CE, OptionType.PE};

  private final LocalTime firstWindow;
  private final LocalTime lastWindow;
  private final int windowSecs;
  private final Side side;
  private final ExitRules exits;
  private final VolumeBurst[] bursts = new VolumeBurst[6];
  private final BarView[] candidates = new BarView[6];
  private final int[] strikes = new int[6];

  private int[] windowStarts; // session seconds of today's windows
  private int nextWindow;
  private LocalDate expiry;
  private int windowStart = -1;
  private int windowEnd = -1;
  private boolean traded;
  private double spotAtStart;
  private int atmAtStart;

  public AtmVolumeBurst(Params params) {
    this.firstWindow = params.getTime("first_window");
    this.lastWindow = params.getTime("last_window");
    this.windowSecs = params.getInt("window_mins") * 60;
    if (lastWindow.isBefore(firstWindow) || windowSecs < 60) {
      throw new IllegalArgumentException(
          "atm_volume_burst needs first_window <= last_window and window_mins >= 1");
    }
    this.side = params.getString("mode").equals("buy") ? Side.BUY : Side.SELL;
    this.exits =
        ExitRules.none()
            .withStop(Level.percent(params.getDouble("stop_pct")))
            .withTarget(Level.percent(params.getDouble("target_pct")))
            .withTrailing(Level.percent(params.getDouble("trail_pct")));
    for (int i = 0; i < bursts.length; i++) {
      bursts[i] =
          new VolumeBurst(
              params.getInt("short_secs"), params.getInt("base_secs"), params.getDouble("mult"));
    }
  }

  @Override
  public void onDayStart(StrategyContext ctx) {
    int n = (lastWindow.toSecondOfDay() - firstWindow.toSecondOfDay()) / windowSecs + 1;
    windowStarts = new int[n];
    for (int k = 0; k < n; k++) {
      windowStarts[k] = ctx.secondOf(firstWindow.plusSeconds((long) k * windowSecs));
    }
    nextWindow = 0;
    windowStart = -1;
    windowEnd = -1;
  }

  @Override
  public void onSecond(StrategyContext ctx) {
    int t = ctx.now();
    while (nextWindow < windowStarts.length && windowStarts[nextWindow] < t) {
      nextWindow++; // a window outside today's session
    }
    if (nextWindow < windowStarts.length && windowStarts[nextWindow] == t) {
      nextWindow++;
      openWindow(ctx);
    }
    if (windowStart < 0 || traded || t >= windowEnd) {
      return;
    }
    double spot = ctx.spot().close();
    for (int i = 0; i < candidates.length; i++) {
      if (candidates[i] != null
          && bursts[i].test(candidates[i])
          && trendAgrees(TYPES[i % 2], spot)) {
        enter(ctx, i, spot);
        return;
      }
    }
  }

  /**
   * Candidates at A: CE and PE at ATM - 1, ATM, ATM + 1 steps, in tie-break order (strike, then CE
   * before PE).
   */
  private void openWindow(StrategyContext ctx) {
    windowStart = ctx.now();
    windowEnd = windowStart + windowSecs;
    traded = false;
    spotAtStart = ctx.spot().close();
    expiry = ctx.expiry();
    atmAtStart = ctx.atm();
    java.util.Arrays.fill(candidates, null);
    if (expiry == null || atmAtStart == StrategyContext.NO_STRIKE) {
      traded = true; // nothing to scan this window (skip recorded)
      return;
    }
    int step = ctx.strikeStep();
    for (int k = 0; k < 3; k++) {
      for (int j = 0; j < 2; j++) {
        int i = 2 * k + j;
        strikes[i] = atmAtStart + (k - 1) * step;
        candidates[i] = ctx.option(expiry, TYPES[j], strikes[i]);
      }
    }
  }

  /** The trend filter: a seller fades the option's direction, a buyer follows it. */
  private boolean trendAgrees(OptionType type, double spot) {
    boolean upOrFlat = spot >= spotAtStart;
    boolean downOrFlat = spot <= spotAtStart;
    if (side == Side.SELL) {
      return type == OptionType.CE ? downOrFlat : upOrFlat;
    }
    return type == OptionType.CE ? upOrFlat : downOrFlat;
  }

  private void enter(StrategyContext ctx, int i, double spot) {
    traded = true;
    LocalTime end = windowEnd < ctx.session().seconds() ? ctx.session().timeAt(windowEnd) : null;
    EntryOrder order =
        EntryOrder.of(
                exits.withTimeExit(end), new OrderLeg(expiry, TYPES[i % 2], strikes[i], side, 1))
            .withExtra("spot_at_signal", spot)
            .withExtra("spot_at_window_start", spotAtStart)
            .withExtra("atm_strike", atmAtStart)
            .withExtra("vol30", bursts[i].shortVolume())
            .withExtra("base30", bursts[i].base());
    ctx.enter(order);
  }
}
