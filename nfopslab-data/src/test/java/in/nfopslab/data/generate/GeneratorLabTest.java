package in.nfopslab.data.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.core.time.Ist;
import in.nfopslab.data.meta.MetaTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorLabTest {
  private static final GeneratorSizes SMALL = new GeneratorSizes(2, 0.5, 0.2, 0.05, 0.002);

  @TempDir Path dir;

  @Test
  void skipsHolidaysAndWeekends() throws IOException {
    // 2024-01-26 (Friday) is a listed closure (meta/holidays.csv), then a weekend
    LabPaths paths = LabPaths.of(dir);
    GenerationReport report = SyntheticMarket.generate(config(paths, false), MetaTables.bundled());

    Set<LocalDate> days = new TreeSet<>();
    for (ManifestEntry e : ManifestCsv.read(paths.manifestCsv())) {
      ParquetTable t = ParquetTable.read(paths.data().resolve(e.path()));
      long nanosPerUnit = e.kind() == ManifestEntry.Kind.OPTION ? 1_000L : 1L;
      for (long ts : t.longs("timestamp")) {
        days.add(Ist.wallClock(ts * nanosPerUnit).toLocalDate());
      }
    }

    assertThat(days).containsExactly(LocalDate.of(2024, 1, 25), LocalDate.of(2024, 1, 29));
    assertThat(report.tradingDays()).isEqualTo(2);
    assertThat(paths.spotFile(new Symbol("NIFTY"), LocalDate.of(2024, 1, 26))).doesNotExist();
  }

  @Test
  void refusesToOverwritePackedDataUnlessAsked() throws IOException {
    LabPaths paths = LabPaths.of(dir);
    SyntheticMarket.generate(config(paths, false), MetaTables.bundled());
    Path stale =
        paths
            .optionsDir(new Symbol("NIFTY"))
            .resolve("202401/exp=2024-01-25/type=CE/strike=1.parquet");
    Files.writeString(stale, "left from an older lab");

    assertThatThrownBy(() -> SyntheticMarket.generate(config(paths, false), MetaTables.bundled()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already holds packed data")
        .hasMessageContaining("--force");
    assertThat(stale).exists();

    SyntheticMarket.generate(config(paths, true), MetaTables.bundled());
    assertThat(stale).doesNotExist();
    assertThat(ManifestCsv.read(paths.manifestCsv()))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(paths.data().resolve(e.path())).exists());
  }

  @Test
  void explicitSymbolsAndDatesWinOverThePreset() {
    GeneratorConfig c =
        GeneratorConfig.builder(LabPaths.of(dir), Preset.DEMO)
            .symbols(List.of(new Symbol("BANKNIFTY")))
            .start(LocalDate.of(2024, 1, 10))
            .build();

    assertThat(c.symbols()).containsExactly(new Symbol("BANKNIFTY"));
    assertThat(c.start()).isEqualTo(LocalDate.of(2024, 1, 10));
    assertThat(c.end()).isEqualTo(Preset.DEMO.defaultEnd());
    assertThat(c.sizes()).isEqualTo(Preset.DEMO.sizes());
    assertThat(c.seed()).isEqualTo(GeneratorConfig.DEFAULT_SEED);
  }

  @Test
  void presetsGrowFromTinyToBench() {
    assertThat(Preset.TINY.sizes().strikesEachSide()).isGreaterThanOrEqualTo(6);
    assertThat(Preset.DEMO.sizes().strikesEachSide())
        .isGreaterThanOrEqualTo(Preset.TINY.sizes().strikesEachSide());
    assertThat(Preset.BENCH.sizes().strikesEachSide())
        .isGreaterThan(Preset.DEMO.sizes().strikesEachSide());
    assertThat(Preset.BENCH.sizes().optionAtmTicksPerSecond()).isGreaterThanOrEqualTo(1);
    assertThat(Preset.parse("Demo")).isEqualTo(Preset.DEMO);
    assertThatThrownBy(() -> Preset.parse("huge")).hasMessageContaining("tiny, demo or bench");
  }

  @Test
  void rejectsARangeWithoutTradingDays() {
    GeneratorConfig c =
        GeneratorConfig.builder(LabPaths.of(dir), Preset.TINY)
            .start(LocalDate.of(2024, 1, 27))
            .end(LocalDate.of(2024, 1, 28))
            .build();

    assertThatThrownBy(() -> SyntheticMarket.generate(c, MetaTables.bundled()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no trading days");
  }

  private static GeneratorConfig config(LabPaths paths, boolean overwrite) {
    return GeneratorConfig.builder(paths, Preset.TINY)
        .symbols(List.of(new Symbol("NIFTY")))
        .start(LocalDate.of(2024, 1, 25))
        .end(LocalDate.of(2024, 1, 29))
        .sizes(SMALL)
        .maxWorkers(2)
        .overwrite(overwrite)
        .build();
  }
}
