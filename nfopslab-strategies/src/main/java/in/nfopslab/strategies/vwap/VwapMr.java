package in.nfopslab.strategies.vwap;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.strategy.BarView;
import in.nfopslab.core.strategy.ExitRules;
import in.nfopslab.core.strategy.Params;
import in.nfopslab.core.strategy.PositionState;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyContext;
import in.nfopslab.core.trade.Side;
import in.nfopslab.strategies.common.AtmEntries;
import in.nfopslab.strategies.common.Levels;
import in.nfopslab.strategies.common.ParamChecks;
import in.nfopslab.strategies.common.Vwap;
import java.time.LocalTime;
import java.util.Map;

/**
 * VWAP mean reversion (STRATEGIES.md #10). VWAP of the nearest futures from the open (cumulative
 * close x volume / volume of each second); without a futures file, the simple average of spot's
 * per-second closes, flagged {@code vwap_from_spot = 1}. Deviation d = (price - VWAP) / VWAP, price
 * = futures (or spot) close. Entry from entry_start to entry_end (10:00-14:30): d > threshold
 * (0.3%) buys the ATM PE, d < -threshold the ATM CE. Exits: target 20%, stop 15% (engine), d back
 * to zero or beyond (signal: d <= 0 for a PE, d >= 0 for a CE), exit_time 15:15 (eod). One position
 * at a time, at most max_trades (3) entries a day, none within cooldown_mins (10) after an exit
 * filled. An entry that never fills does not count.
 */
public final class VwapMr implements Strategy {
  private final LocalTime start;
  private final LocalTime end;
  private final double threshold;
  private final int maxTrades;
  private final int cooldownSecs;
  private final ExitRules exits;
  private final Vwap vwap = new Vwap();

  private int startSecond;
  private int endSecond;
  private boolean fromSpot;
  private int position;
  private OptionType held;
  private int trades;
  private int nextEntry;

  public VwapMr(Params params) {
    this.start = params.getTime("entry_start");
    this.end = params.getTime("entry_end");
    LocalTime exitTime = params.getTime("exit_time");
    ParamChecks.requireOrder(
        "vwap_mr", "entry_start", start, "entry_end", end, "exit_time", exitTime);
    this.threshold =
        ParamChecks.notNegative("vwap_mr", "threshold_pct", params.getDouble("threshold_pct"))
            / 100;
    this.maxTrades = ParamChecks.notNegative("vwap_mr", "max_trades", params.getInt("max_trades"));
    this.cooldownSecs =
        60 * ParamChecks.notNegative("vwap_mr", "cooldown_mins", params.getInt("cooldown_mins"));
    this.exits =
        ExitRules.none()
            .withTarget(Levels.percent(params.getDouble("target_pct")))
            .withStop(Levels.percent(params.getDouble("stop_pct")))
            .withEodExit(exitTime);
  }

  @Override
  public void onDayStart(StrategyContext ctx) {
    vwap.reset();
    startSecond = ctx.secondOf(start);
    endSecond = ctx.secondOf(end);
    fromSpot = ctx.futures() == null;
    position = StrategyContext.NO_POSITION;
    trades = 0;
    nextEntry = 0;
  }

  @Override
  public void onSecond(StrategyContext ctx) {
    BarView series = fromSpot ? ctx.spot() : ctx.futures();
    int now = ctx.now();
    double price = series.close();
    if (fromSpot) {
      vwap.add(price, 1);
    } else if (series.ticks(now) > 0) {
      vwap.add(price, series.volume(now));
    }
    double d = (price - vwap.value()) / vwap.value();
    if (position != StrategyContext.NO_POSITION) {
      manage(ctx, d);
    } else if (now >= startSecond && now <= endSecond && now >= nextEntry && trades < maxTrades) {
      if (d > threshold) {
        enter(ctx, OptionType.PE, d);
      } else if (d < -threshold) {
        enter(ctx, OptionType.CE, d);
      }
    }
  }

  private void manage(StrategyContext ctx, double d) {
    PositionState state = ctx.state(position);
    if (state == PositionState.OPEN && (held == OptionType.PE ? d <= 0 : d >= 0)) {
      ctx.exit(position);
    } else if (state == PositionState.CLOSED) {
      position = StrategyContext.NO_POSITION;
      nextEntry = ctx.now() + cooldownSecs;
    } else if (state == PositionState.CANCELLED) {
      position = StrategyContext.NO_POSITION;
      trades--;
    }
  }

  private void enter(StrategyContext ctx, OptionType type, double d) {
    position =
        AtmEntries.single(
            ctx,
            type,
            Side.BUY,
            exits,
            Map.of(
                "vwap",
                vwap.value(),
                "deviation_pct",
                100 * d,
                "vwap_from_spot",
                fromSpot ? 1.0 : 0.0));
    if (position != StrategyContext.NO_POSITION) {
      held = type;
      trades++;
    }
  }
}
