package in.nfopslab.core.engine;

/** The exit_reason vocabulary of the output rows (see docs/ENGINE.md). */
public final class ExitReason {
  /** The position's loss reached its stop level. */
  public static final String STOP = "stop";

  /** The position's profit reached its target level. */
  public static final String TARGET = "target";

  /** The position gave back the trailing distance from its best profit. */
  public static final String TRAILING = "trailing";

  /** One leg moved against itself by its leg stop and was closed alone. */
  public static final String LEG_STOP = "leg_stop";

  /** The position's clock-time exit. */
  public static final String TIME = "time";

  /**
   * The end-of-day exit (the run's eod_exit, or the strategy's earlier one), or the session close.
   */
  public static final String EOD = "eod";

  /** The strategy asked to exit (its own exit rule). */
  public static final String SIGNAL = "signal";

  /** Held to the session close of its expiry day and settled at intrinsic value. */
  public static final String SETTLEMENT = "settlement";

  private ExitReason() {}
}
