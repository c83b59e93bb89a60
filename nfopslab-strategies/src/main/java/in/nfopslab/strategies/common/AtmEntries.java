package in.nfopslab.strategies.common;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.strategy.EntryOrder;
import in.nfopslab.core.strategy.ExitRules;
import in.nfopslab.core.strategy.OrderLeg;
import in.nfopslab.core.strategy.StrategyContext;
import in.nfopslab.core.trade.Side;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Entries at the money, written once for every strategy: the strategy's expiry, ATM from the run's
 * reference price now, moved to the nearest strike where every leg has traded (within
 * max_strike_shift). Each leg's row gets {@code spot_at_signal} and {@code atm_strike} (the ATM
 * before any move). Returns the position id, or {@link StrategyContext#NO_POSITION} when there is
 * nothing to trade (the reason is recorded as a skip).
 */
public final class AtmEntries {
  private AtmEntries() {}

  /** CE and PE at the same strike, both on {@code side}. */
  public static int straddle(
      StrategyContext ctx, Side side, ExitRules exits, Map<String, Double> extra) {
    return enter(ctx, side, exits, extra, OptionType.CE, OptionType.PE);
  }

  /**
   * The straddle strike of {@code expiry} now: ATM from the run's reference price, moved to the
   * nearest strike where both CE and PE have traded; {@link StrategyContext#NO_STRIKE} (skip
   * recorded) when there is none. For strategies that look at the strike (its implied vol) before
   * they decide to trade it.
   */
  public static int straddleStrike(StrategyContext ctx, LocalDate expiry) {
    return ctx.nearestAvailable(expiry, ctx.atm(), OptionType.CE, OptionType.PE);
  }

  /**
   * CE and PE of {@code expiry} at {@code strike} (from {@link #straddleStrike}), both on {@code
   * side}.
   */
  public static int straddle(
      StrategyContext ctx,
      LocalDate expiry,
      int strike,
      Side side,
      ExitRules exits,
      Map<String, Double> extra) {
    if (expiry == null || strike == StrategyContext.NO_STRIKE) {
      return StrategyContext.NO_POSITION;
    }
    return enterAt(
        ctx, expiry, strike, ctx.atm(), side, exits, extra, OptionType.CE, OptionType.PE);
  }

  /** One option of {@code type} on {@code side}. */
  public static int single(
      StrategyContext ctx, OptionType type, Side side, ExitRules exits, Map<String, Double> extra) {
    return enter(ctx, side, exits, extra, type);
  }

  private static int enter(
      StrategyContext ctx,
      Side side,
      ExitRules exits,
      Map<String, Double> extra,
      OptionType... types) {
    LocalDate expiry = ctx.expiry();
    int atm = ctx.atm();
    int strike = ctx.nearestAvailable(expiry, atm, types);
    if (strike == StrategyContext.NO_STRIKE) {
      return StrategyContext.NO_POSITION;
    }
    return enterAt(ctx, expiry, strike, atm, side, exits, extra, types);
  }

  private static int enterAt(
      StrategyContext ctx,
      LocalDate expiry,
      int strike,
      int atm,
      Side side,
      ExitRules exits,
      Map<String, Double> extra,
      OptionType... types) {
    OrderLeg[] legs = new OrderLeg[types.length];
    for (int i = 0; i < types.length; i++) {
      legs[i] = new OrderLeg(expiry, types[i], strike, side, 1);
    }
    TreeMap<String, Double> columns = new TreeMap<>(extra);
    columns.put("spot_at_signal", ctx.spot().close());
    columns.put("atm_strike", (double) atm);
    return ctx.enter(EntryOrder.of(exits, legs).withExtra(columns));
  }
}
