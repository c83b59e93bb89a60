package in.nfopslab.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.strategy.Params;
import in.nfopslab.core.strategy.StrategyRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The five premium-selling and volatility strategies are registered with STRATEGIES.md's defaults.
 */
class VolatilityFamilyDefaultsTest {
  static Map<String, String> defaults(String name) {
    Params p = StrategyRegistry.load().config(name, new Symbol("NIFTY"), List.of()).params();
    return new LinkedHashMap<>(p.asText());
  }

  @Test
  void atmVolumeBurst() {
    assertThat(defaults("atm_volume_burst"))
        .containsExactlyEntriesOf(
            ordered(
                "first_window",
                "10:00:00",
                "last_window",
                "15:00:00",
                "window_mins",
                "60",
                "mult",
                "1.5",
                "short_secs",
                "30",
                "base_secs",
                "300",
                "mode",
                "sell",
                "target_pct",
                "15",
                "stop_pct",
                "15",
                "trail_pct",
                "10",
                "expiry",
                "nearest"));
  }

  @Test
  void gammaScalp() {
    assertThat(defaults("gamma_scalp"))
        .containsExactlyEntriesOf(
            ordered(
                "anchors",
                "10:00:00,11:00:00,12:00:00,13:00:00,14:00:00",
                "hold_mins",
                "60",
                "rehedge_delta",
                "0.2",
                "target_pct",
                "5",
                "stop_pct",
                "10",
                "expiry",
                "nearest"));
  }

  @Test
  void ivRvSpread() {
    assertThat(defaults("iv_rv_spread"))
        .containsExactlyEntriesOf(
            ordered(
                "entry_time",
                "10:00:00",
                "rv_days",
                "5",
                "threshold",
                "2",
                "stop_pct",
                "30",
                "target_pct",
                "30",
                "exit_time",
                "15:15:00",
                "expiry",
                "nearest"));
  }

  @Test
  void expiryIvCrush() {
    assertThat(defaults("expiry_iv_crush"))
        .containsExactlyEntriesOf(
            ordered(
                "entry_times",
                "10:00:00",
                "target_pct",
                "50",
                "stop_pct",
                "30",
                "exit_time",
                "15:15:00",
                "expiry",
                "nearest"));
  }

  @Test
  void ironCondor() {
    assertThat(defaults("iron_condor"))
        .containsExactlyEntriesOf(
            ordered(
                "anchor",
                "10:00:00",
                "short_steps",
                "2",
                "wing_steps",
                "2",
                "target_pct",
                "50",
                "stop_pct",
                "100",
                "exit_time",
                "15:15:00",
                "expiry",
                "nearest"));
  }

  static Map<String, String> ordered(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }
}
