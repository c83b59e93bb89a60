package in.nfopslab.fees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * {@code docs/results/report.html}: the tables of the results summary and the charts in one file
 * that opens anywhere (the PNGs are embedded as data URIs; no scripts, no external style sheets).
 */
final class HtmlReport {
  static final String FILE_NAME = "report.html";

  private static final String STYLE =
      "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em auto;max-width:1250px;color:#222;"
          + "padding:0 1em}table{border-collapse:collapse;margin:0.5em 0 1.5em;font-size:14px}"
          + "th,td{padding:4px 8px;border-bottom:1px solid #ddd;white-space:nowrap}th{background:#f4f4f4;text-align:left}"
          + ".n{text-align:right;font-variant-numeric:tabular-nums}.neg{color:#b00}"
          + "img{max-width:100%;height:auto;border:1px solid #eee;margin:0.5em 0 1.5em}p.about{max-width:60em}"
          + "h2{border-bottom:2px solid #4E79A7;padding-bottom:4px;margin-top:2em}";

  private HtmlReport() {}

  /**
   * @param docsResults the folder holding charts/ (the chart paths are relative to it)
   * @param charts for each symbol, its chart files relative to {@code docsResults}
   */
  static String render(
      Map<String, ReportTables> bySymbol,
      Map<String, List<String>> charts,
      Path docsResults,
      String scheduleNote)
      throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>NFOpsLab results</title>\n<style>")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n")
        .append("<h1>NFOpsLab results</h1>\n")
        .append("<p class=\"about\">")
        .append(Table.html(ResultsMarkdown.ABOUT))
        .append("</p>\n");
    if (scheduleNote != null) {
      sb.append("<p class=\"about\">").append(Table.html(scheduleNote)).append("</p>\n");
    }
    if (bySymbol.isEmpty()) {
      sb.append("<p>No summaries yet.</p>\n");
    }
    for (Map.Entry<String, ReportTables> e : bySymbol.entrySet()) {
      String symbol = e.getKey();
      ReportTables t = e.getValue();
      sb.append("<h2>").append(Table.html(symbol)).append("</h2>\n");
      LocalDate[] span = t.span();
      if (span != null) {
        sb.append("<p>Run: ").append(span[0]).append(" to ").append(span[1]).append(".</p>\n");
      }
      List<String> files = charts.getOrDefault(symbol, List.of());
      if (t.hasTrades()) {
        sb.append("<h3>Whole run</h3>\n").append(t.period(Period.ALL).html());
        for (String f : files) {
          if (!Charts.isByYear(f)) {
            sb.append(image(docsResults, f));
          }
        }
        LocalDate[] last = t.lastYear();
        sb.append("<h3>Last year")
            .append(last == null ? "" : ": " + last[0] + " to " + last[1])
            .append("</h3>\n")
            .append(t.period(Period.LAST_YEAR).html());
        sb.append("<h3>By year</h3>\n").append(t.byYear().html());
        for (String f : files) {
          if (Charts.isByYear(f)) {
            sb.append(image(docsResults, f));
          }
        }
      }
      if (t.hasStances()) {
        sb.append(
                "<h3>Stance-only strategies</h3>\n<p>These strategies take a daily view without trading; they are "
                    + "counted by stance, not shown as zero PnL.</p>\n")
            .append(t.stances().html());
      }
    }
    return sb.append("</body>\n</html>\n").toString();
  }

  private static String image(Path docsResults, String relative) throws IOException {
    byte[] png = Files.readAllBytes(docsResults.resolve(relative));
    return "<img alt=\""
        + Table.html(Charts.title(relative))
        + "\" width=\""
        + Charts.WIDTH
        + "\" height=\""
        + Charts.HEIGHT
        + "\" src=\"data:image/png;base64,"
        + Base64.getEncoder().encodeToString(png)
        + "\">\n";
  }
}
