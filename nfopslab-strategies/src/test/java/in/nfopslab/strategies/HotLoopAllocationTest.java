package in.nfopslab.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import in.nfopslab.core.engine.Engine;
import in.nfopslab.core.engine.EngineConfig;
import in.nfopslab.core.engine.EngineInput;
import in.nfopslab.core.engine.EngineResult;
import in.nfopslab.core.engine.StrategyRun;
import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.strategy.StrategyRegistry;
import in.nfopslab.core.testing.TestMarket;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-second loop allocates nothing: a whole 22,501-second day of orb and short_straddle, with
 * positions open for most of it, allocates a few kilobytes of per-day and per-trade objects. One
 * 16-byte object per second per strategy would already be 720 KB.
 */
class HotLoopAllocationTest {
  static final Symbol NIFTY = new Symbol("NIFTY");

  @Test
  void aFullDayOfTwoStrategiesAllocatesOnlyPerDayAndPerTradeObjects() {
    java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    assumeThat(mx).isInstanceOf(com.sun.management.ThreadMXBean.class);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) mx;
    assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();
    threads.setThreadAllocatedMemoryEnabled(true);
    TestMarket m =
        TestMarket.on("2024-01-08")
            .spot(
                "09:15:00", 21500.0, "09:20:00", 21520.0, "09:45:10", 21530.0, "11:00:00", 21537.0)
            .liquidOption("2024-01-11", OptionType.CE, 21550, "09:15:00", 100.0)
            .liquidOption("2024-01-11", OptionType.PE, 21550, "09:15:00", 100.0)
            .build();
    StrategyRegistry registry = StrategyRegistry.load();
    EngineInput input =
        new EngineInput(
            NIFTY,
            List.of(m.date()),
            d -> m,
            List.of(
                new StrategyRun(registry.factory("orb"), registry.config("orb", NIFTY, List.of())),
                new StrategyRun(
                    registry.factory("short_straddle"),
                    registry.config("short_straddle", NIFTY, List.of()))),
            EngineConfig.defaults(),
            (s, e, d) -> 50,
            null,
            50);
    Engine.run(input); // load classes, link lambdas

    long tid = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(tid);
    EngineResult r = Engine.run(input);
    long allocated = threads.getThreadAllocatedBytes(tid) - before;

    assertThat(r.result("orb").trades()).hasSize(1);
    assertThat(r.result("short_straddle").trades()).hasSize(2);
    assertThat(allocated).as("bytes allocated by one day of two strategies").isLessThan(100_000L);
  }
}
