package in.nfopslab.fees;

import in.nfopslab.core.trade.Side;
import in.nfopslab.core.trade.TradeLeg;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.TreeMap;

/** Trade legs for tests: only what fees and metrics look at varies. */
final class Legs {
  private Legs() {}

  static TradeLeg leg(
      String optType,
      Side side,
      LocalDate entryDate,
      double entry,
      LocalDate exitDate,
      double exit,
      int lots,
      int lotSize,
      String reason) {
    return leg(
        "test", "p0", 1, 0, optType, side, entryDate, entry, exitDate, exit, lots, lotSize, reason);
  }

  static TradeLeg leg(
      String strategy,
      String paramsId,
      long tradeId,
      int legNo,
      String optType,
      Side side,
      LocalDate entryDate,
      double entry,
      LocalDate exitDate,
      double exit,
      int lots,
      int lotSize,
      String reason) {
    return leg(
        "NIFTY", strategy, paramsId, tradeId, legNo, optType, side, entryDate, entry, exitDate,
        exit, lots, lotSize, reason);
  }

  static TradeLeg leg(
      String symbol,
      String strategy,
      String paramsId,
      long tradeId,
      int legNo,
      String optType,
      Side side,
      LocalDate entryDate,
      double entry,
      LocalDate exitDate,
      double exit,
      int lots,
      int lotSize,
      String reason) {
    double points = side.sign() * (exit - entry);
    return new TradeLeg(
        strategy,
        paramsId,
        symbol,
        tradeId,
        legNo,
        entryDate,
        exitDate.plusDays(2),
        optType,
        22000,
        side,
        lots,
        lotSize,
        LocalDateTime.of(entryDate, LocalTime.of(10, 0)),
        LocalDateTime.of(entryDate, LocalTime.of(10, 0, 1)),
        entry,
        LocalDateTime.of(exitDate, LocalTime.of(15, 15)),
        exit,
        reason,
        points,
        points * lotSize * lots,
        new TreeMap<>(Map.of()));
  }
}
