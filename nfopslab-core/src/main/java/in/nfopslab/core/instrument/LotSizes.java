package in.nfopslab.core.instrument;

import java.time.LocalDate;

/**
 * Lot size of one option or futures contract, the input the engine sizes legs and rupee PnL with. A
 * lot size belongs to the contract (symbol and expiry), not to the trading day: two contracts
 * traded on the same day can carry different lots while an exchange revision is being phased in.
 */
@FunctionalInterface
public interface LotSizes {
  /**
   * Units per lot of the {@code symbol} contract expiring on {@code expiry}, as traded on {@code
   * tradeDate}.
   *
   * @throws IllegalArgumentException when no lot size is known for the contract
   */
  int lotSize(Symbol symbol, LocalDate expiry, LocalDate tradeDate);
}
