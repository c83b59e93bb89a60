package in.nfopslab.fees;

import java.nio.file.Path;
import java.util.List;

/**
 * What the post-processor wrote and what it noticed.
 *
 * @param summaryCsv {@code results/strategy_summary_{SYMBOL}.csv}
 * @param stanceCsv {@code results/stance_summary_{SYMBOL}.csv}, or null when no strategy wrote
 *     stance rows
 * @param resultsMarkdown {@code docs/results/RESULTS_SUMMARY.md}
 * @param report {@code docs/results/report.html}
 * @param charts the PNG files written (empty with charts off or when rendering failed; see
 *     warnings)
 * @param inputs the trade and stance files read
 * @param strategies number of (strategy, params_id) summarised, stance-only ones included
 * @param warnings things the user should know (fees charged as zero, inconsistent rows, skipped
 *     files)
 */
public record FeesRun(
    Path summaryCsv,
    Path stanceCsv,
    Path resultsMarkdown,
    Path report,
    List<Path> charts,
    List<Path> inputs,
    int strategies,
    List<String> warnings) {
  public FeesRun {
    charts = List.copyOf(charts);
    inputs = List.copyOf(inputs);
    warnings = List.copyOf(warnings);
  }
}
