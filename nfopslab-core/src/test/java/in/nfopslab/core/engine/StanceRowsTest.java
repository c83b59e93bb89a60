package in.nfopslab.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.strategy.ExpiryChoice;
import in.nfopslab.core.strategy.Params;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.strategy.StrategyDescriptor;
import in.nfopslab.core.strategy.StrategyFactory;
import in.nfopslab.core.testing.Scripted;
import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.testing.TestRuns;
import in.nfopslab.core.trade.StanceRow;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StanceRowsTest {
  static StrategyFactory stanceWriter(boolean declares) {
    StrategyDescriptor d =
        new StrategyDescriptor(
            "stancer", "writes a stance", List.of(), ExpiryChoice.NEAREST, declares);
    return new StrategyFactory() {
      @Override
      public StrategyDescriptor descriptor() {
        return d;
      }

      @Override
      public Strategy create(StrategyConfig config) {
        return Scripted.at(
            "10:00:00",
            ctx ->
                ctx.stance(
                    "neutral",
                    "no basket configured",
                    Map.of("index_iv", 14.5, "basket_rv", Double.NaN)));
      }
    };
  }

  static StrategyResult run(StrategyFactory f) {
    TestMarket m = TestMarket.on("2024-01-08").spot("09:15:00", 22000.0).build();
    return TestRuns.engine(
            List.of(m),
            EngineConfig.defaults(),
            null,
            List.of(
                new StrategyRun(
                    f, new StrategyConfig(m.symbol(), Params.defaults(f.descriptor())))))
        .results()
        .get(0);
  }

  @Test
  void aStanceRowIsStampedWithTheCurrentSecondAndTheVariant() {
    StrategyResult r = run(stanceWriter(true));

    assertThat(r.stances())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.strategy()).isEqualTo("stancer");
              assertThat(s.paramsId()).isEqualTo(r.paramsId());
              assertThat(s.symbol()).isEqualTo("NIFTY");
              assertThat(s.ts()).isEqualTo(LocalDateTime.parse("2024-01-08T10:00:00"));
              assertThat(s.stance()).isEqualTo("neutral");
              assertThat(s.note()).isEqualTo("no basket configured");
              assertThat(s.values()).containsEntry("index_iv", 14.5).containsKey("basket_rv");
            });
    assertThat(r.trades()).isEmpty();
  }

  @Test
  void aStrategyThatDoesNotDeclareStancesCannotWriteThem() {
    StrategyResult r = run(stanceWriter(false));

    assertThat(r.ok()).isFalse();
    assertThat(r.failure().message()).contains("writesStance");
    assertThat(r.stances()).extracting(StanceRow::stance).isEmpty();
  }
}
