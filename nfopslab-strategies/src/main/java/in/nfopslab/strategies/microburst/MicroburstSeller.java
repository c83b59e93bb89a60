package in.nfopslab.strategies.microburst;

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
import in.nfopslab.strategies.common.ChainViews;
import in.nfopslab.strategies.common.Levels;
import in.nfopslab.strategies.common.ParamChecks;
import in.nfopslab.strategies.common.SymbolDefaults;
import in.nfopslab.strategies.common.VolumeBurst;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Microburst seller (STRATEGIES.md, opt-in list): fades a short spot burst once it loses pace. At
 * second t the burst is b = spot(t-1) - spot(t-1-burst_secs) (3 s ending a second ago) and the last
 * move m = spot(t) - spot(t-1). An up burst (b >= burst_thresh) that is slowing or reversing (m < b
 * / burst_secs, its mean pace) sells the ATM CE; a down burst (b <= -burst_thresh, m > b /
 * burst_secs) sells the ATM PE. The sold option's volume must confirm it: its volume over the last
 * burst_secs >= vol_mult (1.5) x its mean per second over base_secs (60) x burst_secs, base
 * positive ({@link VolumeBurst}). burst_thresh 0 means by symbol: NIFTY 3, BANKNIFTY 6. Exits in
 * premium points: target 2, stop 2, trailing 1; the run's end of day. One position at a time,
 * cooldown_secs (60) after an exit, entries until entry_end (15:10).
 */
public final class MicroburstSeller implements Strategy {
  private final int burstSecs;
  private final double thresh;
  private final double volMult;
  private final VolumeBurst volume;
  private final int cooldownSecs;
  private final LocalTime entryEnd;
  private final ExitRules exits;

  private int entryEndSecond;
  private ChainViews chain;
  private boolean noExpiry;
  private int position;
  private int nextEntry;
  private OptionType typeSeen;
  private int atmSeen;
  private int strike;

  public MicroburstSeller(StrategyConfig config) {
    Params params = config.params();
    this.burstSecs =
        ParamChecks.positive("microburst_seller", "burst_secs", params.getInt("burst_secs"));
    this.thresh =
        SymbolDefaults.resolve(
            "microburst_seller",
            "burst_thresh",
            params.getDouble("burst_thresh"),
            config.symbol(),
            MicroburstSellerFactory.NIFTY_THRESH,
            MicroburstSellerFactory.BANKNIFTY_THRESH);
    this.volMult =
        ParamChecks.notNegative("microburst_seller", "vol_mult", params.getDouble("vol_mult"));
    this.volume =
        volMult == 0 ? null : new VolumeBurst(burstSecs, params.getInt("base_secs"), volMult);
    this.cooldownSecs =
        ParamChecks.notNegative(
            "microburst_seller", "cooldown_secs", params.getInt("cooldown_secs"));
    this.entryEnd = params.getTime("entry_end");
    this.exits =
        ExitRules.none()
            .withTarget(Levels.points(params.getDouble("target_pts")))
            .withStop(Levels.points(params.getDouble("stop_pts")))
            .withTrailing(Levels.points(params.getDouble("trail_pts")));
  }

  @Override
  public void onDayStart(StrategyContext ctx) {
    entryEndSecond = ctx.secondOf(entryEnd);
    chain = null;
    noExpiry = false;
    position = StrategyContext.NO_POSITION;
    nextEntry = 0;
    typeSeen = null;
    atmSeen = StrategyContext.NO_STRIKE;
    strike = StrategyContext.NO_STRIKE;
  }

  @Override
  public void onSecond(StrategyContext ctx) {
    int now = ctx.now();
    if (position != StrategyContext.NO_POSITION) {
      PositionState state = ctx.state(position);
      if (state == PositionState.CLOSED) {
        position = StrategyContext.NO_POSITION;
        nextEntry = now + cooldownSecs;
      } else if (state == PositionState.CANCELLED) {
        position = StrategyContext.NO_POSITION;
      }
      return;
    }
    if (now < nextEntry || now > entryEndSecond || noExpiry) {
      return;
    }
    BarView spot = ctx.spot();
    double burst = spot.closeAgo(1) - spot.closeAgo(1 + burstSecs); // NaN in the first seconds
    double last = spot.close() - spot.closeAgo(1);
    double pace = burst / burstSecs;
    if (burst >= thresh && last < pace) {
      sell(ctx, OptionType.CE, burst, last);
    } else if (burst <= -thresh && last > pace) {
      sell(ctx, OptionType.PE, burst, last);
    }
  }

  private void sell(StrategyContext ctx, OptionType type, double burst, double last) {
    if (chain == null) {
      LocalDate expiry = ctx.expiry();
      if (expiry == null) {
        noExpiry = true;
        return;
      }
      chain = new ChainViews(ctx, expiry);
    }
    int atm = ctx.atm();
    if (type != typeSeen || atm != atmSeen || strike != atm) { // kept while it is the ATM itself
      typeSeen = type;
      atmSeen = atm;
      strike = ctx.nearestAvailable(chain.expiry(), atm, type);
    }
    if (strike == StrategyContext.NO_STRIKE
        || (volume != null && !volume.test(chain.get(type, strike)))) {
      return;
    }
    position =
        ctx.enter(
            EntryOrder.of(exits, OrderLeg.sell(chain.expiry(), type, strike))
                .withExtra("burst_points", burst)
                .withExtra("last_move", last)
                .withExtra("burst_thresh", thresh)
                .withExtra("spot_at_signal", ctx.spot().close())
                .withExtra("option_volume", volume == null ? Double.NaN : volume.shortVolume())
                .withExtra("volume_base", volume == null ? Double.NaN : volume.base()));
  }
}
