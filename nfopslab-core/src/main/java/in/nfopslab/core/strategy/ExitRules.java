package in.nfopslab.core.strategy;

import java.time.LocalTime;

/**
 * The engine exits of one position, each optional (null = off). {@code stop}, {@code target} and
 * {@code trailing} act on the whole position's profit; {@code legStop} closes one leg alone when
 * that leg has moved against it by the level; {@code timeExit} closes at a clock time (exit reason
 * {@code time}); {@code eodExit} brings the end-of-day exit earlier than the run's {@code eod_exit}
 * for this position (exit reason {@code eod}).
 */
public record ExitRules(
    Level stop,
    Level target,
    Level trailing,
    Level legStop,
    LocalTime timeExit,
    LocalTime eodExit) {
  private static final ExitRules NONE = new ExitRules(null, null, null, null, null, null);

  /** No exits but the run's end of day. */
  public static ExitRules none() {
    return NONE;
  }

  public ExitRules withStop(Level level) {
    return new ExitRules(level, target, trailing, legStop, timeExit, eodExit);
  }

  public ExitRules withTarget(Level level) {
    return new ExitRules(stop, level, trailing, legStop, timeExit, eodExit);
  }

  public ExitRules withTrailing(Level level) {
    return new ExitRules(stop, target, level, legStop, timeExit, eodExit);
  }

  public ExitRules withLegStop(Level level) {
    return new ExitRules(stop, target, trailing, level, timeExit, eodExit);
  }

  public ExitRules withTimeExit(LocalTime time) {
    return new ExitRules(stop, target, trailing, legStop, time, eodExit);
  }

  public ExitRules withEodExit(LocalTime time) {
    return new ExitRules(stop, target, trailing, legStop, timeExit, time);
  }
}
