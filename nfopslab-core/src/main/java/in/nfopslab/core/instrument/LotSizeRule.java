package in.nfopslab.core.instrument;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One lot size revision of one symbol (a row of meta/lot_sizes.csv). The exchange phases a revision
 * in by contract, so the row names the first weekly and the first monthly expiry that carry the new
 * lot; contracts that expire earlier keep the previous lot until they expire. {@code
 * allContractsFrom}, when set, is a trade date from which every contract of the symbol carries this
 * lot whatever its expiry (a revision applied to existing contracts too, or the baseline row of the
 * table). {@code appliesFrom} is the revision's effective date; it orders the rows and is not used
 * for the lookup itself.
 */
public record LotSizeRule(
    Symbol symbol,
    int lotSize,
    LocalDate appliesFrom,
    LocalDate firstWeeklyExpiry,
    LocalDate firstMonthlyExpiry,
    LocalDate allContractsFrom,
    String note) {
  public LotSizeRule {
    requireNonNull(symbol, "symbol is null");
    requireNonNull(appliesFrom, "appliesFrom is null");
    requireNonNull(firstWeeklyExpiry, "firstWeeklyExpiry is null");
    requireNonNull(firstMonthlyExpiry, "firstMonthlyExpiry is null");
    note = note == null ? "" : note;
    if (lotSize <= 0) {
      throw new IllegalArgumentException("lot size must be positive, got " + lotSize);
    }
  }

  /**
   * True when a contract of this symbol expiring on {@code expiry} and traded on {@code tradeDate}
   * has this lot.
   */
  boolean covers(LocalDate expiry, boolean monthly, LocalDate tradeDate) {
    LocalDate first = monthly ? firstMonthlyExpiry : firstWeeklyExpiry;
    return !expiry.isBefore(first)
        || (allContractsFrom != null && !tradeDate.isBefore(allContractsFrom));
  }
}
