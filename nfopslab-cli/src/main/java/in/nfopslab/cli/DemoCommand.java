package in.nfopslab.cli;

import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.core.strategy.StrategyRegistry;
import in.nfopslab.data.generate.GenerationReport;
import in.nfopslab.data.generate.GeneratorConfig;
import in.nfopslab.data.generate.Preset;
import in.nfopslab.data.generate.SyntheticMarket;
import in.nfopslab.fees.FeesConfig;
import in.nfopslab.fees.FeesPostProcessor;
import in.nfopslab.fees.FeesRun;
import in.nfopslab.orchestrator.Orchestrator;
import in.nfopslab.orchestrator.RunConfig;
import in.nfopslab.orchestrator.StatusRow;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nfops demo}: generate a sample lab (both symbols, a month) and run everything on it: every
 * strategy of the library through {@code nfops run}, then {@code nfops fees} with its summary,
 * Markdown report, charts and HTML.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a sample lab (default ./demo-lab: NIFTY and BANKNIFTY, January 2024) and run every stage",
      "on it: all strategies, fees, summary, charts and report. Prints where the outputs are."
    })
final class DemoCommand implements Callable<Integer> {
  static final Path DEFAULT_ROOT = Path.of("demo-lab");

  @Spec CommandSpec spec;
  @Mixin LabOptions lab;
  @Mixin EngineOptions engine;
  @Mixin WorkerOptions workers;

  @Option(
      names = "--regenerate",
      description = "Generate the sample data again even if the lab already has it.")
  boolean regenerate;

  @Override
  public Integer call() throws Exception {
    if (lab.root == null) {
      lab.root = DEFAULT_ROOT; // never the current directory: a demo must not litter the repo
    }
    LabPaths paths = lab.paths();
    PrintWriter out = spec.commandLine().getOut();
    // the generator is deterministic: an earlier demo lab (marked by its truth sidecar) is reused
    // as it is
    boolean generatedBefore = Files.isRegularFile(paths.meta().resolve(SyntheticMarket.TRUTH_FILE));
    GeneratorConfig config =
        GeneratorConfig.builder(paths, Preset.DEMO).overwrite(generatedBefore).build();
    if (!generatedBefore || regenerate) {
      out.println("== 1/3 generating the sample lab (preset demo) ==");
      out.flush();
      GenerationReport report = SyntheticMarket.generate(config);
      GenerateCommand.print(out, report);
    } else {
      out.println(
          "== 1/3 sample lab already generated at "
              + paths.root()
              + " (--regenerate to make it again) ==");
    }
    int failed = 0;
    StrategyRegistry registry = StrategyRegistry.load();
    out.println(
        "== 2/3 running "
            + registry.names().size()
            + " strategies: "
            + String.join(", ", registry.names())
            + " ==");
    out.flush();
    List<RunConfig> runs = new ArrayList<>();
    for (Symbol symbol : config.symbols()) {
      runs.add(
          new RunConfig(
              paths,
              symbol,
              null,
              null,
              List.of(),
              List.of(),
              List.of(),
              workers.workers(),
              false,
              engine.config(),
              workers.progress,
              null));
    }
    // both symbols' tasks on one pool, as nfops run --symbol NIFTY,BANKNIFTY
    for (Orchestrator.Outcome o : new Orchestrator(registry).runAll(runs, System.err)) {
      if (o.error() != null) {
        throw o.error();
      }
      RunCommand.report(out, o.summary());
      failed += (int) o.summary().count(StatusRow.FAILED);
    }
    out.println("== 3/3 fees, metrics, charts and report ==");
    FeesRun last = null;
    for (Symbol symbol : config.symbols()) {
      last = FeesPostProcessor.run(FeesConfig.of(paths, symbol));
      out.printf(
          Locale.ROOT, "%s: %d strategies -> %s%n", symbol, last.strategies(), last.summaryCsv());
      for (String w : last.warnings()) {
        out.println("  warning: " + w);
      }
    }
    out.println();
    out.println("Outputs of the demo lab " + paths.root() + ":");
    out.println("  trades and run status  " + paths.results());
    if (last != null) {
      out.println("  results summary        " + last.resultsMarkdown());
      out.println("  report (open in a browser) " + last.report());
      out.println(
          "  charts                 "
              + (last.charts().isEmpty() ? "(none)" : last.charts().get(0).getParent()));
    }
    out.println("  logs                   " + paths.logs());
    out.println(
        "Next: bin/nfops status --root "
            + paths.root()
            + "   |   bin/nfops strategies   |   docs/ in the repo");
    out.flush();
    return failed > 0 ? 1 : 0;
  }
}
