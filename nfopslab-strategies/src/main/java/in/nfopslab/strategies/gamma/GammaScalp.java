package in.nfopslab.strategies.gamma;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.strategy.BarView;
import in.nfopslab.core.strategy.ExitRules;
import in.nfopslab.core.strategy.Level;
import in.nfopslab.core.strategy.Params;
import in.nfopslab.core.strategy.PositionState;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyContext;
import in.nfopslab.core.trade.Side;
import in.nfopslab.strategies.common.AtmEntries;
import in.nfopslab.strategies.common.ClockTimes;
import in.nfopslab.strategies.common.ImpliedVols;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Map;

/**
 * Gamma scalp (STRATEGIES.md #2). At each anchor buy the ATM straddle of the strategy's expiry.
 * Delta-hedge it with the nearest futures (spot when the day has no futures file; {@code
 * hedge_on_spot} = 1 on the rows): to zero delta in the first second the straddle is filled, then
 * whenever |net delta| > rehedge_delta per straddle. Deltas are Black-Scholes at each leg's implied
 * vol now (NSE convention); a future counts as delta 1. Exits, on the total PnL of options and
 * hedges: target and stop in percent of the entry premium, and a time exit hold_mins after the
 * anchor.
 */
public final class GammaScalp implements Strategy {
  private final LocalTime[] anchors;
  private final int holdSecs;
  private final double rehedgeDelta;
  private final ExitRules exits;

  private int[] anchorSeconds;
  // the straddles of today that may still be open, with what the hedging needs
  private int[] positions = new int[8];
  private LocalDate[] expiries = new LocalDate[8];
  private int[] strikes = new int[8];
  private BarView[] calls = new BarView[8];
  private BarView[] puts = new BarView[8];
  private boolean[] hedgedAtEntry = new boolean[8];
  private int count;

  public GammaScalp(Params params) {
    this.anchors = ClockTimes.parse("anchors", params.getString("anchors"));
    this.holdSecs = params.getInt("hold_mins") * 60;
    this.rehedgeDelta = params.getDouble("rehedge_delta");
    if (holdSecs < 60 || !(rehedgeDelta > 0)) {
      throw new IllegalArgumentException("gamma_scalp needs hold_mins >= 1 and rehedge_delta > 0");
    }
    this.exits =
        ExitRules.none()
            .withTarget(Level.percent(params.getDouble("target_pct")))
            .withStop(Level.percent(params.getDouble("stop_pct")));
  }

  @Override
  public void onDayStart(StrategyContext ctx) {
    anchorSeconds = new int[anchors.length];
    for (int i = 0; i < anchors.length; i++) {
      anchorSeconds[i] = ctx.secondOf(anchors[i]);
    }
    count = 0;
  }

  @Override
  public void onSecond(StrategyContext ctx) {
    for (int i = 0; i < count; i++) {
      if (ctx.state(positions[i]) == PositionState.OPEN) {
        hedge(ctx, i);
      }
    }
    int now = ctx.now();
    for (int a : anchorSeconds) {
      if (a == now) {
        buyStraddle(ctx);
      }
    }
  }

  private void buyStraddle(StrategyContext ctx) {
    LocalDate expiry = ctx.expiry();
    int strike = AtmEntries.straddleStrike(ctx, expiry);
    if (strike == StrategyContext.NO_STRIKE) {
      return;
    }
    LocalTime exitAt =
        ctx.now() + holdSecs < ctx.session().seconds()
            ? ctx.session().timeAt(ctx.now() + holdSecs)
            : null;
    int id =
        AtmEntries.straddle(
            ctx,
            expiry,
            strike,
            Side.BUY,
            exits.withTimeExit(exitAt),
            Map.of(
                "hedge_on_spot",
                ctx.hedgesOnSpot() ? 1.0 : 0.0,
                "iv_at_entry",
                100 * ImpliedVols.atm(ctx, expiry, strike)));
    if (id == StrategyContext.NO_POSITION) {
      return;
    }
    if (count == positions.length) {
      int n = count * 2;
      positions = Arrays.copyOf(positions, n);
      expiries = Arrays.copyOf(expiries, n);
      strikes = Arrays.copyOf(strikes, n);
      calls = Arrays.copyOf(calls, n);
      puts = Arrays.copyOf(puts, n);
      hedgedAtEntry = Arrays.copyOf(hedgedAtEntry, n);
    }
    positions[count] = id;
    expiries[count] = expiry;
    strikes[count] = strike;
    calls[count] = ctx.option(expiry, OptionType.CE, strike);
    puts[count] = ctx.option(expiry, OptionType.PE, strike);
    hedgedAtEntry[count] = false;
    count++;
  }

  /**
   * Hedges straddle i to zero delta at its first open second, then whenever |net delta| >
   * rehedge_delta.
   */
  private void hedge(StrategyContext ctx, int i) {
    double straddle =
        ImpliedVols.delta(ctx, calls[i], expiries[i], OptionType.CE, strikes[i])
            + ImpliedVols.delta(ctx, puts[i], expiries[i], OptionType.PE, strikes[i]);
    if (Double.isNaN(straddle)) {
      return; // no implied vol this second (a price below intrinsic): hedge at the next second that
      // has one
    }
    double net = straddle + ctx.hedged(positions[i]);
    if (!hedgedAtEntry[i] || Math.abs(net) > rehedgeDelta) {
      hedgedAtEntry[i] = true;
      if (net != 0) {
        ctx.hedge(positions[i], net > 0 ? Side.SELL : Side.BUY, Math.abs(net));
      }
    }
  }
}
