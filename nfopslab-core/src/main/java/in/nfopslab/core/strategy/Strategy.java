package in.nfopslab.core.strategy;

/**
 * One strategy instance for one run of the engine over a task's days. The engine calls {@link
 * #onSecond} once per trading second, in time order, with a context that cannot show any bar after
 * the current second. Entries, fills, slippage and the standard exits are engine services reached
 * through the context, so an implementation holds only its signal state. State that must not carry
 * from one day to the next is reset in {@link #onDayStart}.
 */
public interface Strategy {
  /** The current second: read bars up to now, submit entries, request signal exits. */
  void onSecond(StrategyContext ctx);

  /** Called at the first second of each day, before {@link #onSecond} for that second. */
  default void onDayStart(StrategyContext ctx) {}

  /**
   * Called after the last second of each day, once every position of the day is closed or
   * cancelled.
   */
  default void onDayEnd(StrategyContext ctx) {}
}
