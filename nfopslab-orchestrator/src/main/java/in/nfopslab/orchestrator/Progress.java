package in.nfopslab.orchestrator;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a batch of tasks: a live bar (tasks done, failures, ETA) when a person watches a
 * terminal, and a plain line every {@code interval} otherwise (nohup, CI), so a log tail shows how
 * far a run is. Thread-safe.
 */
public final class Progress implements AutoCloseable {
  /** How to show progress. */
  public enum Mode {
    /** A live bar if stderr looks like a terminal, else plain lines. */
    AUTO,
    BAR,
    PLAIN,
    NONE
  }

  private final String label;
  private final long total;
  private final PrintStream out;
  private final ProgressBar bar;
  private final boolean printPlain;
  private final long intervalNanos;
  private final long startNanos = System.nanoTime();
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile long lastPrintNanos = System.nanoTime();

  public Progress(String label, long total, Mode mode, PrintStream out, Duration interval) {
    this.label = requireNonNull(label, "label is null");
    this.total = total;
    this.out = requireNonNull(out, "out is null");
    this.intervalNanos = interval.toNanos();
    Mode m = mode == Mode.AUTO ? (isTerminal() ? Mode.BAR : Mode.PLAIN) : mode;
    this.bar =
        m == Mode.BAR
            ? new ProgressBarBuilder()
                .setTaskName(label)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(out))
                .setUpdateIntervalMillis(250)
                .showSpeed()
                .build()
            : null;
    this.printPlain = m == Mode.PLAIN;
  }

  /**
   * A terminal is attached when the JVM has a console and TERM is not "dumb"; a redirected stderr
   * is not.
   */
  static boolean isTerminal() {
    String term = System.getenv("TERM");
    return System.console() != null
        && term != null
        && !term.equals("dumb")
        && System.getenv("CI") == null;
  }

  public void step(boolean ok) {
    long d = done.incrementAndGet();
    long f = ok ? failed.get() : failed.incrementAndGet();
    if (bar != null) {
      bar.stepTo(d);
      bar.setExtraMessage(f > 0 ? f + " failed" : "");
    } else if (printPlain) {
      long now = System.nanoTime();
      if (now - lastPrintNanos >= intervalNanos || d == total) {
        lastPrintNanos = now;
        out.println(line(d, f, now));
      }
    }
  }

  public long done() {
    return done.get();
  }

  public long failed() {
    return failed.get();
  }

  String line(long d, long f, long now) {
    double secs = (now - startNanos) / 1e9;
    double rate = secs > 0 ? d / secs : 0;
    String eta = rate > 0 && d < total ? formatDuration((long) ((total - d) / rate)) : "-";
    return String.format(
        java.util.Locale.ROOT,
        "[%s] %s: %d/%d done (%.0f%%), %d failed, %.1f/s, elapsed %s, eta %s",
        java.time.LocalTime.now().withNano(0),
        label,
        d,
        total,
        total == 0 ? 100.0 : 100.0 * d / total,
        f,
        rate,
        formatDuration((long) secs),
        eta);
  }

  static String formatDuration(long seconds) {
    return seconds >= 3600
        ? String.format(java.util.Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60)
        : String.format(java.util.Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
