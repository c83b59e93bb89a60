package in.nfopslab.cli;

import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.strategy.StrategyRegistry;
import in.nfopslab.orchestrator.Orchestrator;
import in.nfopslab.orchestrator.RunConfig;
import in.nfopslab.orchestrator.RunSummary;
import in.nfopslab.orchestrator.StatusRow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nfops run}: backtest the strategy library over a date range. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Backtest strategies over the data of one symbol or several (their tasks on one pool of workers):"
          + " tasks by expiry, in parallel, resumable.",
      "Exit code 0 when every (strategy, task) pair is ok, 1 when some failed (see nfops status), 2 on bad input"
          + " (with several symbols: the worst of theirs)."
    })
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LabOptions lab;
  @Mixin EngineOptions engine;
  @Mixin RangeOptions range;
  @Mixin WorkerOptions workers;

  @Option(
      names = "--include",
      split = ",",
      paramLabel = "NAME",
      description = "Only these strategies (default: all).")
  List<String> include = new ArrayList<>();

  @Option(
      names = "--exclude",
      split = ",",
      paramLabel = "NAME",
      description = "Leave these strategies out.")
  List<String> exclude = new ArrayList<>();

  @Option(
      names = {"-p", "--param"},
      paramLabel = "NAME=VALUE",
      description =
          "Override a parameter: name=value (every selected strategy that has it) or strategy.name=value. Repeatable.")
  List<String> params = new ArrayList<>();

  @Option(
      names = "--resume",
      description = "Skip (strategy, task) pairs already done with the same parameters and data.")
  boolean resume;

  @Override
  public Integer call() throws Exception {
    if (!include.isEmpty() && !exclude.isEmpty()) {
      throw new IllegalArgumentException("use --include or --exclude, not both");
    }
    range.checked();
    List<RunConfig> configs = new ArrayList<>();
    for (Symbol symbol : range.all()) {
      configs.add(
          new RunConfig(
              lab.paths(),
              symbol,
              range.start,
              range.end,
              include,
              exclude,
              params,
              workers.workers(),
              resume,
              engine.config(),
              workers.progress,
              null));
    }
    return runAll(spec.commandLine(), configs);
  }

  /**
   * Runs the configs as one command ({@link Orchestrator#runAll}): a symbol that cannot run is
   * reported on stderr as {@code nfops run: SYMBOL: reason}, the others run and report. With one
   * symbol its error is thrown instead, for the error handler. Returns the worst of the symbols'
   * exit codes.
   */
  static int runAll(CommandLine cl, List<RunConfig> configs) throws Exception {
    List<Orchestrator.Outcome> outcomes =
        new Orchestrator(StrategyRegistry.load()).runAll(configs, System.err);
    if (outcomes.size() == 1 && outcomes.get(0).error() != null) {
      throw outcomes.get(0).error();
    }
    int worst = 0;
    for (Orchestrator.Outcome o : outcomes) {
      if (o.error() != null) {
        cl.getErr().println("nfops run: " + o.symbol() + ": " + ErrorHandler.message(o.error()));
        cl.getErr().flush();
        worst = Math.max(worst, ErrorHandler.USAGE_OR_INPUT_ERROR);
      } else {
        worst = Math.max(worst, report(cl.getOut(), o.summary()));
      }
    }
    return worst;
  }

  static int report(PrintWriter out, RunSummary s) {
    out.printf(
        Locale.ROOT,
        "run %s: %d tasks, %d pairs run, %d reused; %d ok, %d failed, %d skipped; %.1f s%n",
        s.runId(),
        s.tasks(),
        s.executed(),
        s.reused(),
        s.count(StatusRow.OK),
        s.count(StatusRow.FAILED),
        s.count(StatusRow.SKIPPED),
        s.elapsed().toMillis() / 1000.0);
    long trades = 0;
    for (StatusRow r : s.rows()) {
      trades += r.trades();
    }
    out.printf(Locale.ROOT, "trade legs: %d%n", trades);
    for (Map.Entry<String, Path> e : s.tradeFiles().entrySet()) {
      out.printf(Locale.ROOT, "  %-22s %s%n", e.getKey(), e.getValue());
    }
    out.println("status:  " + s.statusFile());
    out.println("run log: " + s.runLog());
    for (StatusRow r : s.rows()) {
      if (r.status().equals(StatusRow.FAILED)) {
        out.println(
            "  failed: "
                + r.strategy()
                + " "
                + r.taskId()
                + ": "
                + r.error()
                + " (log "
                + r.logPath()
                + ")");
      }
    }
    out.flush();
    return s.count(StatusRow.FAILED) > 0 ? 1 : 0;
  }
}
