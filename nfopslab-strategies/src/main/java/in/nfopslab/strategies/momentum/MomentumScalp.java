package in.nfopslab.strategies.momentum;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.strategy.BarView;
import in.nfopslab.core.strategy.EntryOrder;
import in.nfopslab.core.strategy.ExitRules;
import in.nfopslab.core.strategy.OrderLeg;
import in.nfopslab.core.strategy.Params;
import in.nfopslab.core.strategy.PositionState;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.strategy.StrategyContext;
import in.nfopslab.core.trade.Side;
import in.nfopslab.strategies.common.ChainViews;
import in.nfopslab.strategies.common.Levels;
import in.nfopslab.strategies.common.ParamChecks;
import in.nfopslab.strategies.common.SymbolDefaults;
import in.nfopslab.strategies.common.VolumeBurst;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Momentum scalp (STRATEGIES.md #12). Momentum pm = spot now - spot short_secs (3) ago. Strike:
 * ATM, or the nearest strike where both the CE and the PE of the nearest expiry have traded. Volume
 * confirmation (off when vol_mult = 0): CE + PE volume at that strike over the last short_secs >=
 * vol_mult (1.05) x their mean volume per second over the last base_secs (20) x short_secs, with a
 * positive base. {@code mode=buy}: pm >= price_thresh buys the CE, pm <= -price_thresh buys the PE;
 * {@code mode=sell_opposite}: an up move sells the PE, a down move sells the CE. price_thresh 0
 * means by symbol: NIFTY 1.5, BANKNIFTY 3. Exits in premium points: target 2, stop 1, trailing 0.5
 * (engine); momentum drop: spot moving against the trade drop_confirm (2) seconds in a row
 * (signal); exit_time 15:15 (eod). One position at a time, cooldown_secs (10) after an exit,
 * entries until entry_end.
 *
 * <p>{@code probe=true} is a debugging switch: on a day with no entry by probe_at (15:00), it
 * enters once at probe_at in the direction of the largest short_secs spot move of the day so far,
 * without volume confirmation; its rows have {@code probe = 1}. (The spec's "at the first second of
 * the largest move" would need the rest of the day; the engine shows no bar after now, so the probe
 * enters when it is decided.)
 */
public final class MomentumScalp implements Strategy {
  private final boolean buy;
  private final int shortSecs;
  private final double thresh;
  private final double volMult;
  private final VolumeBurst ceVolume;
  private final VolumeBurst peVolume;
  private final int dropConfirm;
  private final int cooldownSecs;
  private final LocalTime entryEnd;
  private final boolean probe;
  private final LocalTime probeAt;
  private final ExitRules exits;

  private int entryEndSecond;
  private int probeSecond;
  private ChainViews chain;
  private boolean noExpiry;
  private int atmSeen;
  private int strike;
  private int position;
  private int direction;
  private int against;
  private int nextEntry;
  private boolean enteredToday;
  private double largestMove;

  public MomentumScalp(StrategyConfig config) {
    Params params = config.params();
    this.buy = params.getString("mode").equals("buy");
    this.shortSecs =
        ParamChecks.positive("momentum_scalp", "short_secs", params.getInt("short_secs"));
    this.thresh =
        SymbolDefaults.resolve(
            "momentum_scalp",
            "price_thresh",
            params.getDouble("price_thresh"),
            config.symbol(),
            MomentumScalpFactory.NIFTY_THRESH,
            MomentumScalpFactory.BANKNIFTY_THRESH);
    this.volMult =
        ParamChecks.notNegative("momentum_scalp", "vol_mult", params.getDouble("vol_mult"));
    int baseSecs = params.getInt("base_secs");
    this.ceVolume = volMult == 0 ? null : new VolumeBurst(shortSecs, baseSecs, volMult);
    this.peVolume = volMult == 0 ? null : new VolumeBurst(shortSecs, baseSecs, volMult);
    this.dropConfirm =
        ParamChecks.notNegative("momentum_scalp", "drop_confirm", params.getInt("drop_confirm"));
    this.cooldownSecs =
        ParamChecks.notNegative("momentum_scalp", "cooldown_secs", params.getInt("cooldown_secs"));
    this.entryEnd = params.getTime("entry_end");
    LocalTime exitTime = params.getTime("exit_time");
    this.probe = params.getBoolean("probe");
    this.probeAt = params.getTime("probe_at");
    ParamChecks.requireOrder("momentum_scalp", "entry_end", entryEnd, "exit_time", exitTime);
    ParamChecks.requireOrder("momentum_scalp", "probe_at", probeAt, "exit_time", exitTime);
    this.exits =
        ExitRules.none()
            .withTarget(Levels.points(params.getDouble("target_pts")))
            .withStop(Levels.points(params.getDouble("stop_pts")))
            .withTrailing(Levels.points(params.getDouble("trail_pts")))
            .withEodExit(exitTime);
  }

  @Override
  public void onDayStart(StrategyContext ctx) {
    entryEndSecond = ctx.secondOf(entryEnd);
    probeSecond = probe ? ctx.secondOf(probeAt) : -1;
    chain = null;
    noExpiry = false;
    atmSeen = StrategyContext.NO_STRIKE;
    strike = StrategyContext.NO_STRIKE;
    position = StrategyContext.NO_POSITION;
    nextEntry = 0;
    enteredToday = false;
    largestMove = 0;
  }

  @Override
  public void onSecond(StrategyContext ctx) {
    int now = ctx.now();
    BarView spot = ctx.spot();
    double pm = spot.close() - spot.closeAgo(shortSecs); // NaN for the first short_secs seconds
    if (Math.abs(pm) > Math.abs(largestMove)) {
      largestMove = pm;
    }
    if (position != StrategyContext.NO_POSITION) {
      manage(ctx, spot);
    } else if (now == probeSecond && !enteredToday && largestMove != 0) {
      enter(ctx, largestMove > 0 ? 1 : -1, largestMove, true);
    } else if (now >= nextEntry && now <= entryEndSecond) {
      if (pm >= thresh) {
        enter(ctx, 1, pm, false);
      } else if (pm <= -thresh) {
        enter(ctx, -1, pm, false);
      }
    }
  }

  /** Momentum drop, and the cooldown once the position is out. */
  private void manage(StrategyContext ctx, BarView spot) {
    PositionState state = ctx.state(position);
    if (state == PositionState.OPEN && dropConfirm > 0) {
      double move = spot.close() - spot.closeAgo(1);
      against = direction * move < 0 ? against + 1 : 0;
      if (against >= dropConfirm) {
        ctx.exit(position);
      }
    } else if (state == PositionState.CLOSED) {
      position = StrategyContext.NO_POSITION;
      nextEntry = ctx.now() + cooldownSecs;
    } else if (state == PositionState.CANCELLED) {
      position = StrategyContext.NO_POSITION;
    }
  }

  /** An entry for a move up (+1) or down (-1). */
  private void enter(StrategyContext ctx, int dir, double move, boolean isProbe) {
    if (!strikeNow(ctx) || (!isProbe && volMult > 0 && !volumeConfirms())) {
      return;
    }
    OptionType type = (dir > 0) == buy ? OptionType.CE : OptionType.PE;
    OrderLeg leg = new OrderLeg(chain.expiry(), type, strike, buy ? Side.BUY : Side.SELL, 1);
    position =
        ctx.enter(
            EntryOrder.of(exits, leg)
                .withExtra("momentum", move)
                .withExtra("price_thresh", thresh)
                .withExtra("spot_at_signal", ctx.spot().close())
                .withExtra("probe", isProbe ? 1 : 0));
    if (position != StrategyContext.NO_POSITION) {
      direction = dir;
      against = 0;
      enteredToday = true;
    }
  }

  /**
   * Finds the straddle strike now; kept while ATM stays where it was and the strike is the ATM
   * itself.
   */
  private boolean strikeNow(StrategyContext ctx) {
    if (chain == null) {
      if (noExpiry) {
        return false;
      }
      LocalDate expiry = ctx.expiry();
      if (expiry == null) {
        noExpiry = true;
        return false;
      }
      chain = new ChainViews(ctx, expiry);
    }
    int atm = ctx.atm();
    if (atm != atmSeen || strike != atm) {
      atmSeen = atm;
      strike = ctx.nearestAvailable(chain.expiry(), atm, OptionType.CE, OptionType.PE);
    }
    return strike != StrategyContext.NO_STRIKE;
  }

  private boolean volumeConfirms() {
    ceVolume.test(chain.get(OptionType.CE, strike));
    peVolume.test(chain.get(OptionType.PE, strike));
    double base = ceVolume.base() + peVolume.base();
    return base > 0 && ceVolume.shortVolume() + peVolume.shortVolume() >= volMult * base;
  }
}
