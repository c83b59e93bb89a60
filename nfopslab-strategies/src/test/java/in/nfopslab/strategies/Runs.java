package in.nfopslab.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.engine.EngineConfig;
import in.nfopslab.core.engine.StrategyResult;
import in.nfopslab.core.engine.StrategyRun;
import in.nfopslab.core.market.DayMarket;
import in.nfopslab.core.strategy.Params;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.strategy.StrategyFactory;
import in.nfopslab.core.testing.TestRuns;
import in.nfopslab.core.trade.TradeLeg;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Runs a library strategy, with name=value parameters, over hand-built days (lot size 50, strike
 * step 50).
 */
public final class Runs {
  private Runs() {}

  public static StrategyResult run(StrategyFactory factory, DayMarket day, String... params) {
    return run(factory, List.of(day), params);
  }

  public static StrategyResult run(
      StrategyFactory factory, List<? extends DayMarket> days, String... params) {
    return run(factory, days, EngineConfig.defaults(), params);
  }

  public static StrategyResult run(
      StrategyFactory factory,
      List<? extends DayMarket> days,
      EngineConfig engine,
      String... params) {
    StrategyConfig config =
        new StrategyConfig(
            days.get(0).symbol(), Params.parse(factory.descriptor(), List.of(params)));
    StrategyResult r =
        TestRuns.engine(days, engine, null, List.of(new StrategyRun(factory, config)))
            .results()
            .get(0);
    assertThat(r.ok()).as("strategy failure %s", r.failure()).isTrue();
    for (TradeLeg t : r.trades()) {
      assertThat(t.entryTs()).as("a leg fills after its signal second").isAfter(t.signalTs());
    }
    return r;
  }

  /** The single trade leg of a result. */
  public static TradeLeg only(StrategyResult r) {
    assertThat(r.trades()).as("events %s", r.events()).hasSize(1);
    return r.trades().get(0);
  }

  public static LocalDateTime at(String date, String time) {
    return LocalDateTime.parse(date + "T" + time);
  }
}
