package in.nfopslab.core.strategy;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.trade.Side;
import java.time.LocalDate;

/**
 * One leg of an entry order. {@code ratio} multiplies the run's {@code --lots} (1 for every leg of
 * the library's strategies), so a leg trades {@code ratio x lots} lots.
 */
public record OrderLeg(LocalDate expiry, OptionType type, int strike, Side side, int ratio) {
  public OrderLeg {
    requireNonNull(expiry, "expiry is null");
    requireNonNull(type, "type is null");
    requireNonNull(side, "side is null");
    if (strike <= 0) {
      throw new IllegalArgumentException("strike must be positive, got " + strike);
    }
    if (ratio <= 0) {
      throw new IllegalArgumentException("ratio must be positive, got " + ratio);
    }
  }

  public static OrderLeg buy(LocalDate expiry, OptionType type, int strike) {
    return new OrderLeg(expiry, type, strike, Side.BUY, 1);
  }

  public static OrderLeg sell(LocalDate expiry, OptionType type, int strike) {
    return new OrderLeg(expiry, type, strike, Side.SELL, 1);
  }

  @Override
  public String toString() {
    return side + " " + type + " " + strike + " " + expiry;
  }
}
