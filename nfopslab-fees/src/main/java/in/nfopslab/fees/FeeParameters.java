package in.nfopslab.fees;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.trade.Side;
import java.time.LocalDate;

/**
 * One order to price: everything a fee model may look at, in one record so that a new input is a
 * new field rather than a new method on every model (as Lean's OrderFeeParameters).
 *
 * @param date the order's trade date: the rates in force on it apply
 * @param product option, future, or option_exercised (then {@code side} is the holder's side: BUY
 *     for the long holder, who pays STT on the intrinsic value)
 * @param side BUY or SELL: decides STT (sell side) and stamp duty (buy side)
 * @param price premium per unit (option), futures price (future) or intrinsic value per unit
 *     (exercised)
 * @param quantity units: lots x lot size
 * @param brokerage the broker's fee for this order, in rupees
 */
public record FeeParameters(
    LocalDate date, Product product, Side side, double price, long quantity, double brokerage) {
  public FeeParameters {
    requireNonNull(date, "date is null");
    requireNonNull(product, "product is null");
    requireNonNull(side, "side is null");
    if (!(price >= 0) || Double.isInfinite(price)) {
      throw new IllegalArgumentException("price must be a finite number >= 0, got " + price);
    }
    if (quantity < 0) {
      throw new IllegalArgumentException("quantity must be >= 0, got " + quantity);
    }
    if (!(brokerage >= 0) || Double.isInfinite(brokerage)) {
      throw new IllegalArgumentException(
          "brokerage must be a finite number >= 0, got " + brokerage);
    }
  }

  /** An order without brokerage. */
  public static FeeParameters of(
      LocalDate date, Product product, Side side, double price, long quantity) {
    return new FeeParameters(date, product, side, price, quantity, 0.0);
  }

  /** Premium x quantity, turnover or settlement value: the basis of every charge except GST. */
  public double value() {
    return price * quantity;
  }
}
