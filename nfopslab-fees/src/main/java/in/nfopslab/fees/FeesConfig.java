package in.nfopslab.fees;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code nfops fees} (and {@code nfops demo}) asks of the post-processor.
 *
 * @param lab the lab: trade files are read from {@code lab.results()}, the summary CSVs written
 *     there, the Markdown summary, charts and HTML report under {@code lab.root()/docs/results}
 * @param symbol the underlying whose results to summarise
 * @param runs trade or stance files to read instead of every {@code results/*_{SYMBOL}_*.parquet};
 *     empty for all
 * @param scheduleFile a fee schedule replacing the lab's meta/fee_schedule.csv, or null
 * @param brokeragePerOrder the broker's fee per executed order, in rupees
 * @param charts whether to render the PNG charts (the report and summary are written either way)
 */
public record FeesConfig(
    LabPaths lab,
    Symbol symbol,
    List<Path> runs,
    Path scheduleFile,
    double brokeragePerOrder,
    boolean charts) {
  public FeesConfig {
    requireNonNull(lab, "lab is null");
    requireNonNull(symbol, "symbol is null");
    runs = runs == null ? List.of() : List.copyOf(runs);
    if (!(brokeragePerOrder >= 0) || Double.isInfinite(brokeragePerOrder)) {
      throw new IllegalArgumentException(
          "brokerage per order must be a finite number >= 0, got " + brokeragePerOrder);
    }
  }

  /** Every result file of the symbol in the lab, the lab's schedule, no brokerage, with charts. */
  public static FeesConfig of(LabPaths lab, Symbol symbol) {
    return new FeesConfig(lab, symbol, List.of(), null, 0.0, true);
  }

  /** {@code {root}/docs/results}: the Markdown summary, the HTML report and charts/. */
  public Path docsResults() {
    return lab.root().resolve("docs").resolve("results");
  }
}
