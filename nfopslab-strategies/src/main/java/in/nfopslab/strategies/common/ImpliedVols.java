package in.nfopslab.strategies.common;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.pricing.BlackScholes;
import in.nfopslab.core.pricing.ExpiryTime;
import in.nfopslab.core.pricing.ImpliedVol;
import in.nfopslab.core.strategy.BarView;
import in.nfopslab.core.strategy.StrategyContext;
import java.time.LocalDate;

/**
 * Implied volatility and Black-Scholes delta of options at the current second, in NSE's
 * option-chain convention (docs/PRICING.md): Black-Scholes on the spot index, r = 10%, q = 0, t =
 * calendar time to 15:30 IST on the expiry / 365. The option's price is its bar close at now (its
 * last trade, forward-filled). Every result is NaN when a price is missing or no volatility
 * reprices it (e.g. a price below intrinsic). Allocation-free.
 */
public final class ImpliedVols {
  private ImpliedVols() {}

  /** Years from now to the expiry cut-off. */
  public static double yearsToExpiry(StrategyContext ctx, LocalDate expiry) {
    long wallSecond =
        ctx.date().toEpochDay() * 86_400L + ctx.session().openSecondOfDay() + ctx.now();
    return ExpiryTime.yearsFromWallSecond(wallSecond, expiry.toEpochDay());
  }

  /** Implied volatility (a fraction) of one option from its price now and spot now. */
  public static double of(
      StrategyContext ctx, BarView option, LocalDate expiry, OptionType type, int strike) {
    requireNonNull(type, "type is null");
    if (option == null) {
      return Double.NaN;
    }
    return ImpliedVol.nse(
        type.isCall(), option.close(), ctx.spot().close(), strike, yearsToExpiry(ctx, expiry));
  }

  /**
   * ATM implied volatility: the mean of the CE and PE implied vols at {@code strike}, or NaN when
   * either has no price or no solution.
   */
  public static double atm(StrategyContext ctx, LocalDate expiry, int strike) {
    double ce = of(ctx, ctx.option(expiry, OptionType.CE, strike), expiry, OptionType.CE, strike);
    double pe = of(ctx, ctx.option(expiry, OptionType.PE, strike), expiry, OptionType.PE, strike);
    return (ce + pe) / 2; // NaN when either is
  }

  /** Black-Scholes delta of one long option unit at its own implied vol now, or NaN. */
  public static double delta(
      StrategyContext ctx, BarView option, LocalDate expiry, OptionType type, int strike) {
    double t = yearsToExpiry(ctx, expiry);
    double spot = ctx.spot().close();
    double vol = ImpliedVol.nse(type.isCall(), option.close(), spot, strike, t);
    return BlackScholes.delta(type.isCall(), spot, strike, t, ImpliedVol.NSE_RATE, 0, vol);
  }
}
