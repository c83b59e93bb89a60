package in.nfopslab.cli;

import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.orchestrator.RunState;
import in.nfopslab.orchestrator.StatusParquet;
import in.nfopslab.orchestrator.StatusRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nfops status}: the latest run of a lab: alive, finished or dead (from the heartbeat), counts by strategy and
 * status, failures with reasons and log paths, throughput. {@code --json} for monitor scripts.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show the latest run: state, counts by strategy and status, failures, throughput (--json for scripts).")
final class StatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LabOptions lab;

  @Option(names = "--json", description = "One JSON object on stdout.")
  boolean json;

  @Option(names = "--status", paramLabel = "FILE", description = "A specific run_all_status_*.parquet (default: the latest run's).")
  Path statusFile;

  @Override
  public Integer call() throws IOException {
    LabPaths paths = lab.paths();
    Properties state = RunState.read(paths.out());
    String runState = liveness(state);
    Path file = statusFile != null ? statusFile : latestStatus(paths, state);
    List<StatusRow> rows = file != null && Files.isRegularFile(file) ? StatusParquet.read(file) : List.of();
    Map<String, long[]> byStrategy = new TreeMap<>(); // ok, failed, skipped, trades
    double busy = 0;
    long trades = 0;
    List<StatusRow> failures = new ArrayList<>();
    for (StatusRow r : rows) {
      long[] c = byStrategy.computeIfAbsent(r.strategy(), k -> new long[4]);
      c[r.status().equals(StatusRow.OK) ? 0 : r.status().equals(StatusRow.FAILED) ? 1 : 2]++;
      c[3] += r.trades();
      trades += r.trades();
      busy += r.durationS();
      if (r.status().equals(StatusRow.FAILED)) {
        failures.add(r);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      StringBuilder b = new StringBuilder("{");
      b.append("\"state\":").append(Json.str(runState));
      for (String k : List.of("run_id", "pid", "started", "heartbeat", "finished", "pairs_total", "pairs_done",
          "pairs_failed", "run_log")) {
        b.append(",\"").append(k).append("\":").append(Json.str(state.getProperty(k)));
      }
      b.append(",\"status_file\":").append(Json.str(file == null ? null : file.toString()));
      b.append(",\"pairs\":").append(rows.size()).append(",\"trades\":").append(trades);
      b.append(",\"task_seconds\":").append(Json.num(busy));
      b.append(",\"strategies\":{");
      boolean first = true;
      for (Map.Entry<String, long[]> e : byStrategy.entrySet()) {
        long[] c = e.getValue();
        b.append(first ? "" : ",").append(Json.str(e.getKey())).append(":{\"ok\":").append(c[0]).append(",\"failed\":")
            .append(c[1]).append(",\"skipped\":").append(c[2]).append(",\"trades\":").append(c[3]).append('}');
        first = false;
      }
      b.append("},\"failures\":[");
      for (int i = 0; i < failures.size(); i++) {
        StatusRow r = failures.get(i);
        b.append(i == 0 ? "" : ",").append("{\"strategy\":").append(Json.str(r.strategy())).append(",\"task\":")
            .append(Json.str(r.taskId())).append(",\"error\":").append(Json.str(r.error())).append(",\"log\":")
            .append(Json.str(r.logPath())).append('}');
      }
      b.append("]}");
      out.println(b);
      out.flush();
      return 0;
    }
    out.printf(Locale.ROOT, "run:    %s  state: %s%n", state.getProperty("run_id", "(none)"), runState);
    if (state.getProperty("pairs_total") != null) {
      out.printf(Locale.ROOT, "pairs:  %s/%s done, %s failed  (pid %s, heartbeat %s)%n", state.getProperty("pairs_done"),
          state.getProperty("pairs_total"), state.getProperty("pairs_failed"), state.getProperty("pid"),
          state.getProperty("heartbeat"));
    }
    out.println("status: " + (file == null ? "(no status file yet)" : file));
    if (!rows.isEmpty()) {
      out.printf(Locale.ROOT, "%-22s %6s %7s %8s %8s%n", "strategy", "ok", "failed", "skipped", "legs");
      for (Map.Entry<String, long[]> e : byStrategy.entrySet()) {
        long[] c = e.getValue();
        out.printf(Locale.ROOT, "%-22s %6d %7d %8d %8d%n", e.getKey(), c[0], c[1], c[2], c[3]);
      }
      out.printf(Locale.ROOT, "throughput: %d pairs in %.1f task-seconds (%.2f pairs/s per worker)%n", rows.size(), busy,
          busy > 0 ? rows.size() / busy : 0.0);
    }
    for (StatusRow r : failures) {
      out.println("failed: " + r.strategy() + " " + r.taskId() + ": " + r.error());
      out.println("        log " + r.logPath());
    }
    out.flush();
    return 0;
  }

  /** running (live pid, fresh heartbeat), finished, failed, dead (state running but the process is gone), or none. */
  static String liveness(Properties state) {
    String s = state.getProperty("state");
    if (s == null) {
      return "none";
    }
    if (!s.equals("running")) {
      return s;
    }
    long pid = Long.parseLong(state.getProperty("pid", "-1"));
    boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    Instant beat = Instant.parse(state.getProperty("heartbeat", Instant.EPOCH.toString()));
    long interval = Long.parseLong(state.getProperty("heartbeat_interval_s", "5"));
    boolean fresh = Duration.between(beat, Instant.now()).getSeconds() <= 3 * interval;
    return alive && fresh ? "running" : "dead";
  }

  private static Path latestStatus(LabPaths paths, Properties state) throws IOException {
    String f = state.getProperty("status_file");
    if (f != null && Files.isRegularFile(Path.of(f))) {
      return Path.of(f);
    }
    if (!Files.isDirectory(paths.results())) {
      return null;
    }
    try (Stream<Path> s = Files.list(paths.results())) {
      Optional<Path> latest = s.filter(p -> p.getFileName().toString().startsWith("run_all_status_"))
          .max(Comparator.comparing(p -> p.toFile().lastModified()));
      return latest.orElse(null);
    }
  }
}
