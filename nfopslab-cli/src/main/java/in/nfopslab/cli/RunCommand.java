package in.nfopslab.cli;

import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.strategy.StrategyRegistry;
import in.nfopslab.orchestrator.Orchestrator;
import in.nfopslab.orchestrator.RunConfig;
import in.nfopslab.orchestrator.RunState;
import in.nfopslab.orchestrator.RunSummary;
import in.nfopslab.orchestrator.StatusRow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
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
      "Backtest strategies over the data of one symbol (or several, one after another): tasks by expiry,"
          + " in parallel, resumable.",
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
    List<Symbol> symbols = range.all();
    if (symbols.size() == 1) {
      return run(symbols.get(0), List.of());
    }
    // several symbols: one after another in this process (one JVM start, code compiled once); a
    // symbol that cannot run is reported and the others still run
    int worst = 0;
    for (int i = 0; i < symbols.size(); i++) {
      Symbol symbol = symbols.get(i);
      int code;
      try {
        code = run(symbol, symbols.subList(i + 1, symbols.size()));
      } catch (Exception e) {
        spec.commandLine()
            .getErr()
            .println("nfops run: " + symbol + ": " + ErrorHandler.message(e));
        code = ErrorHandler.USAGE_OR_INPUT_ERROR;
      }
      worst = Math.max(worst, code);
    }
    // a symbol's run hands its state over to the next one; if the last runs could not start, the
    // last handed-over state is ended here
    RunState.settle(lab.paths().out());
    return worst;
  }

  private int run(Symbol symbol, List<Symbol> next) throws Exception {
    RunConfig config =
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
                null)
            .withNextSymbols(next);
    RunSummary s = new Orchestrator(StrategyRegistry.load()).run(config, System.err);
    return report(spec.commandLine().getOut(), s);
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
