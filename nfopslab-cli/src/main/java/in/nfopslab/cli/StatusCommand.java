package in.nfopslab.cli;

import in.nfopslab.orchestrator.StatusRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nfops status}: the latest run of a lab: running, finished, failed or dead (from the
 * heartbeat), counts by strategy and status, failures with reasons and log paths, throughput.
 * {@code --json} is the full machine form; {@code --format kv} and {@code --field NAME} give the
 * same data as plain lines for shell scripts (no JSON parser needed).
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show the latest run: state (running, finished, failed, dead or none), progress, counts by strategy"
          + " and status, failures so far, throughput.",
      "--json for tools; --format kv or --field NAME for shell scripts (same data as --json)."
    })
final class StatusCommand implements Callable<Integer> {
  /** Output forms. */
  enum Format {
    text,
    json,
    kv
  }

  @Spec CommandSpec spec;
  @Mixin LabOptions lab;

  @ArgGroup(exclusive = true)
  Output output = new Output();

  /** One output form at a time. */
  static final class Output {
    @Option(names = "--json", description = "One JSON object on stdout.")
    boolean json;

    @Option(
        names = "--format",
        paramLabel = "FORM",
        description = "text, json or kv (key=value lines) (default: text).")
    Format format;

    @Option(
        names = "--field",
        paramLabel = "NAME",
        description =
            "Print one field's value only (e.g. state, pairs_done, status_file, resume_command).")
    String field;
  }

  @Option(
      names = "--status",
      paramLabel = "FILE",
      description = "A specific run_all_status_*.parquet (default: the latest run's).")
  Path statusFile;

  @Override
  public Integer call() throws IOException {
    StatusReport report = StatusReport.build(lab.paths(), statusFile, Instant.now());
    PrintWriter out = spec.commandLine().getOut();
    if (output.field != null) {
      if (!report.fields().containsKey(output.field)) {
        throw new ParameterException(
            spec.commandLine(),
            "unknown field '"
                + output.field
                + "' (fields: "
                + String.join(", ", report.fields().keySet())
                + ")");
      }
      out.println(report.text(output.field).replace("\n", "\\n"));
    } else if (output.json || output.format == Format.json) {
      out.println(report.json());
    } else if (output.format == Format.kv) {
      report.keyValues().forEach(out::println);
    } else {
      printText(out, report);
    }
    out.flush();
    return 0;
  }

  /** A table of counts {ok, failed, skipped, legs} by name. */
  private static void printCounts(PrintWriter out, String title, Map<String, long[]> counts) {
    out.printf(Locale.ROOT, "%-22s %6s %7s %8s %8s%n", title, "ok", "failed", "skipped", "legs");
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      long[] c = e.getValue();
      out.printf(Locale.ROOT, "%-22s %6d %7d %8d %8d%n", e.getKey(), c[0], c[1], c[2], c[3]);
    }
  }

  private static void printText(PrintWriter out, StatusReport r) {
    out.printf(
        Locale.ROOT,
        "run:    %s  state: %s%n",
        r.text("run_id").isEmpty() ? "(none)" : r.text("run_id"),
        r.text("state"));
    if (!r.text("pairs_total").isEmpty()) {
      out.printf(
          Locale.ROOT,
          "pairs:  %s/%s done, %s failed  (pid %s, heartbeat %s, %s s ago)%n",
          r.text("pairs_done"),
          r.text("pairs_total"),
          r.text("pairs_failed"),
          r.text("pid"),
          r.text("heartbeat"),
          r.text("heartbeat_age_s"));
    }
    out.println(
        "status: "
            + (r.text("status_file").isEmpty() ? "(no status file yet)" : r.text("status_file"))
            + (r.text("rows_from").equals("parts")
                ? "  (counts below: pairs recorded so far)"
                : ""));
    if (r.symbols().size() > 1) {
      // a run over several symbols: each symbol's counts first
      printCounts(out, "symbol", r.symbols());
    }
    if (!r.strategies().isEmpty()) {
      printCounts(out, "strategy", r.strategies());
      double busy = (Double) r.fields().get("task_seconds");
      long pairs = (Long) r.fields().get("pairs");
      out.printf(
          Locale.ROOT,
          "throughput: %d pairs in %.1f task-seconds (%.2f pairs/s per worker)%n",
          pairs,
          busy,
          busy > 0 ? pairs / busy : 0.0);
    }
    for (StatusRow f : r.failures()) {
      out.println("failed: " + f.strategy() + " " + f.taskId() + ": " + f.error());
      out.println("        log " + f.logPath());
    }
    if (!r.text("run_log").isEmpty()) {
      out.println("run log: " + r.text("run_log"));
    }
    if (r.text("state").equals("dead") && !r.text("resume_command").isEmpty()) {
      out.println("the run died (process gone or heartbeat stale); continue it with:");
      out.println("  " + r.text("resume_command"));
    }
  }
}
