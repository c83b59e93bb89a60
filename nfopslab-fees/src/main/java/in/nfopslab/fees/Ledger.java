package in.nfopslab.fees;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.calendar.TradingCalendar;
import in.nfopslab.core.instrument.LotSizes;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.trade.StanceRow;
import in.nfopslab.core.trade.TradeLeg;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Accumulates the legs and stance rows of one symbol's result files into trades after fees, per
 * strategy and parameter set, then summarises them by period. Single-threaded; one instance per
 * post-processor run.
 */
final class Ledger {
  /**
   * A trade is identified by its file and its trade id: ids are unique within one strategy's
   * output.
   */
  private record TradeKey(int file, long tradeId) {}

  private static final class TradeAcc {
    LocalDate date;
    double points;
    double inr;
    FeeBreakdown fees = FeeBreakdown.ZERO;
    int legs;
  }

  private static final class StrategyAcc {
    final Map<TradeKey, TradeAcc> trades = new LinkedHashMap<>();
    final TreeMap<LocalDate, List<String>> stances = new TreeMap<>();
    LocalDate spanFrom;
    LocalDate spanTo;

    void span(LocalDate from, LocalDate to) {
      spanFrom = spanFrom == null || from.isBefore(spanFrom) ? from : spanFrom;
      spanTo = spanTo == null || to.isAfter(spanTo) ? to : spanTo;
    }
  }

  private final Symbol symbol;
  private final FeeModel model;
  private final FeeSchedule schedule;
  private final double brokerage;
  private final Supplier<LotSizes> lotSizes;
  private final Map<StrategyKey, StrategyAcc> strategies = new TreeMap<>();
  private final Map<String, Set<FeeComponent>> gapsByOrderKey = new HashMap<>();
  private final Map<String, Integer> gapOrders = new TreeMap<>();
  private long otherSymbolLegs;
  private long inconsistentInr;
  private long lotSizeLookups;

  Ledger(Symbol symbol, FeeSchedule schedule, double brokerage, Supplier<LotSizes> lotSizes) {
    this.symbol = requireNonNull(symbol, "symbol is null");
    this.schedule = requireNonNull(schedule, "schedule is null");
    this.model = new IndiaFoFees(schedule);
    this.brokerage = brokerage;
    this.lotSizes = requireNonNull(lotSizes, "lotSizes is null");
  }

  /**
   * Adds the legs of one trade file.
   *
   * @param span the run's first and last day from the file name, or null to use the trade dates
   */
  void addTrades(int file, Path path, List<TradeLeg> legs, LocalDate[] span) {
    for (TradeLeg leg : legs) {
      if (!leg.symbol().equalsIgnoreCase(symbol.name())) {
        otherSymbolLegs++;
        continue;
      }
      StrategyAcc s =
          strategies.computeIfAbsent(
              new StrategyKey(leg.strategy(), leg.paramsId()), k -> new StrategyAcc());
      int lot = leg.lotSize();
      if (lot <= 0) {
        lot = lookUpLot(path, leg);
      }
      LegFees.Orders orders = LegFees.orders(leg, lot, brokerage);
      checkGaps(orders.entry());
      if (orders.exit() != null) {
        checkGaps(orders.exit());
      }
      double inr = leg.pnlPoints() * lot * leg.lots();
      if (Math.abs(inr - leg.pnlInr()) > 0.005 + 1e-9 * Math.abs(inr)) {
        inconsistentInr++;
      }
      TradeAcc t = s.trades.computeIfAbsent(new TradeKey(file, leg.tradeId()), k -> new TradeAcc());
      t.date = t.date == null || leg.tradeDate().isBefore(t.date) ? leg.tradeDate() : t.date;
      t.points += leg.pnlPoints() * leg.lots();
      t.inr += inr;
      t.fees = t.fees.plus(orders.fees(model));
      t.legs++;
      if (span != null) {
        s.span(span[0], span[1]);
      }
      s.span(leg.tradeDate(), leg.tradeDate());
    }
  }

  void addStances(Path path, List<StanceRow> rows, LocalDate[] span) {
    for (StanceRow r : rows) {
      if (!r.symbol().equalsIgnoreCase(symbol.name())) {
        otherSymbolLegs++;
        continue;
      }
      StrategyAcc s =
          strategies.computeIfAbsent(
              new StrategyKey(r.strategy(), r.paramsId()), k -> new StrategyAcc());
      s.stances.computeIfAbsent(r.tradeDate(), d -> new ArrayList<>()).add(r.stance());
      if (span != null) {
        s.span(span[0], span[1]);
      }
      s.span(r.tradeDate(), r.tradeDate());
    }
  }

  boolean isEmpty() {
    return strategies.isEmpty();
  }

