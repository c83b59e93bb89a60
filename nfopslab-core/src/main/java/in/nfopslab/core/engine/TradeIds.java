package in.nfopslab.core.engine;

import java.time.LocalDate;

/**
 * Trade ids that depend only on the data: {@code yyyymmdd * 100000 + n}, where n counts the entry
 * fills of one strategy variant on that day from 1. Ids are unique across the days of a variant
 * whatever the task split or the thread scheduling; the key of a trade across a run is (strategy,
 * params_id, trade_id).
 */
public final class TradeIds {
  /** The most trades one variant may open in one day. */
  public static final int MAX_PER_DAY = 99_999;

  private TradeIds() {}

  public static long of(LocalDate date, int sequence) {
    if (sequence < 1 || sequence > MAX_PER_DAY) {
      throw new IllegalArgumentException(
          "trade sequence " + sequence + " on " + date + " is outside 1.." + MAX_PER_DAY);
    }
    long ymd = date.getYear() * 10_000L + date.getMonthValue() * 100L + date.getDayOfMonth();
    return ymd * 100_000L + sequence;
  }

  public static LocalDate date(long tradeId) {
    long ymd = tradeId / 100_000L;
    return LocalDate.of((int) (ymd / 10_000), (int) (ymd / 100 % 100), (int) (ymd % 100));
  }

  public static int sequence(long tradeId) {
    return (int) (tradeId % 100_000L);
  }
}
