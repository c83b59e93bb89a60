package in.nfopslab.cli;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.pricing.Black76;
import in.nfopslab.core.pricing.BlackScholes;
import in.nfopslab.core.pricing.Greeks;
import in.nfopslab.core.pricing.ImpliedVol;

/**
 * One European option and its market, validated, as {@code nfops price} and {@code nfops iv} hand
 * it to the pricing models. For Black-Scholes the underlying is the spot and {@code dividendYield}
 * applies; for Black-76 it is the forward and {@code dividendYield} is 0.
 */
record OptionContract(
    PricingModel model,
    boolean call,
    double underlying,
    double strike,
    double years,
    double rate,
    double dividendYield) {

  /** The pricing model of a command, as spelled on the command line. */
  enum PricingModel {
    BS("bs", "Black-Scholes-Merton (spot, continuous rate and dividend yield)"),
    BLACK76("black76", "Black-76 (forward)");

    final String cliName;
    final String description;

    PricingModel(String cliName, String description) {
      this.cliName = cliName;
      this.description = description;
    }
  }

  OptionContract {
    requireNonNull(model, "model is null");
    if (model == PricingModel.BLACK76 && dividendYield != 0) {
      throw new IllegalArgumentException("Black-76 takes no dividend yield");
    }
  }

  Greeks greeks(double vol) {
    return model == PricingModel.BS
        ? Greeks.blackScholes(call, underlying, strike, years, rate, dividendYield, vol)
        : Greeks.black76(call, underlying, strike, years, rate, vol);
  }

  /** NaN when no volatility gives the price; {@link #noSolutionReason} says why. */
  double impliedVol(double price) {
    return model == PricingModel.BS
        ? ImpliedVol.blackScholes(call, price, underlying, strike, years, rate, dividendYield)
        : ImpliedVol.black76(call, price, underlying, strike, years, rate);
  }

  /**
   * The European no-arbitrage bounds (value at zero and at infinite vol) that a price must lie
   * strictly within.
   */
  double lowerBound() {
    return model == PricingModel.BS
        ? BlackScholes.price(call, underlying, strike, years, rate, dividendYield, 0)
        : Black76.price(call, underlying, strike, years, rate, 0);
  }

  double upperBound() {
    if (!call) {
      return strike * Math.exp(-rate * years);
    }
    return underlying * Math.exp(-(model == PricingModel.BS ? dividendYield : rate) * years);
  }

  /** Why {@link #impliedVol} found nothing for this price, in words for the user. */
  String noSolutionReason(double price) {
    if (price < lowerBound()) {
      return "price "
          + Numbers.plain(price)
          + " is below the lower bound "
          + Numbers.plain(lowerBound())
          + " (discounted intrinsic value of the forward)";
    }
    if (price >= upperBound() * (1 - 1e-15)) {
      return "price "
          + Numbers.plain(price)
          + " is at or above the upper bound "
          + Numbers.plain(upperBound())
          + (call ? " (discounted forward)" : " (discounted strike)");
    }
    return "the solver found no volatility for price " + Numbers.plain(price);
  }
}
