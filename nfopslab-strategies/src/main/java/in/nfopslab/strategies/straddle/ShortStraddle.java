package in.nfopslab.strategies.straddle;

import in.nfopslab.core.strategy.ExitRules;
import in.nfopslab.core.strategy.Level;
import in.nfopslab.core.strategy.Params;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyContext;
import in.nfopslab.core.trade.Side;
import in.nfopslab.strategies.common.AtmEntries;
import java.time.LocalTime;
import java.util.Map;

/**
 * Short straddle (STRATEGIES.md #5). Every trading day at anchor, sell the ATM straddle of the
 * strategy's expiry. Per-leg stop: a leg that rises leg_stop_pct above its entry is bought back
 * alone (leg_stop); what is left exits at exit_time (eod).
 */
public final class ShortStraddle implements Strategy {
  private final LocalTime anchor;
  private final ExitRules exits;
  private int anchorSecond;

  public ShortStraddle(Params params) {
    this.anchor = params.getTime("anchor");
    LocalTime exitTime = params.getTime("exit_time");
    if (!exitTime.isAfter(anchor)) {
      throw new IllegalArgumentException(
          "short_straddle needs anchor < exit_time, got " + anchor + ", " + exitTime);
    }
    this.exits =
        ExitRules.none()
            .withLegStop(Level.percent(params.getDouble("leg_stop_pct")))
            .withEodExit(exitTime);
  }

  @Override
  public void onDayStart(StrategyContext ctx) {
    anchorSecond = ctx.secondOf(anchor);
  }

  @Override
  public void onSecond(StrategyContext ctx) {
    if (ctx.now() == anchorSecond) {
      AtmEntries.straddle(ctx, Side.SELL, exits, Map.of());
    }
  }
}