  /**
   * The summary of everything added; {@code calendar} gives the trading days of each strategy's
   * run.
   */
  SymbolSummary summarise(TradingCalendar calendar) {
    LocalDate end = null;
    for (StrategyAcc s : strategies.values()) {
      end = end == null || s.spanTo.isAfter(end) ? s.spanTo : end;
    }
    Period lastYear =
        end == null ? null : new Period(Period.LAST_YEAR, end.minusYears(1).plusDays(1), end);
    Map<String, Integer> paramSets = new HashMap<>();
    strategies.keySet().forEach(k -> paramSets.merge(k.strategy(), 1, Integer::sum));
    Map<StrategyKey, String> labels = new LinkedHashMap<>();
    strategies.keySet().forEach(k -> labels.put(k, k.label(paramSets.get(k.strategy()) > 1)));

    List<SummaryRow> rows = new ArrayList<>();
    List<StanceCount> stanceCounts = new ArrayList<>();
    Map<StrategyKey, DailySeries> series = new LinkedHashMap<>();
    for (Map.Entry<StrategyKey, StrategyAcc> e : strategies.entrySet()) {
      StrategyKey key = e.getKey();
      StrategyAcc s = e.getValue();
      List<Period> periods = periods(s.spanFrom, s.spanTo, lastYear);
      if (s.trades.isEmpty() && !s.stances.isEmpty()) {
        for (Period p : periods) {
          Map<String, Integer> counts = new TreeMap<>();
          s.stances
              .subMap(p.from(), true, p.to(), true)
              .values()
              .forEach(list -> list.forEach(st -> counts.merge(st, 1, Integer::sum)));
          counts.forEach(
              (stance, n) ->
                  stanceCounts.add(
                      new StanceCount(
                          symbol.name(), key.strategy(), key.paramsId(), p.label(), stance, n)));
        }
        continue;
      }
      List<TradeOutcome> trades = new ArrayList<>();
      for (TradeAcc t : s.trades.values()) {
        trades.add(new TradeOutcome(t.date, t.points, t.inr, t.fees, t.legs));
      }
      TreeSet<LocalDate> daySet = new TreeSet<>(calendar.tradingDays(s.spanFrom, s.spanTo));
      trades.forEach(t -> daySet.add(t.date()));
      List<LocalDate> days = List.copyOf(daySet);
      for (Period p : periods) {
        rows.add(Metrics.compute(symbol.name(), key, p, trades, days));
      }
      Map<LocalDate, Double> byDay = new HashMap<>();
      trades.forEach(t -> byDay.merge(t.date(), t.netInr(), Double::sum));
      double[] net = new double[days.size()];
      for (int i = 0; i < net.length; i++) {
        net[i] = byDay.getOrDefault(days.get(i), 0.0);
      }
      series.put(key, new DailySeries(days, net));
    }
    return new SymbolSummary(symbol.name(), rows, stanceCounts, series, labels, lastYear);
  }

  /** Calendar years of the run, then the whole run, then the last year of the symbol's runs. */
  static List<Period> periods(LocalDate from, LocalDate to, Period lastYear) {
    List<Period> out = new ArrayList<>();
    for (int y = from.getYear(); y <= to.getYear(); y++) {
      LocalDate a = LocalDate.of(y, 1, 1);
      LocalDate b = LocalDate.of(y, 12, 31);
      out.add(new Period(Integer.toString(y), a.isBefore(from) ? from : a, b.isAfter(to) ? to : b));
    }
    out.add(new Period(Period.ALL, from, to));
    if (lastYear != null) {
      LocalDate a = lastYear.from().isBefore(from) ? from : lastYear.from();
      LocalDate b = lastYear.to().isAfter(to) ? to : lastYear.to();
      out.add(new Period(Period.LAST_YEAR, a, b));
    }
    return out;
  }

  List<String> warnings() {
    List<String> out = new ArrayList<>();
    if (otherSymbolLegs > 0) {
      out.add(
          otherSymbolLegs
              + " rows of other symbols in the files were left out (this run summarises "
              + symbol
              + ")");
    }
    if (inconsistentInr > 0) {
      out.add(
          inconsistentInr
              + " legs have a pnl_inr that differs from pnl_points x lot_size x lots;"
              + " the summary uses the latter");
    }
    if (lotSizeLookups > 0) {
      out.add(
          lotSizeLookups
              + " legs had no lot_size; it was looked up in meta/lot_sizes.csv by expiry");
    }
    gapOrders.forEach(
        (what, n) ->
            out.add(
                n
                    + " orders charged no "
                    + what
                    + ": the fee schedule has no rate in force that early"));
    return out;
  }

  private int lookUpLot(Path path, TradeLeg leg) {
    if (leg.expiry() == null) {
      throw new IllegalArgumentException(
          path
              + ": "
              + leg.strategy()
              + " trade "
              + leg.tradeId()
              + " leg "
              + leg.leg()
              + " has neither a lot_size nor an expiry to look one up by");
    }
    lotSizeLookups++;
    return lotSizes.get().lotSize(symbol, leg.expiry(), leg.tradeDate());
  }

  private void checkGaps(FeeParameters order) {
    String key = order.product().label() + "@" + order.date();
    Set<FeeComponent> gaps =
        gapsByOrderKey.computeIfAbsent(
            key, k -> schedule.notYetInForce(order.product(), order.date()));
    for (FeeComponent c : gaps) {
      gapOrders.merge(c.label() + " (" + order.product().label() + ")", 1, Integer::sum);
    }
  }
}
