package in.nfopslab.cli;

import in.nfopslab.core.strategy.StrategyRegistry;
import in.nfopslab.orchestrator.SweepRunner;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nfops sweep}: one strategy over a parameter grid, side by side. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Run every combination of a parameter grid of one strategy over one shared loaded market per task,",
      "then summarise the variants side by side (CSV and Markdown)."
    })
final class SweepCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LabOptions lab;
  @Mixin EngineOptions engine;
  @Mixin RangeOptions range;
  @Mixin WorkerOptions workers;

  @Option(names = "--strategy", required = true, description = "The strategy to sweep.")
  String strategy;

  @Option(
      names = "--grid",
      required = true,
      paramLabel = "NAME=VALUES",
      description =
          "A parameter axis: name=v1,v2,v3 or name=start:stop:step. Repeatable; the grid is their product.")
  List<String> grid = new ArrayList<>();

  @Option(
      names = {"-p", "--param"},
      paramLabel = "NAME=VALUE",
      description = "A fixed parameter for every variant.")
  List<String> params = new ArrayList<>();

  @Option(
      names = "--batch-size",
      defaultValue = "256",
      description =
          "Variants run together over a task's market (default: ${DEFAULT-VALUE}); bounds memory.")
  int batchSize;

  @Option(
      names = "--resume",
      description = "Skip (batch, task) parts already done with the same grid and data.")
  boolean resume;

  @Override
  public Integer call() throws Exception {
    range.checked();
    SweepRunner.Config c =
        new SweepRunner.Config(
            lab.paths(),
            range.one(),
            strategy,
            grid,
            params,
            range.start,
            range.end,
            workers.workers(),
            batchSize,
            resume,
            engine.config(),
            workers.progress);
    SweepRunner.Result r = new SweepRunner(StrategyRegistry.load()).run(c, System.err);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "sweep %s: %d variants x %d days (%d tasks) in %.1f s; %.0f variant-days/s of engine time; %d failed parts%n",
        strategy,
        r.variants(),
        r.days(),
        r.tasks(),
        r.elapsed().toMillis() / 1000.0,
        r.variantDaysPerSecond(),
        r.failedPairs());
    out.println("summary: " + r.summaryCsv());
    out.println("         " + r.summaryMd());
    out.println("trades:  " + r.dir() + "/trades-*.parquet");
    out.flush();
    return r.failedPairs() > 0 ? 1 : 0;
  }
}
