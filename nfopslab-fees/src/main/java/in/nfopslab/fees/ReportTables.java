package in.nfopslab.fees;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tables of the results summary of one symbol, built from its summary CSV rows and stance
 * counts: the whole run, the last year, each year, and the stance-only strategies. Rupees are whole
 * and grouped (the CSV has paise).
 */
final class ReportTables {
  private final List<SummaryRow> rows;
  private final List<StanceCount> stances;
  private final Map<StrategyKey, String> labels = new HashMap<>();

  ReportTables(List<SummaryRow> rows, List<StanceCount> stances) {
    this.rows = List.copyOf(rows);
    this.stances = List.copyOf(stances);
    Map<String, java.util.Set<String>> params = new HashMap<>();
    rows.forEach(
        r ->
            params.computeIfAbsent(r.strategy(), s -> new java.util.TreeSet<>()).add(r.paramsId()));
    stances.forEach(
        r ->
            params.computeIfAbsent(r.strategy(), s -> new java.util.TreeSet<>()).add(r.paramsId()));
    rows.forEach(r -> labels.put(r.key(), r.key().label(params.get(r.strategy()).size() > 1)));
    stances.forEach(r -> labels.put(r.key(), r.key().label(params.get(r.strategy()).size() > 1)));
  }

  boolean isEmpty() {
    return rows.isEmpty() && stances.isEmpty();
  }

  /** First and last day of the whole run over all strategies, or null. */
  LocalDate[] span() {
    LocalDate a = null;
    LocalDate b = null;
    for (SummaryRow r : rows) {
      if (r.period().equals(Period.ALL) && r.firstDay() != null) {
        a = a == null || r.firstDay().isBefore(a) ? r.firstDay() : a;
        b = b == null || r.lastDay().isAfter(b) ? r.lastDay() : b;
      }
    }
    return a == null ? null : new LocalDate[] {a, b};
  }

  /** The last-year window as the rows state it, or null. */
  LocalDate[] lastYear() {
    LocalDate a = null;
    LocalDate b = null;
    for (SummaryRow r : rows) {
      if (r.period().equals(Period.LAST_YEAR) && r.firstDay() != null) {
        a = a == null || r.firstDay().isBefore(a) ? r.firstDay() : a;
        b = b == null || r.lastDay().isAfter(b) ? r.lastDay() : b;
      }
    }
    return a == null ? null : new LocalDate[] {a, b};
  }

  Table period(String period) {
    List<List<String>> out = new ArrayList<>();
    for (SummaryRow r : rows) {
      if (r.period().equals(period)) {
        out.add(
            List.of(
                labels.get(r.key()),
                count(r.trades()),
                percent(r.winRate()),
                rupees(r.grossInr()),
                rupees(r.feesInr()),
                rupees(r.netInr()),
                rupees(r.avgNetPerTrade()),
                ratio(r.profitFactor()),
                rupees(r.maxDrawdownInr()),
                ratio(r.sharpe()),
                ratio(r.sortino()),
                day(r.bestDay(), r.bestDayInr()),
                day(r.worstDay(), r.worstDayInr())));
      }
    }
    return new Table(
        List.of(
            "Strategy",
            "Trades",
            "Win rate",
            "Gross ₹",
            "Fees ₹",
            "Net ₹",
            "Net/trade ₹",
            "Profit factor",
            "Max DD ₹",
            "Sharpe",
            "Sortino",
            "Best day ₹",
            "Worst day ₹"),
        List.of(false, true, true, true, true, true, true, true, true, true, true, true, true),
        out);
  }

  Table byYear() {
    List<List<String>> out = new ArrayList<>();
    for (SummaryRow r : rows) {
      if (Period.isYear(r.period())) {
        out.add(
            List.of(
                labels.get(r.key()),
                r.period(),
                count(r.trades()),
                percent(r.winRate()),
                rupees(r.grossInr()),
                rupees(r.feesInr()),
                rupees(r.netInr()),
                rupees(r.maxDrawdownInr()),
                ratio(r.sharpe()),
                ratio(r.sortino())));
      }
    }
    return new Table(
        List.of(
            "Strategy",
            "Year",
            "Trades",
            "Win rate",
            "Gross ₹",
            "Fees ₹",
            "Net ₹",
            "Max DD ₹",
            "Sharpe",
            "Sortino"),
        List.of(false, false, true, true, true, true, true, true, true, true),
        out);
  }

  /** One row per stance-only strategy and period: total days, then each stance's count. */
  Table stances() {
    Map<List<String>, Map<String, Integer>> grouped = new java.util.LinkedHashMap<>();
    for (StanceCount s : stances) {
      grouped
          .computeIfAbsent(List.of(labels.get(s.key()), s.period()), k -> new TreeMap<>())
          .merge(s.stance(), s.days(), Integer::sum);
    }
    List<List<String>> out = new ArrayList<>();
    grouped.forEach(
        (k, counts) -> {
          int total = counts.values().stream().mapToInt(Integer::intValue).sum();
          List<String> parts = new ArrayList<>();
          counts.forEach((st, n) -> parts.add(st + " " + n));
          out.add(List.of(k.get(0), k.get(1), Integer.toString(total), String.join(", ", parts)));
        });
    return new Table(
        List.of("Strategy", "Period", "Days", "Days per stance"),
        List.of(false, false, true, false),
        out);
  }

  boolean hasStances() {
    return !stances.isEmpty();
  }

  boolean hasTrades() {
    return !rows.isEmpty();
  }

  static String rupees(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    // no "-0" for a small loss
    return Math.abs(v) < 0.5 ? "0" : String.format(Locale.ROOT, "%,.0f", v);
  }

  private static String percent(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  private static String ratio(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    return Double.isInfinite(v) ? (v > 0 ? "∞" : "-∞") : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String day(LocalDate d, double v) {
    return d == null ? "" : rupees(v) + " (" + d + ")";
  }
}
