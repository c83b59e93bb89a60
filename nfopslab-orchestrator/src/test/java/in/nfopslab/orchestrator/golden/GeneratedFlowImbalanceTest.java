package in.nfopslab.orchestrator.golden;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.strategy.ExpiryChoice;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.strategy.StrategyContext;
import in.nfopslab.core.strategy.StrategyDescriptor;
import in.nfopslab.core.strategy.StrategyFactory;
import in.nfopslab.strategies.common.ChainViews;
import in.nfopslab.strategies.common.FlowImbalance;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The put/call flow imbalance oi_shift_breakout confirms breakouts with, measured as the strategy
 * measures it (its defaults: nearest expiry, ATM-2 ... ATM+2, 15 minutes of OI increase) at every
 * second of its entry window on the golden lab. On generated data it must not be stuck at +-1 (one
 * side adding OI while the other sheds it), or the strategy is only ever tested in that one regime.
 */
class GeneratedFlowImbalanceTest {
  @Test
  void imbalanceTakesValuesStrictlyBetweenMinusOneAndOne() {
    Probe probe = new Probe();
    GoldenLab.get().probe(probe);

    assertThat(probe.fromVolume).as("seconds measured from volume, not oi").isZero();
    assertThat(probe.measured).isGreaterThan(50_000); // 8 days of 14,401 seconds, some with no flow
    assertThat(probe.inside).isGreaterThan(probe.measured / 4);
    assertThat(probe.inside).isLessThan(probe.measured); // one side only does happen too
    assertThat(probe.confirmingUp).isPositive();
    assertThat(probe.confirmingDown).isPositive();
  }

  /** Counts the imbalance per second from 10:00:00 to 14:00:00, as oi_shift_breakout sees it. */
  private static final class Probe implements StrategyFactory {
    long measured;
    long inside;
    long confirmingUp;
    long confirmingDown;
    long fromVolume;

    @Override
    public StrategyDescriptor descriptor() {
      return new StrategyDescriptor(
          "flow_probe", "test: measures the flow imbalance", List.of(), ExpiryChoice.NEAREST);
    }

    @Override
    public Strategy create(StrategyConfig config) {
      FlowImbalance flow = new FlowImbalance();
      return new Strategy() {
        private ChainViews chain;
        private int from;
        private int to;

        @Override
        public void onDayStart(StrategyContext ctx) {
          LocalDate expiry = ctx.expiry();
          chain = expiry == null ? null : new ChainViews(ctx, expiry);
          from = ctx.secondOf(LocalTime.of(10, 0));
          to = ctx.secondOf(LocalTime.of(14, 0));
        }

        @Override
        public void onSecond(StrategyContext ctx) {
          int now = ctx.now();
          if (chain == null || now < from || now > to || ctx.atm() == StrategyContext.NO_STRIKE) {
            return;
          }
          double imbalance = flow.measure(chain, ctx.atm(), ctx.strikeStep(), 2, 900);
          if (Double.isNaN(imbalance)) {
            return;
          }
          measured++;
          fromVolume += flow.fromOi() ? 0 : 1;
          inside += imbalance > -1 && imbalance < 1 ? 1 : 0;
          confirmingUp += imbalance >= 0.2 ? 1 : 0;
          confirmingDown += imbalance <= -0.2 ? 1 : 0;
        }
      };
    }
  }
}
