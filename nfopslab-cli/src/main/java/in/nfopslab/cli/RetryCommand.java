package in.nfopslab.cli;

import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.strategy.StrategyRegistry;
import in.nfopslab.orchestrator.Orchestrator;
import in.nfopslab.orchestrator.RunConfig;
import in.nfopslab.orchestrator.RunSummary;
import in.nfopslab.orchestrator.StatusParquet;
import in.nfopslab.orchestrator.StatusRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nfops retry}: re-run only the failed pairs of a run, then rebuild its outputs. */
@Command(
    name = "retry",
    mixinStandardHelpOptions = true,
    description =
        "Re-run only the failed (strategy, task) pairs listed in a run status file, with their parameters.")
final class RetryCommand implements Callable<Integer> {
  private static final Pattern NAME =
      Pattern.compile(
          "run_all_status_([A-Z][A-Z0-9_]*)_(\\d{4}-\\d{2}-\\d{2})_(\\d{4}-\\d{2}-\\d{2})\\.parquet");

  @Spec CommandSpec spec;
  @Mixin LabOptions lab;
  @Mixin EngineOptions engine;
  @Mixin WorkerOptions workers;

  @Option(
      names = "--status",
      required = true,
      paramLabel = "FILE",
      description = "A run_all_status_*.parquet file.")
  Path status;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(status)) {
      throw new IllegalArgumentException("no status file " + status);
    }
    Matcher m = NAME.matcher(status.getFileName().toString());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          status + ": expected a name like run_all_status_NIFTY_2024-01-01_2024-01-31.parquet");
    }
    List<StatusRow> rows = StatusParquet.read(status);
    Set<String> failed = new TreeSet<>();
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (StatusRow r : rows) {
      params.putIfAbsent(r.strategy(), paramAssignments(r));
      if (r.status().equals(StatusRow.FAILED)) {
        failed.add(r.strategy() + "|" + r.taskId());
      }
    }
    if (failed.isEmpty()) {
      spec.commandLine().getOut().println("nothing to retry: no failed pairs in " + status);
      spec.commandLine().getOut().flush();
      return 0;
    }
    List<String> assignments = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : params.entrySet()) {
      for (String a : e.getValue()) {
        assignments.add(e.getKey() + "." + a);
      }
    }
    RunConfig config =
        new RunConfig(
            lab.paths(),
            Symbol.parse(m.group(1)),
            LocalDate.parse(m.group(2)),
            LocalDate.parse(m.group(3)),
            new ArrayList<>(params.keySet()),
            List.of(),
            assignments,
            workers.workers(),
            true,
            engine.config(),
            workers.progress,
            failed);
    RunSummary s = new Orchestrator(StrategyRegistry.load()).run(config, System.err);
    return RunCommand.report(spec.commandLine().getOut(), s);
  }

  /** The canonical params text is the strategy name, then one name=value per line. */
  private static List<String> paramAssignments(StatusRow r) {
    List<String> out = new ArrayList<>();
    String[] lines = r.params().split("\n");
    for (int i = 1; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        out.add(lines[i]);
      }
    }
    return out;
  }
}
