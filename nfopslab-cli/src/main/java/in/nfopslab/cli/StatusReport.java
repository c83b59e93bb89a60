package in.nfopslab.cli;

import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.orchestrator.Orchestrator;
import in.nfopslab.orchestrator.RunState;
import in.nfopslab.orchestrator.StatusParquet;
import in.nfopslab.orchestrator.StatusRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What {@code nfops status} knows about the latest run of a lab, built once and then printed as
 * text, as JSON or as {@code key=value} lines, so every format carries the same data. The scalar
 * fields are in {@link #fields()}; the JSON adds them, the per-strategy and per-symbol counts and
 * the failures; the key=value form flattens those as {@code strategy.NAME.ok=..}, {@code
 * symbols.NAME.ok=..} and {@code failure.N.error=..}.
 *
 * <p>Rows come from the run's status file once it has finished, and from the parts written so far
 * while it is running or after it died, so "failures so far" are visible during a run.
 */
final class StatusReport {
  private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./=:,%+@-]+");

  private final Map<String, Object> fields;
  private final Map<String, long[]> strategies;
  private final Map<String, long[]> symbols;
  private final List<StatusRow> failures;

  private StatusReport(
      Map<String, Object> fields,
      Map<String, long[]> strategies,
      Map<String, long[]> symbols,
      List<StatusRow> failures) {
    this.fields = Collections.unmodifiableMap(fields);
    this.strategies = Collections.unmodifiableMap(strategies);
    this.symbols = Collections.unmodifiableMap(symbols);
    this.failures = List.copyOf(failures);
  }

  /** Scalar fields in a fixed order: String, Long, Double or null values. */
  Map<String, Object> fields() {
    return fields;
  }

  /** Per strategy: ok, failed, skipped, trade legs. */
  Map<String, long[]> strategies() {
    return strategies;
  }

  /** Per symbol, in the order the rows name them: ok, failed, skipped, trade legs. */
  Map<String, long[]> symbols() {
    return symbols;
  }

  List<StatusRow> failures() {
    return failures;
  }

  String text(String key) {
    Object v = fields.get(key);
    return v == null ? "" : v.toString();
  }

  static StatusReport build(LabPaths paths, Path statusFileOverride, Instant now)
      throws IOException {
    if (statusFileOverride != null && !Files.isRegularFile(statusFileOverride)) {
      throw new IllegalArgumentException("no status file " + statusFileOverride);
    }
    Properties state = RunState.read(paths.out());
    String liveness = liveness(state, now);
    List<Path> statusFiles =
        statusFileOverride != null ? List.of(statusFileOverride) : latestStatus(paths, state);
    List<Path> partsDirs = pathList(state.getProperty("parts_dir"));
    List<StatusRow> rows = new ArrayList<>();
    String rowsFrom = "none";
    boolean unfinished =
        liveness.equals("running") || liveness.equals("dead") || liveness.equals("failed");
    if (statusFileOverride == null && unfinished && !partsDirs.isEmpty()) {
      for (Path dir : partsDirs) {
        rows.addAll(Orchestrator.partStatuses(dir));
      }
      rowsFrom = "parts";
    } else {
      for (Path file : statusFiles) {
        if (Files.isRegularFile(file)) {
          rows.addAll(StatusParquet.read(file));
          rowsFrom = "status_file";
        }
      }
    }

    Map<String, long[]> byStrategy = new TreeMap<>();
    Map<String, long[]> bySymbol = new LinkedHashMap<>();
    long[] all = new long[4];
    List<StatusRow> failures = new ArrayList<>();
    double busy = 0;
    for (StatusRow r : rows) {
      count(all, r);
      count(byStrategy.computeIfAbsent(r.strategy(), k -> new long[4]), r);
      count(bySymbol.computeIfAbsent(r.symbol(), k -> new long[4]), r);
      if (r.status().equals(StatusRow.FAILED)) {
        failures.add(r);
      }
      busy += r.durationS();
    }
    long ok = all[0];
    long failed = all[1];
    long skipped = all[2];
    long trades = all[3];

    Map<String, Object> f = new LinkedHashMap<>();
    f.put("state", liveness);
    f.put("run_id", state.getProperty("run_id"));
    f.put("command", state.getProperty("command"));
    f.put("pid", number(state.getProperty("pid")));
    f.put("started", state.getProperty("started"));
    f.put("heartbeat", state.getProperty("heartbeat"));
    f.put("heartbeat_age_s", heartbeatAge(state, now));
    f.put("finished", state.getProperty("finished"));
    f.put("pairs_total", number(state.getProperty("pairs_total")));
    f.put("pairs_done", number(state.getProperty("pairs_done")));
    f.put("pairs_failed", number(state.getProperty("pairs_failed")));
    f.put("run_log", state.getProperty("run_log"));
    f.put("status_file", joined(statusFiles));
    f.put("parts_dir", joined(partsDirs));
    f.put("rows_from", rowsFrom);
    f.put("pairs", (long) rows.size());
    f.put("ok", ok);
    f.put("failed", failed);
    f.put("skipped", skipped);
    f.put("trades", trades);
    f.put("task_seconds", busy);
    f.put("symbol", state.getProperty("symbol"));
    f.put("start", state.getProperty("start"));
    f.put("end", state.getProperty("end"));
    f.put("out_dir", paths.out().toString());
    f.put("results_dir", paths.results().toString());
    f.put("logs_dir", paths.logs().toString());
    f.put("engine", state.getProperty("engine"));
    f.put("resume_command", resumeCommand(state));
    return new StatusReport(f, byStrategy, bySymbol, failures);
  }

  /** Adds a row to counts {ok, failed, skipped, trade legs}. */
  private static void count(long[] c, StatusRow r) {
    switch (r.status()) {
      case StatusRow.OK -> c[0]++;
      case StatusRow.FAILED -> c[1]++;
      default -> c[2]++;
    }
    c[3] += r.trades();
  }

  String json() {
    StringBuilder b = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      b.append(first ? "" : ",")
          .append(Json.str(e.getKey()))
          .append(':')
          .append(jsonValue(e.getValue()));
      first = false;
    }
    b.append(",\"strategies\":");
    countsJson(b, strategies);
    b.append(",\"symbols\":");
    countsJson(b, symbols);
    b.append(",\"failures\":[");
    for (int i = 0; i < failures.size(); i++) {
      StatusRow r = failures.get(i);
      b.append(i == 0 ? "" : ",")
          .append("{\"strategy\":")
          .append(Json.str(r.strategy()))
          .append(",\"task\":")
          .append(Json.str(r.taskId()))
          .append(",\"error\":")
          .append(Json.str(r.error()))
          .append(",\"log\":")
          .append(Json.str(r.logPath()))
          .append('}');
    }
    return b.append("]}").toString();
  }

  /** {@code {"NAME":{"ok":..,"failed":..,"skipped":..,"trades":..},...}} */
  private static void countsJson(StringBuilder b, Map<String, long[]> counts) {
    b.append('{');
    boolean first = true;
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      long[] c = e.getValue();
      b.append(first ? "" : ",")
          .append(Json.str(e.getKey()))
          .append(":{\"ok\":")
          .append(c[0])
          .append(",\"failed\":")
          .append(c[1])
          .append(",\"skipped\":")
          .append(c[2])
          .append(",\"trades\":")
          .append(c[3])
          .append('}');
      first = false;
    }
    b.append('}');
  }

  /**
   * The same data as {@link #json()}, one {@code key=value} per line; newlines in values become a
   * literal \n.
   */
  List<String> keyValues() {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      out.add(e.getKey() + "=" + kv(e.getValue()));
    }
    countsKeyValues(out, "strategy.", strategies);
    countsKeyValues(out, "symbols.", symbols);
    for (int i = 0; i < failures.size(); i++) {
      StatusRow r = failures.get(i);
      String p = "failure." + (i + 1) + ".";
      out.add(p + "strategy=" + kv(r.strategy()));
      out.add(p + "task=" + kv(r.taskId()));
      out.add(p + "error=" + kv(r.error()));
      out.add(p + "log=" + kv(r.logPath()));
    }
    return out;
  }

  private static void countsKeyValues(List<String> out, String prefix, Map<String, long[]> counts) {
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      String p = prefix + e.getKey() + ".";
      long[] c = e.getValue();
      out.add(p + "ok=" + c[0]);
      out.add(p + "failed=" + c[1]);
      out.add(p + "skipped=" + c[2]);
      out.add(p + "trades=" + c[3]);
    }
  }

  private static String jsonValue(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Long l) {
      return Long.toString(l);
    }
    if (v instanceof Double d) {
      return Json.num(d);
    }
    return Json.str(v.toString());
  }

  private static String kv(Object v) {
    return v == null
        ? ""
        : v.toString().replace("\\", "\\\\").replace("\r", "").replace("\n", "\\n");
  }

  private static Long number(String s) {
    if (s == null) {
      return null;
    }
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * running (live pid, fresh heartbeat), finished, failed, dead (state running, but the process is
   * gone or its heartbeat is older than three intervals), or none (no run has written a state
   * here).
   */
  static String liveness(Properties state, Instant now) {
    String s = state.getProperty("state");
    if (s == null) {
      return "none";
    }
    if (!s.equals("running")) {
      return s;
    }
    Long pid = number(state.getProperty("pid"));
    boolean alive = pid != null && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    Long age = heartbeatAge(state, now);
    Long interval = number(state.getProperty("heartbeat_interval_s", "5"));
    boolean fresh = age != null && age <= 3 * (interval == null ? 5 : interval);
    return alive && fresh ? "running" : "dead";
  }

  private static Long heartbeatAge(Properties state, Instant now) {
    String beat = state.getProperty("heartbeat");
    if (beat == null) {
      return null;
    }
    try {
      return Math.max(0, Duration.between(Instant.parse(beat), now).getSeconds());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The command that continues this run where it stopped, from what the run recorded about itself.
   */
  static String resumeCommand(Properties state) {
    String symbol = state.getProperty("symbol");
    if (symbol == null || state.getProperty("start") == null || state.getProperty("end") == null) {
      return null;
    }
    List<String> args = new ArrayList<>(List.of("nfops", "run"));
    for (String[] dir :
        new String[][] {{"--data", "data_dir"}, {"--meta", "meta_dir"}, {"--out", "out_dir"}}) {
      String v = state.getProperty(dir[1]);
      if (v != null && !v.isEmpty()) {
        args.add(dir[0]);
        args.add(v);
      }
    }
    // symbol lists every symbol of the command; start and end are empty when the symbols' data
    // cover different ranges and none was asked for
    args.addAll(List.of("--symbol", symbol));
    for (String[] day : new String[][] {{"--start", "start"}, {"--end", "end"}}) {
      String v = state.getProperty(day[1]);
      if (!v.isEmpty()) {
        args.add(day[0]);
        args.add(v);
      }
    }
    for (String[] list : new String[][] {{"--include", "include"}, {"--exclude", "exclude"}}) {
      String v = state.getProperty(list[1], "");
      if (!v.isEmpty()) {
        args.add(list[0]);
        args.add(v);
      }
    }
    for (String p : state.getProperty("params", "").split("\n")) {
      if (!p.isBlank()) {
        args.add("--param");
        args.add(p);
      }
    }
    String workers = state.getProperty("max_workers");
    if (workers != null) {
      args.add("--max-workers");
      args.add(workers);
    }
    args.add("--resume");
    StringBuilder b = new StringBuilder();
    for (String a : args) {
      b.append(b.length() == 0 ? "" : " ").append(shellQuote(a));
    }
    return b.toString();
  }

  static String shellQuote(String s) {
    return SHELL_SAFE.matcher(s).matches() ? s : "'" + s.replace("'", "'\\''") + "'";
  }

  /**
   * The status files of the run the state describes (several for a run over several symbols), or,
   * with no state at all, the newest status file in the results folder.
   */
  private static List<Path> latestStatus(LabPaths paths, Properties state) throws IOException {
    if (!state.isEmpty() || !Files.isDirectory(paths.results())) {
      // the latest run or sweep is this one: another run's status file would describe something
      // else
      return pathList(state.getProperty("status_file"));
    }
    try (Stream<Path> s = Files.list(paths.results())) {
      Optional<Path> latest =
          s.filter(p -> p.getFileName().toString().startsWith("run_all_status_"))
              .max(Comparator.comparing(p -> p.toFile().lastModified()));
      return latest.map(List::of).orElse(List.of());
    }
  }

  /**
   * The paths of a state value: one path, or a run's over several symbols, comma-separated. A value
   * that names an existing file or folder is one path even if it holds a comma.
   */
  static List<Path> pathList(String value) {
    if (value == null || value.isEmpty()) {
      return List.of();
    }
    if (Files.exists(Path.of(value))) {
      return List.of(Path.of(value));
    }
    return Arrays.stream(value.split(",")).map(Path::of).toList();
  }

  private static String joined(List<Path> paths) {
    return paths.isEmpty() ? null : String.join(",", paths.stream().map(Path::toString).toList());
  }
}
