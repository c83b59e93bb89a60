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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The premium-selling and volatility strategies keep the per-second loop allocation-free too:
 * gamma_scalp solves two implied vols a second for every open straddle, atm_volume_burst slides six
 * volume windows. A whole day with five gamma straddles held an hour each, a burst trade and a
 * condor stays far under one object per second.
 */
class VolatilityFamilyAllocationTest {
  static final Symbol NIFTY = new Symbol("NIFTY");
  static final String EXP = "2024-01-11";

  @Test
  void aFullDayOfThePartOneStrategiesAllocatesOnlyPerDayAndPerTradeObjects() {
    java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    assumeThat(mx).isInstanceOf(com.sun.management.ThreadMXBean.class);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) mx;
    assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();
    threads.setThreadAllocatedMemoryEnabled(true);
    TestMarket.Builder b =
        TestMarket.on("2024-01-08")
            .spot("09:15:00", 22000.0, "10:20:00", 22090.0, "12:00:00", 22010.0)
            .futures("09:15:00", 22050.0, "10:20:00", 22140.0, "12:00:00", 22060.0)
            .futuresExpiry("2024-01-25")
            .liquidOption(
                EXP,
                OptionType.CE,
                22000,
                "09:15:00",
                133.75,
                "10:20:00",
                186.06,
                "12:00:00",
                131.0)
            .liquidOption(
                EXP,
                OptionType.PE,
                22000,
                "09:15:00",
                114.30,
                "10:20:00",
                76.69,
                "12:00:00",
                118.0);
    for (int k = 1; k <= 4; k++) {
      b.liquidOption(EXP, OptionType.CE, 22000 + 50 * k, "09:15:00", 100.0 - 20 * k);
      b.liquidOption(EXP, OptionType.PE, 22000 - 50 * k, "09:15:00", 95.0 - 20 * k);
    }
    TestMarket m = b.optionVolume(EXP, OptionType.CE, 22000, "10:10:00", "10:19:59", 3).build();
    StrategyRegistry registry = StrategyRegistry.load();
    List<StrategyRun> runs = new ArrayList<>();
    for (String name :
        List.of(
            "atm_volume_burst", "gamma_scalp", "iv_rv_spread", "expiry_iv_crush", "iron_condor")) {
      runs.add(new StrategyRun(registry.factory(name), registry.config(name, NIFTY, List.of())));
    }
    EngineInput input =
        new EngineInput(
            NIFTY,
            List.of(m.date()),
            d -> m,
            runs,
            EngineConfig.defaults(),
            (s, e, d) -> 50,
            null,
            50);
    Engine.run(input); // load classes, link lambdas

    long tid = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(tid);
    EngineResult r = Engine.run(input);
    long allocated = threads.getThreadAllocatedBytes(tid) - before;

    assertThat(r.result("gamma_scalp").trades())
        .filteredOn(t -> t.optType().equals("FUT"))
        .isNotEmpty();
    assertThat(r.result("atm_volume_burst").trades()).isNotEmpty();
    assertThat(r.result("iron_condor").trades()).hasSize(4);
    assertThat(allocated).as("bytes allocated by one day of five strategies").isLessThan(150_000L);
  }
}
