package in.nfopslab.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.nfopslab.core.instrument.Symbol;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrategyRegistryTest {
  static StrategyFactory named(String name) {
    StrategyDescriptor d =
        new StrategyDescriptor(
            name,
            name + " strategy",
            List.of(ParamSpec.ofDouble("stop_pct", 15, "stop")),
            ExpiryChoice.NEXT);
    return new StrategyFactory() {
      @Override
      public StrategyDescriptor descriptor() {
        return d;
      }

      @Override
      public Strategy create(StrategyConfig config) {
        return ctx -> {};
      }
    };
  }

  @Test
  void namesAreSortedAndAFactoryIsFoundByName() {
    StrategyRegistry r = StrategyRegistry.of(List.of(named("orb"), named("iron_condor")));

    assertThat(r.names()).containsExactly("iron_condor", "orb");
    assertThat(r.factory("orb").descriptor().name()).isEqualTo("orb");
    assertThat(r.descriptors())
        .extracting(StrategyDescriptor::name)
        .containsExactly("iron_condor", "orb");
  }

  @Test
  void anUnknownNameIsAnErrorListingTheValidOnes() {
    StrategyRegistry r = StrategyRegistry.of(List.of(named("orb"), named("iron_condor")));

    assertThatThrownBy(() -> r.factory("orbb"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown strategy 'orbb'; valid: iron_condor, orb");
  }

  @Test
  void aConfigCarriesTypedParametersAndTheDefaultExpiry() {
    StrategyConfig c =
        StrategyRegistry.of(List.of(named("orb")))
            .config("orb", new Symbol("NIFTY"), List.of("stop_pct=10"));

    assertThat(c.params().getDouble("stop_pct")).isEqualTo(10.0);
    assertThat(c.expiryChoice()).isEqualTo(ExpiryChoice.NEXT);
    assertThat(c.paramsId()).hasSize(12);
  }

  @Test
  void anEmptyRegistryAndDuplicateNamesAreErrors() {
    assertThatThrownBy(() -> StrategyRegistry.of(List.of())).hasMessageContaining("no strategies");
    assertThatThrownBy(() -> StrategyRegistry.of(List.of(named("orb"), named("orb"))))
        .hasMessageContaining("two strategies are named orb");
  }

  @Test
  void aClassPathWithoutStrategiesIsAClearError() throws Exception {
    try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
      assertThatThrownBy(() -> StrategyRegistry.load(empty))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no strategies found");
    }
  }
}
