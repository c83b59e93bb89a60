package in.nfopslab.cli;

import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.data.generate.GenerationReport;
import in.nfopslab.data.generate.GeneratorConfig;
import in.nfopslab.data.generate.Preset;
import in.nfopslab.data.generate.SyntheticMarket;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nfops data generate}: writes a synthetic lab (see docs/DATA_GENERATOR.md). */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a synthetic market into the lab: packed spot, futures and option ticks, meta/expiry_calendar.csv, "
          + "meta/packed_manifest.csv and meta/generator_truth.parquet.",
      "The same options and seed always give byte-identical files."
    })
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LabOptions lab;

  @Option(
      names = "--preset",
      paramLabel = "NAME",
      defaultValue = "demo",
      description = "tiny, demo or bench: sizes and default symbols/dates (default: demo).")
  Preset preset;

  @Option(
      names = "--symbols",
      paramLabel = "LIST",
      split = ",",
      converter = SymbolConverter.class,
      description = "Comma-separated symbols (default: the preset's, NIFTY,BANKNIFTY).")
  List<Symbol> symbols;

  @Option(
      names = "--start",
      paramLabel = "YYYY-MM-DD",
      description = "First day (default: the preset's).")
  LocalDate start;

  @Option(
      names = "--end",
      paramLabel = "YYYY-MM-DD",
      description = "Last day, inclusive (default: the preset's).")
  LocalDate end;

  @Option(
      names = "--seed",
      defaultValue = "" + GeneratorConfig.DEFAULT_SEED,
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--max-workers",
      paramLabel = "N",
      description = "Generator threads (default: the number of processors).")
  Integer maxWorkers;

  @Option(
      names = "--force",
      description = "Replace the lab's existing packed spot, futures and options data.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    GenerationReport report = SyntheticMarket.generate(config());
    print(spec.commandLine().getOut(), report);
    return 0;
  }

  GeneratorConfig config() {
    GeneratorConfig.Builder b =
        GeneratorConfig.builder(lab.paths(), preset)
            .symbols(symbols)
            .start(start)
            .end(end)
            .seed(seed)
            .overwrite(force);
    if (maxWorkers != null) {
      b.maxWorkers(maxWorkers);
    }
    return b.build();
  }

  /** The short summary both {@code data generate} and {@code demo} print. */
  static void print(PrintWriter out, GenerationReport r) {
    out.printf(
        Locale.ROOT,
        "generated %d trading days: %d files, %,d rows (spot %,d, futures %,d, options %,d), %.1f MiB in %.1f s (%,.0f rows/s)%n",
        r.tradingDays(),
        r.files(),
        r.packedRows(),
        r.spotRows(),
        r.futuresRows(),
        r.optionRows(),
        r.packedBytes() / 1048576.0,
        r.seconds(),
        r.rowsPerSecond());
    out.printf(Locale.ROOT, "lab:      %s%n", r.paths().root());
    out.printf(Locale.ROOT, "packed:   %s%n", r.paths().packed());
    out.printf(Locale.ROOT, "manifest: %s%n", r.paths().manifestCsv());
    out.printf(
        Locale.ROOT,
        "truth:    %s (%,d rows of generator vols and model prices)%n",
        r.paths().meta().resolve(SyntheticMarket.TRUTH_FILE),
        r.truthRows());
    out.flush();
  }
}
