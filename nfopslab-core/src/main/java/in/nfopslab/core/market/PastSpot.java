package in.nfopslab.core.market;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * The spot bars of one trading day before today, as {@link in.nfopslab.core.strategy.StrategyContext#previousDays}
 * hands them out: a whole past day, so reading any second of it is no look-ahead. Do not modify the arrays.
 */
public record PastSpot(LocalDate date, SecondBars spot) {
  public PastSpot {
    requireNonNull(date, "date is null");
    requireNonNull(spot, "spot is null");
  }
}
