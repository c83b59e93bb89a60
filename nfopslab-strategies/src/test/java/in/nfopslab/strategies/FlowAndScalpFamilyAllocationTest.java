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
 * The part-2 strategies keep the per-second loop allocation-free: over a whole day
 * oi_shift_breakout measures the flow of ten series every second from 10:30 to 14:00 (spot above
 * its range, flow never confirming), vwap_mr updates its VWAP every second and holds a put,
 * momentum_scalp and microburst_seller hold a position each for five hours, volume_spike_minute
 * checks every minute end: about 72 KB measured in all. One 16-byte object per second for one
 * strategy would be 360 KB.
 */
class FlowAndScalpFamilyAllocationTest {
  static final Symbol NIFTY = new Symbol("NIFTY");
  static final String EXP = "2024-01-11";

  @Test
  void aFullDayOfThePartTwoStrategiesAllocatesOnlyPerDayAndPerTradeObjects() {
    java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    assumeThat(mx).isInstanceOf(com.sun.management.ThreadMXBean.class);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) mx;
    assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();
    threads.setThreadAllocatedMemoryEnabled(true);
    TestMarket.Builder b =
        TestMarket.on("2024-01-08")
            .spot("09:15:00", 22000.0, "10:30:00", 22060.0)
            .futures("09:15:00", 22000.0, "10:00:00", 22100.0)
            .futuresVolume("09:15:00", 100, "10:00:00", 1);
    for (int k = 21900; k <= 22150; k += 50) {
      b.liquidOption(EXP, OptionType.CE, k, "09:15:00", 100.0)
          .liquidOption(EXP, OptionType.PE, k, "09:15:00", 100.0);
    }
    TestMarket m =
        b.optionVolume(EXP, OptionType.CE, 22000, "09:15:00", 1, "09:40:00", 10, "09:41:00", 1)
            .build();
    StrategyRegistry registry = StrategyRegistry.load();
    List<StrategyRun> runs = new ArrayList<>();
    for (String spec :
        List.of(
            "oi_shift_breakout",
            "vwap_mr",
            "volume_spike_minute",
            "calendar_spread",
            "dispersion",
            "momentum_scalp vol_mult=0 drop_confirm=0",
            "microburst_seller vol_mult=0")) {
      List<String> words = List.of(spec.split(" "));
      String name = words.get(0);
      runs.add(
          new StrategyRun(
              registry.factory(name),
              registry.config(name, NIFTY, words.subList(1, words.size()))));
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

    assertThat(r.result("oi_shift_breakout").trades()).isEmpty();
    assertThat(r.result("vwap_mr").trades()).hasSize(1);
    assertThat(r.result("volume_spike_minute").trades()).hasSize(1);
    assertThat(r.result("momentum_scalp").trades()).hasSize(1);
    assertThat(r.result("microburst_seller").trades()).hasSize(1);
    assertThat(r.result("dispersion").stances()).hasSize(1);
    assertThat(allocated).as("bytes allocated by one day of seven strategies").isLessThan(150_000L);
  }
}
