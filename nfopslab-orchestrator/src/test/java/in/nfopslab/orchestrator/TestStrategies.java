package in.nfopslab.orchestrator;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.strategy.EntryOrder;
import in.nfopslab.core.strategy.ExitRules;
import in.nfopslab.core.strategy.ExpiryChoice;
import in.nfopslab.core.strategy.OrderLeg;
import in.nfopslab.core.strategy.ParamSpec;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.strategy.StrategyContext;
import in.nfopslab.core.strategy.StrategyDescriptor;
import in.nfopslab.core.strategy.StrategyFactory;
import in.nfopslab.core.strategy.StrategyRegistry;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** Two tiny strategies for orchestrator tests: one that trades, one that throws on a given day. */
final class TestStrategies {
  private TestStrategies() {}

  static StrategyRegistry registry() {
    return StrategyRegistry.of(List.of(new BuyAtTime(), new Boom(), new StanceAtTen()));
  }

  /**
   * Buys the nearest-expiry ATM CE at {@code at} (default 10:00:00) and holds it to the end-of-day
   * exit.
   */
  static final class BuyAtTime implements StrategyFactory {
    @Override
    public StrategyDescriptor descriptor() {
      return new StrategyDescriptor(
          "buy_at_time",
          "test: buy the ATM CE at a time",
          List.of(ParamSpec.ofTime("at", "10:00:00", "entry time")),
          ExpiryChoice.NEAREST);
    }

    @Override
    public Strategy create(StrategyConfig config) {
      LocalTime at = config.params().getTime("at");
      return new Strategy() {
        @Override
        public void onSecond(StrategyContext ctx) {
          if (ctx.time().equals(at)) {
            LocalDate e = ctx.expiry();
            int k = ctx.nearestAvailable(e, ctx.atm(), OptionType.CE);
            ctx.enter(EntryOrder.of(ExitRules.none(), OrderLeg.buy(e, OptionType.CE, k)));
          }
        }
      };
    }
  }

  /** Writes one stance row a day at 10:00, no trades. */
  static final class StanceAtTen implements StrategyFactory {
    @Override
    public StrategyDescriptor descriptor() {
      return new StrategyDescriptor(
          "stance_at_ten", "test: a stance row a day", List.of(), ExpiryChoice.NEAREST, true);
    }

    @Override
    public Strategy create(StrategyConfig config) {
      return ctx -> {
        if (ctx.time().equals(LocalTime.of(10, 0))) {
          ctx.stance("neutral", "test", java.util.Map.of("spot", ctx.spot().close(ctx.now())));
        }
      };
    }
  }

  /** Throws at 11:00 on 2024-01-03. */
  static final class Boom implements StrategyFactory {
    @Override
    public StrategyDescriptor descriptor() {
      return new StrategyDescriptor(
          "boom", "test: fails on 2024-01-03", List.of(), ExpiryChoice.NEAREST);
    }

    @Override
    public Strategy create(StrategyConfig config) {
      return ctx -> {
        if (ctx.date().equals(LocalDate.of(2024, 1, 3)) && ctx.time().equals(LocalTime.of(11, 0))) {
          throw new IllegalStateException("boom on purpose");
        }
      };
    }
  }
}
