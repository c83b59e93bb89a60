package in.nfopslab.core.engine;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.market.DayMarket;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs strategy variants over a task's days, second by second, with no look-ahead (see
 * docs/ENGINE.md). For each day the market is loaded once and every variant walks it in turn; a
 * variant that throws is stopped and reported while the others go on. The engine keeps no state
 * between calls and reads no clock, so the same input gives the same trades on any thread.
 */
public final class Engine {
  private Engine() {}

  public static EngineResult run(EngineInput input) {
    requireNonNull(input, "input is null");
    PastSpots past = new PastSpots(input);
    List<StrategyRunner> runners = new ArrayList<>(input.strategies().size());
    for (StrategyRun run : input.strategies()) {
      runners.add(new StrategyRunner(input, run, past));
    }
    for (LocalDate day : input.days()) {
      if (!anyAlive(runners)) {
        break;
      }
      DayMarket market = input.markets().load(day);
      if (market == null) {
        for (StrategyRunner r : runners) {
          r.event(day, null, EngineEvent.Kind.NOTE, "no market data: day skipped");
        }
        continue;
      }
      if (!market.date().equals(day) || !market.symbol().equals(input.symbol())) {
        throw new IllegalStateException(
            "asked for the "
                + input.symbol()
                + " market of "
                + day
                + ", got "
                + market.symbol()
                + " "
                + market.date());
      }
      try {
        for (StrategyRunner r : runners) {
          r.runDay(market);
        }
        past.remember(day, market.spot());
      } finally {
        market.close(); // every runner is done with the day
      }
    }
    List<StrategyResult> results = new ArrayList<>(runners.size());
    for (StrategyRunner r : runners) {
      results.add(r.result());
    }
    return new EngineResult(results);
  }

  private static boolean anyAlive(List<StrategyRunner> runners) {
    for (StrategyRunner r : runners) {
      if (r.alive()) {
        return true;
      }
    }
    return false;
  }
}
