package in.nfopslab.core.testing;

import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyContext;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A test strategy that runs given actions at given clock times (and, optionally, every second). */
public final class Scripted implements Strategy {
  private final List<LocalTime> times = new ArrayList<>();
  private final List<Consumer<StrategyContext>> actions = new ArrayList<>();
  private Consumer<StrategyContext> everySecond = ctx -> {};
  private Consumer<StrategyContext> dayStart = ctx -> {};

  /**
   * Position ids returned by {@link StrategyContext#enter} calls made through {@link #enter}, in
   * order.
   */
  public final List<Integer> positions = new ArrayList<>();

  public static Scripted at(String time, Consumer<StrategyContext> action) {
    return new Scripted().then(time, action);
  }

  public Scripted then(String time, Consumer<StrategyContext> action) {
    times.add(LocalTime.parse(time));
    actions.add(action);
    return this;
  }

  public Scripted everySecond(Consumer<StrategyContext> action) {
    this.everySecond = action;
    return this;
  }

  public Scripted atDayStart(Consumer<StrategyContext> action) {
    this.dayStart = action;
    return this;
  }

  @Override
  public void onDayStart(StrategyContext ctx) {
    dayStart.accept(ctx);
  }

  /** Enters and remembers the position id, for actions that later exit it. */
  public void enter(StrategyContext ctx, in.nfopslab.core.strategy.EntryOrder order) {
    positions.add(ctx.enter(order));
  }

  @Override
  public void onSecond(StrategyContext ctx) {
    int now = ctx.now();
    for (int i = 0; i < times.size(); i++) {
      if (ctx.secondOf(times.get(i)) == now) {
        actions.get(i).accept(ctx);
      }
    }
    everySecond.accept(ctx);
  }
}
