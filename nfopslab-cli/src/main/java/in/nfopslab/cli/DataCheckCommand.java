package in.nfopslab.cli;

import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.data.check.CheckReport;
import in.nfopslab.data.check.DataChecker;
import in.nfopslab.data.check.Finding;
import in.nfopslab.data.check.PackedFile;
import in.nfopslab.data.meta.MetaTables;
import in.nfopslab.data.read.TickReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nfops data check}: the invariants of packed files, as a table of findings per file (or
 * CSV).
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check packed files: path against content, timestamps (session, 1970, order, duplicates), OHLC,"
          + " prices > 0, vol_delta >= 0, and option closes that never move while volume trades.",
      "Exit code 0 when no errors were found (warnings allowed), 1 when some were, 2 on bad input."
    })
final class DataCheckCommand implements Callable<Integer> {
  static final int FOUND_ERRORS = 1;

  @Spec CommandSpec spec;
  @Mixin LabOptions lab;

  @Option(
      names = "--symbol",
      converter = SymbolConverter.class,
      description = "Only this symbol (default: every symbol folder).")
  Symbol symbol;

  @Option(
      names = "--start",
      description = "First trade date (spot by date; futures and options by expiry).")
  LocalDate start;

  @Option(
      names = "--end",
      description =
          "Last trade date (options and futures expiring up to 40 days later are checked).")
  LocalDate end;

  @Option(
      names = "--csv",
      description =
          "Findings as CSV on stdout (file,severity,check,count,detail); the summary goes to stderr.")
  boolean csv;

  @Option(
      names = "--max-workers",
      description = "Files checked in parallel (default: available processors).")
  Integer workers;

  @Override
  public Integer call() throws Exception {
    LabPaths paths = lab.paths();
    DataChecker.Config config =
        new DataChecker.Config(
            paths,
            symbol == null ? List.of() : List.of(symbol),
            start,
            end,
            workers == null ? Runtime.getRuntime().availableProcessors() : workers);
    CheckReport report =
        new DataChecker(MetaTables.load(paths.meta()), new TickReader()).check(config);
    if (report.files() == 0) {
      throw new IllegalArgumentException(
          "no packed files"
              + (symbol == null ? "" : " of " + symbol)
              + " under "
              + paths.packed()
              + (start != null || end != null
                  ? " for " + (start == null ? "..." : start) + " to " + (end == null ? "..." : end)
                  : ""));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (csv) {
      try (CSVPrinter p =
          new CSVPrinter(
              out,
              CSVFormat.DEFAULT
                  .builder()
                  .setHeader("file", "severity", "check", "count", "detail")
                  .setRecordSeparator('\n')
                  .get())) {
        for (Finding f : report.findings()) {
          p.printRecord(
              display(paths, f.file()), f.severity().label(), f.check(), f.count(), f.detail());
        }
      }
      spec.commandLine().getErr().println(summary(report));
      spec.commandLine().getErr().flush();
    } else {
      Path last = null;
      for (Finding f : report.findings()) {
        if (!f.file().equals(last)) {
          out.println(display(paths, f.file()));
          last = f.file();
        }
        out.printf(
            Locale.ROOT,
            "  %-7s %-20s %9d  %s%n",
            f.severity().label(),
            f.check(),
            f.count(),
            f.detail());
      }
      out.println(summary(report));
    }
    out.flush();
    return report.hasErrors() ? FOUND_ERRORS : 0;
  }

  private static String display(LabPaths paths, Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(paths.data()) ? paths.data().relativize(abs).toString() : file.toString();
  }

  private static String summary(CheckReport r) {
    long errors = r.count(Finding.Severity.ERROR);
    long warnings = r.count(Finding.Severity.WARNING);
    return String.format(
        Locale.ROOT,
        "checked %d files (%d spot, %d futures, %d options): %d errors in %d files,"
            + " %d warnings in %d files",
        r.files(),
        r.filesByKind().getOrDefault(PackedFile.Kind.SPOT, 0),
        r.filesByKind().getOrDefault(PackedFile.Kind.FUTURES, 0),
        r.filesByKind().getOrDefault(PackedFile.Kind.OPTION, 0),
        errors,
        r.filesWith(Finding.Severity.ERROR),
        warnings,
        r.filesWith(Finding.Severity.WARNING));
  }
}
