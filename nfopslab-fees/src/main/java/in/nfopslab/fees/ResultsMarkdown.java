package in.nfopslab.fees;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/**
 * {@code docs/results/RESULTS_SUMMARY.md} of a lab: for every symbol with a summary CSV in
 * backtests/results, the whole run, the last year, each year, the stance-only strategies, and links
 * to the charts and the HTML report. Rebuilt from the CSVs on every run, so summarising one symbol
 * keeps the sections of the others.
 */
final class ResultsMarkdown {
  static final String FILE_NAME = "RESULTS_SUMMARY.md";

  private ResultsMarkdown() {}

  /** Paragraphs shared with the HTML report: what the numbers are. */
  static final String ABOUT =
      "Net PnL is gross PnL (premium points x each contract's own lot size x lots) less the India F&O charges of "
          + "every order (STT, exchange transaction charge, IPFT, SEBI fee, stamp duty, GST and any brokerage) at "
          + "the rates in force on the order's date. A trade is all legs with one trade id; win rate counts trades "
          + "with net PnL above zero; profit factor is the net of winning trades over that of losing ones. Daily "
          + "figures use every trading day of the run, a day without a trade counting as zero: max drawdown is the "
          + "largest fall of cumulative daily net PnL from its peak, Sharpe is mean / standard deviation of daily "
          + "net PnL and Sortino mean / downside deviation, both annualised with sqrt(252). The last year is the "
          + "365 days up to the last day of the symbol's runs.";

  /**
   * @param charts for each symbol, the chart files (relative to docs/results) that exist
   */
  static String render(
      Map<String, ReportTables> bySymbol,
      Map<String, java.util.List<String>> charts,
      String scheduleNote) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Results summary\n\n");
    sb.append(
        "Written by `nfops fees` from the trade files in `backtests/results/`; run `nfops fees --symbol S` "
            + "again to refresh a symbol's section. The same tables with the charts: [report.html](report.html).\n\n");
    sb.append(ABOUT).append("\n\n");
    if (scheduleNote != null) {
      sb.append(scheduleNote).append("\n\n");
    }
    if (bySymbol.isEmpty()) {
      sb.append("No summaries yet.\n");
    }
    for (Map.Entry<String, ReportTables> e : bySymbol.entrySet()) {
      String symbol = e.getKey();
      ReportTables t = e.getValue();
      sb.append("## ").append(symbol).append("\n\n");
      LocalDate[] span = t.span();
      if (span != null) {
        sb.append("Run: ").append(span[0]).append(" to ").append(span[1]).append(".\n\n");
      }
      if (t.hasTrades()) {
        sb.append("### Whole run\n\n").append(t.period(Period.ALL).markdown()).append('\n');
        LocalDate[] last = t.lastYear();
        sb.append("### Last year");
        if (last != null) {
          sb.append(": ").append(last[0]).append(" to ").append(last[1]);
        }
        sb.append("\n\n").append(t.period(Period.LAST_YEAR).markdown()).append('\n');
        sb.append("### By year\n\n").append(t.byYear().markdown()).append('\n');
      }
      if (t.hasStances()) {
        sb.append(
                "### Stance-only strategies\n\nThese strategies take a daily view without trading; "
                    + "they are counted by stance, not shown as zero PnL.\n\n")
            .append(t.stances().markdown())
            .append('\n');
      }
      java.util.List<String> files = charts.getOrDefault(symbol, java.util.List.of());
      if (!files.isEmpty()) {
        sb.append("### Charts\n\n");
        for (String f : files) {
          sb.append("![").append(Charts.title(f)).append("](").append(f).append(")\n\n");
        }
      }
    }
    return sb.toString();
  }

  /** The charts of a symbol that exist under docs/results, as relative links. */
  static java.util.List<String> existingCharts(Path docsResults, String symbol) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String name : Charts.fileNames(symbol)) {
      if (Files.isRegularFile(docsResults.resolve(Charts.DIR).resolve(name))) {
        out.add(Charts.DIR + "/" + name);
      }
    }
    return out;
  }
}
