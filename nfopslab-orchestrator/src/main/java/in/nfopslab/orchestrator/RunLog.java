package in.nfopslab.orchestrator;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * The run log: while a run lasts, everything the project logs at INFO or above also goes to one
 * file per run, each line keyed by its task (MDC "task"), whatever the console verbosity.
 */
final class RunLog implements AutoCloseable {
  private final FileAppender<ILoggingEvent> appender;
  private final Logger logger;
  private final Level previous;

  private RunLog(FileAppender<ILoggingEvent> appender, Logger logger, Level previous) {
    this.appender = appender;
    this.logger = logger;
    this.previous = previous;
  }

  static RunLog attach(Path file) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext)) {
      return new RunLog(null, null, null);
    }
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    PatternLayoutEncoder enc = new PatternLayoutEncoder();
    enc.setContext(ctx);
    enc.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%X{task:-run}] %logger{24} - %msg%n");
    enc.start();
    FileAppender<ILoggingEvent> fa = new FileAppender<>();
    fa.setContext(ctx);
    fa.setName("nfops-run-log");
    fa.setFile(file.toString());
    fa.setEncoder(enc);
    ThresholdFilter f = new ThresholdFilter();
    f.setLevel("INFO");
    f.start();
    fa.addFilter(f);
    fa.start();
    Logger ours = ctx.getLogger("in.nfopslab");
    Level prev = ours.getLevel();
    // the console appender keeps its own threshold via the root logger; ours must pass INFO to
    // reach the file
    if (prev == null || prev.isGreaterOrEqual(Level.WARN)) {
      ours.setLevel(Level.INFO);
      ConsoleQuiet.apply(ctx, prev == null ? Level.WARN : prev);
    }
    ours.addAppender(fa);
    return new RunLog(fa, ours, prev);
  }

  @Override
  public void close() {
    if (appender == null) {
      return;
    }
    logger.detachAppender(appender);
    appender.stop();
    logger.setLevel(previous);
    ConsoleQuiet.undo((LoggerContext) LoggerFactory.getILoggerFactory());
  }

  /** Keeps the console as quiet as the user asked while the run log takes INFO. */
  static final class ConsoleQuiet {
    private ConsoleQuiet() {}

    static void apply(LoggerContext ctx, Level consoleLevel) {
      Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
      for (var it = root.iteratorForAppenders(); it.hasNext(); ) {
        var a = it.next();
        ThresholdFilter f = new ThresholdFilter();
        f.setLevel(consoleLevel.toString());
        f.setName("nfops-console-quiet");
        f.start();
        a.addFilter(f);
      }
    }

    static void undo(LoggerContext ctx) {
      Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
      for (var it = root.iteratorForAppenders(); it.hasNext(); ) {
        var a = it.next();
        a.clearAllFilters();
      }
    }
  }
}
