package in.nfopslab.cli;

import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.orchestrator.RunConfig;
import in.nfopslab.orchestrator.StatusParquet;
import in.nfopslab.orchestrator.StatusRow;
import java.io.IOException;
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
        "Re-run only the failed (strategy, task) pairs listed in run status files, with their parameters.")
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
      description = {
        "A run_all_status_*.parquet file. Repeatable; a value that is not a file is read as a"
            + " comma-separated list (the status_file of a run over several symbols, as nfops"
            + " status prints it): their failed pairs are retried on one pool of workers."
      })
  List<String> status = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    List<RunConfig> configs = new ArrayList<>();
    for (Path file : files(status)) {
      RunConfig config = retryOf(file);
      if (config == null) {
        spec.commandLine().getOut().println("nothing to retry: no failed pairs in " + file);
        spec.commandLine().getOut().flush();
      } else {
        configs.add(config);
      }
    }
    return configs.isEmpty() ? 0 : RunCommand.runAll(spec.commandLine(), configs);
  }

  /** The status files the values name: a file as it is, anything else split at commas. */
  static List<Path> files(List<String> values) {
    List<Path> out = new ArrayList<>();
    for (String v : values) {
      List<String> names = Files.isRegularFile(Path.of(v)) ? List.of(v) : List.of(v.split(","));
      for (String name : names) {
        Path p = Path.of(name.strip());
        if (!Files.isRegularFile(p)) {
          throw new IllegalArgumentException("no status file " + p);
        }
        if (!out.contains(p)) {
          out.add(p);
        }
      }
    }
    return out;
  }

  /** The run that retries the failed pairs of a status file, or null when none failed. */
  private RunConfig retryOf(Path status) throws IOException {
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
      return null;
    }
    List<String> assignments = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : params.entrySet()) {
      for (String a : e.getValue()) {
        assignments.add(e.getKey() + "." + a);
      }
    }
    return new RunConfig(
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
