package in.nfopslab.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.engine.EngineConfig;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.core.strategy.StrategyRegistry;
import in.nfopslab.core.trade.StanceRow;
import in.nfopslab.data.generate.GeneratorConfig;
import in.nfopslab.data.generate.Preset;
import in.nfopslab.data.generate.SyntheticMarket;
import in.nfopslab.data.meta.MetaTables;
import in.nfopslab.data.trades.StanceParquet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of dispersion on NIFTY reads its basket member's (BANKNIFTY's) spot history from the same
 * lab.
 */
class DispersionBasketTest {
  @Test
  void aBasketMemberOfTheSameLabGivesRealStances(@TempDir Path dir) throws Exception {
    LabPaths lab = LabPaths.of(dir.resolve("lab"));
    SyntheticMarket.generate(
        GeneratorConfig.builder(lab, Preset.TINY)
            .symbols(List.of(new Symbol("NIFTY"), new Symbol("BANKNIFTY")))
            .start(LocalDate.of(2024, 1, 1))
            .end(LocalDate.of(2024, 1, 5))
            .build(),
        MetaTables.bundled());
    List<String> params = List.of("basket=BANKNIFTY", "rv_days=2");
    RunConfig c =
        new RunConfig(
            lab,
            new Symbol("NIFTY"),
            null,
            null,
            List.of("dispersion"),
            List.of(),
            params,
            2,
            false,
            EngineConfig.defaults(),
            Progress.Mode.NONE,
            null);
    RunSummary s =
        new Orchestrator(StrategyRegistry.load())
            .run(c, new PrintStream(new ByteArrayOutputStream()));
    List<StanceRow> rows = StanceParquet.read(s.tradeFiles().get("dispersion"));
    assertThat(rows).hasSize(5);
    // the first two days have no two previous days of spot; from the third on the basket's RV is
    // known
    assertThat(rows.subList(0, 2)).allSatisfy(r -> assertThat(r.stance()).isEqualTo("no_data"));
    assertThat(rows.subList(2, 5))
        .allSatisfy(
            r -> {
              assertThat(r.stance()).isIn("long_dispersion", "short_dispersion", "neutral");
              assertThat(r.values().get("basket_rv")).isPositive();
            });
  }
}
