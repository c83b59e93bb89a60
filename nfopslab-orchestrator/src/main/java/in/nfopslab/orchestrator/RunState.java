package in.nfopslab.orchestrator;

import in.nfopslab.core.io.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The heartbeat of a run: {@code backtests/run_state.properties} with the process id, the state
 * (running, finished, failed), progress counts and a heartbeat time rewritten every few seconds. A
 * monitor tells a running run (fresh heartbeat, live pid) from a finished one and from a dead one
 * (state running, but the pid is gone or the heartbeat is stale). A properties file, so shell
 * scripts can grep it.
 */
public final class RunState implements AutoCloseable {
  public static final String FILE = "run_state.properties";
  static final Duration INTERVAL = Duration.ofSeconds(5);

  private final Path file;
  private final TreeMap<String, String> fixed = new TreeMap<>();
  private final Supplier<long[]> counts;
  private final ScheduledExecutorService timer;
  private volatile String state = "running";

  /** Starts the heartbeat; {@code counts} gives {total, done, failed}. */
  public RunState(Path outDir, String runId, String command, Path runLog, Supplier<long[]> counts)
      throws IOException {
    this.file = outDir.resolve(FILE);
    this.counts = counts;
    fixed.put("pid", Long.toString(ProcessHandle.current().pid()));
    fixed.put("run_id", runId);
    fixed.put("command", command);
    fixed.put("started", Instant.now().toString());
    fixed.put("run_log", runLog == null ? "" : runLog.toString());
    fixed.put("heartbeat_interval_s", Long.toString(INTERVAL.toSeconds()));
    write();
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "nfops-heartbeat");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleAtFixedRate(
        this::beat, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  public void put(String key, String value) {
    synchronized (fixed) {
      fixed.put(key, value);
    }
  }

  /**
   * Adds facts about the run and rewrites the file at once, so a monitor sees them before the next
   * beat.
   */
  public void putAll(Map<String, String> values) {
    synchronized (fixed) {
      fixed.putAll(values);
    }
    beat();
  }

  private void beat() {
    try {
      write();
    } catch (IOException | RuntimeException e) {
      // a missed heartbeat only makes the run look stale for a moment; never fail the run for it
    }
  }

  private synchronized void write() throws IOException {
    Properties p = new Properties();
    synchronized (fixed) {
      p.putAll(fixed);
    }
    long[] c = counts.get();
    p.put("state", state);
    p.put("heartbeat", Instant.now().toString());
    p.put("pairs_total", Long.toString(c[0]));
    p.put("pairs_done", Long.toString(c[1]));
    p.put("pairs_failed", Long.toString(c[2]));
    store(file, p);
  }

  private static void store(Path file, Properties p) throws IOException {
    StringWriter w = new StringWriter();
    p.store(w, "nfops run state (rewritten every " + INTERVAL.toSeconds() + " s while running)");
    AtomicFiles.writeString(file, w.toString());
  }

  /** Final state: finished or failed. */
  public void finish(String finalState) throws IOException {
    timer.shutdownNow();
    state = finalState;
    put("finished", Instant.now().toString());
    write();
  }

  @Override
  public void close() throws IOException {
    if (!timer.isShutdown()) {
      finish("failed");
    }
  }

  public static Properties read(Path outDir) throws IOException {
    Properties p = new Properties();
    Path f = outDir.resolve(FILE);
    if (Files.isRegularFile(f)) {
      try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        p.load(r);
      }
    }
    return p;
  }
}
