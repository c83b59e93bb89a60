package in.nfopslab.cli;

import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.fees.FeesConfig;
import in.nfopslab.fees.FeesPostProcessor;
import in.nfopslab.fees.FeesRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nfops fees}: on its own, the post-processor (charges every trade of a symbol's result
 * files and writes the summary CSV, RESULTS_SUMMARY.md, the charts and report.html); {@code nfops
 * fees quote} prices one contract note.
 */
@Command(
    name = "fees",
    mixinStandardHelpOptions = true,
    description = {
      "Apply India F&O charges and lot sizes to a symbol's backtest results and write the summary and report:",
      "  backtests/results/strategy_summary_SYMBOL.csv (per strategy and year, all years, last year),",
      "  docs/results/RESULTS_SUMMARY.md, docs/results/charts/*.png and docs/results/report.html.",
      "With the quote subcommand: the charges of one buy and/or sell."
    },
    subcommands = {FeesQuoteCommand.class})
final class FeesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LabOptions lab;

  @Option(
      names = "--symbol",
      paramLabel = "SYMBOL",
      description = "Underlying whose results to summarise, e.g. NIFTY.")
  String symbol;

  @Option(
      names = "--run",
      arity = "1..*",
      paramLabel = "FILE",
      description =
          "Trade or stance Parquet files to read instead of every results/*_SYMBOL_*.parquet.")
  List<Path> runs = new ArrayList<>();

  @Option(
      names = "--schedule",
      paramLabel = "FILE",
      description =
          "A fee schedule with the columns of meta/fee_schedule.csv, replacing the lab's.")
  Path schedule;

  @Option(
      names = "--brokerage",
      defaultValue = "0",
      paramLabel = "RS",
      description = "Brokerage per executed order in rupees. Default: ${DEFAULT-VALUE}.")
  double brokerage;

  @Option(
      names = "--no-charts",
      description = "Skip the PNG charts (the summary and report are still written).")
  boolean noCharts;

  @Override
  public Integer call() throws Exception {
    if (symbol == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "Missing required option: '--symbol=SYMBOL' (or use: nfops fees quote ...)");
    }
    LabPaths paths = lab.paths();
    List<Path> files = new ArrayList<>();
    runs.forEach(p -> files.add(p.toAbsolutePath().normalize()));
    FeesConfig config =
        new FeesConfig(
            paths,
            Symbol.parse(symbol),
            files,
            schedule == null ? null : schedule.toAbsolutePath().normalize(),
            brokerage,
            !noCharts);
    FeesRun run = FeesPostProcessor.run(config);
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "fees: "
            + config.symbol()
            + ": "
            + run.strategies()
            + " strategies from "
            + run.inputs().size()
            + " result file(s)");
    out.println("  summary   " + show(paths, run.summaryCsv()));
    if (run.stanceCsv() != null) {
      out.println("  stances   " + show(paths, run.stanceCsv()));
    }
    out.println("  markdown  " + show(paths, run.resultsMarkdown()));
    out.println("  report    " + show(paths, run.report()));
    if (!run.charts().isEmpty()) {
      out.println(
          "  charts    "
              + show(paths, run.charts().get(0).getParent())
              + " ("
              + run.charts().size()
              + " PNG)");
    }
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    for (String w : run.warnings()) {
      err.println("warning: " + w);
    }
    err.flush();
    return 0;
  }

  /** A path relative to the lab root when it lies inside it, so the lines stay short. */
  private static String show(LabPaths paths, Path p) {
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(paths.root()) ? paths.root().relativize(abs).toString() : abs.toString();
  }
}
