package in.nfopslab.fees;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.io.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code strategy_summary_{SYMBOL}.csv} and {@code stance_summary_{SYMBOL}.csv}: written by the
 * post-processor and read back to build the Markdown summary of every symbol in the lab. Rupees and
 * points to 2 decimals, ratios to 4; an undefined metric is an empty field, an unbounded profit
 * factor {@code inf}.
 */
final class SummaryCsv {
  static final List<String> SUMMARY_COLUMNS =
      List.of(
          "symbol",
          "strategy",
          "params_id",
          "period",
          "first_day",
          "last_day",
          "trading_days",
          "active_days",
          "trades",
          "legs",
          "win_rate",
          "gross_points",
          "gross_inr",
          "fees_inr",
          "net_inr",
          "avg_net_per_trade",
          "profit_factor",
          "max_drawdown_inr",
          "sharpe",
          "sortino",
          "best_day",
          "best_day_inr",
          "worst_day",
          "worst_day_inr",
          "stt_inr",
          "exchange_inr",
          "ipft_inr",
          "sebi_inr",
          "stamp_inr",
          "gst_inr",
          "brokerage_inr");

  static final List<String> STANCE_COLUMNS =
      List.of("symbol", "strategy", "params_id", "period", "stance", "days");

  private SummaryCsv() {}

  static String summaryFileName(String symbol) {
    return "strategy_summary_" + symbol + ".csv";
  }

  static String stanceFileName(String symbol) {
    return "stance_summary_" + symbol + ".csv";
  }

  static void writeSummary(Path target, List<SummaryRow> rows) throws IOException {
    requireNonNull(rows, "rows is null");
    AtomicFiles.write(
        target,
        tmp -> {
          try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
              CSVPrinter p = new CSVPrinter(w, format(SUMMARY_COLUMNS))) {
            for (SummaryRow r : rows) {
              FeeBreakdown f = r.fees();
              p.printRecord(
                  r.symbol(),
                  r.strategy(),
                  r.paramsId(),
                  r.period(),
                  date(r.firstDay()),
                  date(r.lastDay()),
                  r.tradingDays(),
                  r.activeDays(),
                  r.trades(),
                  r.legs(),
                  ratio(r.winRate()),
                  money(r.grossPoints()),
                  money(r.grossInr()),
                  money(r.feesInr()),
                  money(r.netInr()),
                  money(r.avgNetPerTrade()),
                  ratio(r.profitFactor()),
                  money(r.maxDrawdownInr()),
                  ratio(r.sharpe()),
                  ratio(r.sortino()),
                  date(r.bestDay()),
                  money(r.bestDayInr()),
                  date(r.worstDay()),
                  money(r.worstDayInr()),
                  money(f.stt()),
                  money(f.exchange()),
                  money(f.ipft()),
                  money(f.sebi()),
                  money(f.stamp()),
                  money(f.gst()),
                  money(f.brokerage()));
            }
          }
        });
  }

  static void writeStances(Path target, List<StanceCount> rows) throws IOException {
    AtomicFiles.write(
        target,
        tmp -> {
          try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
              CSVPrinter p = new CSVPrinter(w, format(STANCE_COLUMNS))) {
            for (StanceCount r : rows) {
              p.printRecord(
                  r.symbol(), r.strategy(), r.paramsId(), r.period(), r.stance(), r.days());
            }
          }
        });
  }

  static List<SummaryRow> readSummary(Path file) throws IOException {
    List<SummaryRow> rows = new ArrayList<>();
    for (CSVRecord c : records(file)) {
      try {
        rows.add(
            new SummaryRow(
                c.get("symbol"),
                c.get("strategy"),
                c.get("params_id"),
                c.get("period"),
                date(c.get("first_day")),
                date(c.get("last_day")),
                Integer.parseInt(c.get("trading_days")),
                Integer.parseInt(c.get("active_days")),
                Long.parseLong(c.get("trades")),
                Long.parseLong(c.get("legs")),
                number(c.get("win_rate")),
                number(c.get("gross_points")),
                number(c.get("gross_inr")),
                number(c.get("fees_inr")),
                number(c.get("net_inr")),
                number(c.get("avg_net_per_trade")),
                number(c.get("profit_factor")),
                number(c.get("max_drawdown_inr")),
                number(c.get("sharpe")),
                number(c.get("sortino")),
                date(c.get("best_day")),
                number(c.get("best_day_inr")),
                date(c.get("worst_day")),
                number(c.get("worst_day_inr")),
                new FeeBreakdown(
                    number(c.get("stt_inr")),
                    number(c.get("exchange_inr")),
                    number(c.get("ipft_inr")),
                    number(c.get("sebi_inr")),
                    number(c.get("stamp_inr")),
                    number(c.get("gst_inr")),
                    number(c.get("brokerage_inr")))));
      } catch (RuntimeException e) {
        throw new IOException(file + ":" + (c.getRecordNumber() + 1) + ": " + e.getMessage(), e);
      }
    }
    return rows;
  }

  static List<StanceCount> readStances(Path file) throws IOException {
    List<StanceCount> rows = new ArrayList<>();
    for (CSVRecord c : records(file)) {
      try {
        rows.add(
            new StanceCount(
                c.get("symbol"),
                c.get("strategy"),
                c.get("params_id"),
                c.get("period"),
                c.get("stance"),
                Integer.parseInt(c.get("days"))));
      } catch (RuntimeException e) {
        throw new IOException(file + ":" + (c.getRecordNumber() + 1) + ": " + e.getMessage(), e);
      }
    }
    return rows;
  }

  private static List<CSVRecord> records(Path file) throws IOException {
    CSVFormat f = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p = CSVParser.builder().setReader(r).setFormat(f).get()) {
      return p.getRecords();
    }
  }

  private static CSVFormat format(List<String> header) {
    return CSVFormat.DEFAULT
        .builder()
        .setHeader(header.toArray(String[]::new))
        .setRecordSeparator('\n')
        .get();
  }

  static String money(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f", v);
  }

  static String ratio(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    return String.format(Locale.ROOT, "%.4f", v);
  }

  private static String date(LocalDate d) {
    return d == null ? "" : d.toString();
  }

  private static LocalDate date(String s) {
    return s.isEmpty() ? null : LocalDate.parse(s);
  }

  private static double number(String s) {
    switch (s) {
      case "":
        return Double.NaN;
      case "inf":
        return Double.POSITIVE_INFINITY;
      case "-inf":
        return Double.NEGATIVE_INFINITY;
      default:
        return Double.parseDouble(s);
    }
  }
}
