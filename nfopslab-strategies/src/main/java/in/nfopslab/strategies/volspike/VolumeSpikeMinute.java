package in.nfopslab.strategies.volspike;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.strategy.BarView;
import in.nfopslab.core.strategy.ExitRules;
import in.nfopslab.core.strategy.Params;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyContext;
import in.nfopslab.core.trade.Side;
import in.nfopslab.strategies.common.AtmEntries;
import in.nfopslab.strategies.common.ChainViews;
import in.nfopslab.strategies.common.Levels;
import in.nfopslab.strategies.common.MinuteVolume;
import in.nfopslab.strategies.common.ParamChecks;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

/**
 * Minute volume spike (STRATEGIES.md, opt-in list). Minutes are whole clock minutes from the open.
 * At the last second of each minute (from entry_start to entry_end), the nearest-expiry ATM CE and
 * PE (ATM from spot at that second) are each checked: the minute's volume must exceed spike_mult
 * (4) x the mean volume of the previous base_mins (5) minutes, which must be positive and all
 * inside today's session. The spiking option is bought (both: the larger ratio, CE on a tie);
 * deciding at hh:mm:59 fills at the next minute's first second. Exits: target 5 and stop 3 premium
 * points, the run's end of day. One position at a time; a minute ending while one is held is not
 * checked.
 */
public final class VolumeSpikeMinute implements Strategy {
  private static final OptionType[] TYPES = {OptionType.CE, OptionType.PE};

  private final double mult;
  private final int baseMins;
  private final LocalTime start;
  private final LocalTime end;
  private final ExitRules exits;

  private int startSecond;
  private int endSecond;
  private ChainViews chain;
  private boolean noExpiry;

  public VolumeSpikeMinute(Params params) {
    this.mult = params.getDouble("spike_mult");
    this.baseMins =
        ParamChecks.positive("volume_spike_minute", "base_mins", params.getInt("base_mins"));
    this.start = params.getTime("entry_start");
    this.end = params.getTime("entry_end");
    ParamChecks.requireOrder("volume_spike_minute", "entry_start", start, "entry_end", end);
    this.exits =
        ExitRules.none()
            .withTarget(Levels.points(params.getDouble("target_pts")))
            .withStop(Levels.points(params.getDouble("stop_pts")));
  }

  @Override
  public void onDayStart(StrategyContext ctx) {
    startSecond = Math.max(0, ctx.secondOf(start));
    endSecond = ctx.secondOf(end);
    chain = null;
    noExpiry = false;
  }

  @Override
  public void onSecond(StrategyContext ctx) {
    int now = ctx.now();
    if (!MinuteVolume.isMinuteEnd(now)
        || now < startSecond
        || now > endSecond
        || noExpiry
        || ctx.hasActivePosition()
        || !MinuteVolume.hasBase(now, baseMins)) {
      return;
    }
    if (chain == null) {
      LocalDate expiry = ctx.expiry();
      if (expiry == null) {
        noExpiry = true;
        return;
      }
      chain = new ChainViews(ctx, expiry);
    }
    int atm = ctx.atm();
    if (atm == StrategyContext.NO_STRIKE) {
      return;
    }
    OptionType best = null;
    double bestRatio = 0;
    for (OptionType type : TYPES) {
      BarView v = chain.get(type, atm);
      double ratio = v == null ? Double.NaN : MinuteVolume.ratio(v, baseMins);
      if (ratio > mult && ratio > bestRatio) {
        best = type;
        bestRatio = ratio;
      }
    }
    if (best != null) {
      BarView v = chain.get(best, atm);
      AtmEntries.single(
          ctx,
          best,
          Side.BUY,
          exits,
          Map.of(
              "minute_volume",
              (double) MinuteVolume.lastMinute(v),
              "base_volume",
              MinuteVolume.baseMean(v, baseMins),
              "spike_ratio",
              bestRatio));
    }
  }
}
