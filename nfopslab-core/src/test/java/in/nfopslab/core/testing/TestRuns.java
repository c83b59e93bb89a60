package in.nfopslab.core.testing;

import in.nfopslab.core.calendar.ExpiryCalendar;
import in.nfopslab.core.engine.Engine;
import in.nfopslab.core.engine.EngineConfig;
import in.nfopslab.core.engine.EngineInput;
import in.nfopslab.core.engine.EngineResult;
import in.nfopslab.core.engine.StrategyResult;
import in.nfopslab.core.engine.StrategyRun;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.market.DayMarket;
import in.nfopslab.core.strategy.ExpiryChoice;
import in.nfopslab.core.strategy.Params;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.strategy.StrategyDescriptor;
import in.nfopslab.core.strategy.StrategyFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs strategies over hand-built markets with a fixed lot size of 50 and NIFTY's strike step of
 * 50.
 */
public final class TestRuns {
  public static final int LOT_SIZE = 50;
  public static final int STRIKE_STEP = 50;

  private TestRuns() {}

  /** A factory for a parameterless test strategy of that name. */
  public static StrategyFactory factory(String name, Supplier<? extends Strategy> maker) {
    StrategyDescriptor d =
        new StrategyDescriptor(name, "test strategy", List.of(), ExpiryChoice.NEAREST);
    return new StrategyFactory() {
      @Override
      public StrategyDescriptor descriptor() {
        return d;
      }

      @Override
      public Strategy create(StrategyConfig config) {
        return maker.get();
      }
    };
  }

  public static StrategyRun run(StrategyFactory factory, Symbol symbol) {
    return new StrategyRun(
        factory, new StrategyConfig(symbol, Params.defaults(factory.descriptor())));
  }

  /** One strategy instance over one day with the default engine config. */
  public static StrategyResult one(DayMarket market, Strategy strategy) {
    return one(market, EngineConfig.defaults(), strategy);
  }

  public static StrategyResult one(DayMarket market, EngineConfig config, Strategy strategy) {
    StrategyFactory f = factory("test", () -> strategy);
    return engine(List.of(market), config, null, List.of(run(f, market.symbol()))).results().get(0);
  }

  /** The engine over the given days, in that order. */
  public static EngineResult engine(
      List<? extends DayMarket> markets,
      EngineConfig config,
      ExpiryCalendar calendar,
      List<StrategyRun> runs) {
    Map<LocalDate, DayMarket> byDate = new HashMap<>();
    List<LocalDate> days = new ArrayList<>();
    for (DayMarket m : markets) {
      byDate.put(m.date(), m);
      days.add(m.date());
    }
    Symbol symbol = markets.get(0).symbol();
    return Engine.run(
        new EngineInput(
            symbol,
            days,
            byDate::get,
            runs,
            config,
            (s, expiry, date) -> LOT_SIZE,
            calendar,
            STRIKE_STEP));
  }
}
