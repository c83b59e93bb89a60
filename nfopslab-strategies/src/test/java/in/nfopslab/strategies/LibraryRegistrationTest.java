package in.nfopslab.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.nfopslab.core.engine.Engine;
import in.nfopslab.core.engine.EngineConfig;
import in.nfopslab.core.engine.EngineInput;
import in.nfopslab.core.engine.EngineResult;
import in.nfopslab.core.engine.StrategyRun;
import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.strategy.StrategyRegistry;
import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.trade.TradeLeg;
import java.util.List;
import org.junit.jupiter.api.Test;

class LibraryRegistrationTest {
  static final Symbol NIFTY = new Symbol("NIFTY");

  @Test
  void theServiceLoaderFindsOrbAndShortStraddleWithTheirParameters() {
    StrategyRegistry r = StrategyRegistry.load();

    assertThat(r.names()).contains("orb", "short_straddle");
    assertThat(r.factory("orb").descriptor().paramNames())
        .containsExactly(
            "range_start",
            "range_end",
            "entry_end",
            "stop_pct",
            "target_pct",
            "exit_time",
            "expiry");
    assertThat(r.factory("short_straddle").descriptor().paramNames())
        .containsExactly("anchor", "leg_stop_pct", "exit_time", "expiry");
    assertThat(r.factory("orb").descriptor().usage()).contains("stop_pct (double, default 15)");
  }

  @Test
  void unknownNamesAndParametersListTheValidOnes() {
    StrategyRegistry r = StrategyRegistry.load();

    assertThatThrownBy(() -> r.factory("straddle"))
        .hasMessageContaining("valid: ")
        .hasMessageContaining("orb")
        .hasMessageContaining("short_straddle");
    assertThatThrownBy(() -> r.config("short_straddle", NIFTY, List.of("stop_pct=20")))
        .hasMessageContaining("unknown parameter 'stop_pct'")
        .hasMessageContaining("anchor, leg_stop_pct, exit_time, expiry");
  }

  @Test
  void bothStrategiesRunOverTheSameMarketInOneEngineCallAsTheOrchestratorWouldRunThem() {
    // Spot: range 21500..21520 until 09:29:59, 21530 from 09:45:10 (ORB buys the 21550 CE), 21537
    // at 11:00
    // (short_straddle sells the 21550 straddle). Every option flat at 100: both exit at 15:15:01
    // with reason eod.
    TestMarket m =
        TestMarket.on("2024-01-08")
            .spot(
                "09:15:00", 21500.0, "09:20:00", 21520.0, "09:45:10", 21530.0, "11:00:00", 21537.0)
            .liquidOption("2024-01-11", OptionType.CE, 21550, "09:15:00", 100.0)
            .liquidOption("2024-01-11", OptionType.PE, 21550, "09:15:00", 100.0)
            .build();
    StrategyRegistry registry = StrategyRegistry.load();
    List<StrategyRun> runs =
        List.of(
            new StrategyRun(registry.factory("orb"), registry.config("orb", NIFTY, List.of())),
            new StrategyRun(
                registry.factory("short_straddle"),
                registry.config("short_straddle", NIFTY, List.of())));

    EngineResult r =
        Engine.run(
            new EngineInput(
                NIFTY,
                List.of(m.date()),
                d -> m,
                runs,
                EngineConfig.defaults(),
                (s, e, d) -> 50,
                null,
                50));

    List<TradeLeg> orb = r.result("orb").trades();
    List<TradeLeg> straddle = r.result("short_straddle").trades();
    assertThat(orb)
        .extracting(TradeLeg::optType, TradeLeg::exitReason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("CE", "eod"));
    assertThat(straddle).extracting(TradeLeg::optType).containsExactly("CE", "PE");
    StrategyConfig orbDefaults = registry.config("orb", NIFTY, List.of());
    assertThat(orb.get(0).paramsId()).isEqualTo(orbDefaults.paramsId());
    assertThat(straddle.get(0).paramsId()).isNotEqualTo(orb.get(0).paramsId());
  }
}
