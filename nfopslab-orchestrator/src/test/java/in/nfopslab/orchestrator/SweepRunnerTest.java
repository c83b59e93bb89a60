package in.nfopslab.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.nfopslab.core.engine.EngineConfig;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.core.trade.TradeLeg;
import in.nfopslab.data.trades.TradeParquet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepRunnerTest {
  @TempDir static Path shared;
  static LabPaths lab;

  @BeforeAll
  static void buildLab() throws Exception {
    lab = LabFixture.build(shared.resolve("lab"));
  }

  private static SweepRunner.Config config(
      LabPaths paths, int batch, boolean resume, List<String> grid) {
    return config(paths, batch, resume, grid, 2);
  }

  private static SweepRunner.Config config(
      LabPaths paths, int batch, boolean resume, List<String> grid, int workers) {
    return new SweepRunner.Config(
        paths,
        LabFixture.NIFTY,
        "buy_at_time",
        grid,
        List.of(),
        null,
        null,
        workers,
        batch,
        resume,
        EngineConfig.defaults(),
        Progress.Mode.NONE);
  }

  private static SweepRunner.Result sweep(SweepRunner.Config c) throws Exception {
    return new SweepRunner(TestStrategies.registry())
        .run(c, new PrintStream(new ByteArrayOutputStream()));
  }

  private static List<TradeLeg> allTrades(SweepRunner.Result r) throws Exception {
    List<TradeLeg> all = new ArrayList<>();
    try (Stream<Path> s = Files.list(r.dir())) {
      for (Path p :
          (Iterable<Path>)
              s.filter(p -> p.getFileName().toString().startsWith("trades-")).sorted()::iterator) {
        all.addAll(TradeParquet.read(p));
      }
    }
    return all;
  }

  @Test
  void everyVariantRunsAndIsSummarisedSideBySide() throws Exception {
    SweepRunner.Result r = sweep(config(lab, 2, false, List.of("at=10:00:00,11:00:00,12:00:00")));
    assertThat(r.variants()).isEqualTo(3);
    assertThat(r.summaries()).extracting(SweepSummary::trades).containsOnly(5L);
    assertThat(r.summaries())
        .extracting(s -> s.params().get(0))
        .containsExactly("at=10:00:00", "at=11:00:00", "at=12:00:00");
    List<TradeLeg> trades = allTrades(r);
    assertThat(trades).hasSize(15);
    assertThat(trades)
        .extracting(TradeLeg::paramsId)
        .containsOnly(
            r.summaries().get(0).paramsId(),
            r.summaries().get(1).paramsId(),
            r.summaries().get(2).paramsId());
    // each variant's total equals the sum of its legs
    for (SweepSummary s : r.summaries()) {
      double sum =
          trades.stream()
              .filter(t -> t.paramsId().equals(s.paramsId()))
              .mapToDouble(TradeLeg::pnlPoints)
              .sum();
      assertThat(s.totalPoints()).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-9));
    }
    assertThat(Files.readString(r.summaryCsv()))
        .startsWith("params_id,at,trades,win_rate,total_points");
    assertThat(Files.readString(r.summaryMd())).contains("| params_id | at |");
  }

  @Test
  void batchSizeDoesNotChangeResults(@TempDir Path dir) throws Exception {
    LabPaths other = LabFixture.build(dir.resolve("lab"));
    List<String> grid = List.of("at=10:00:00,10:30:00,11:00:00,11:30:00");
    SweepRunner.Result one = sweep(config(lab, 1, false, grid));
    SweepRunner.Result all = sweep(config(other, 10, false, grid));
    assertThat(all.summaries()).isEqualTo(one.summaries());
  }

  @Test
  void moreWorkersThanTasksSplitTheVariantsWithoutChangingResults(@TempDir Path dir)
      throws Exception {
    LabPaths other = LabFixture.build(dir.resolve("lab"));
    List<String> grid = List.of("at=10:00:00,10:30:00,11:00:00,11:30:00");
    // the fixture has 2 tasks: 1 worker runs one batch of 4 per task; 4 workers get two batches
    // of 2 per task, four jobs for four workers
    SweepRunner.Result one = sweep(config(lab, 10, false, grid, 1));
    SweepRunner.Result four = sweep(config(other, 10, false, grid, 4));
    assertThat(four.summaries()).isEqualTo(one.summaries());
    assertThat(allTrades(four)).hasSameSizeAs(allTrades(one)).hasSize(20);
    try (Stream<Path> s = Files.list(four.dir())) {
      assertThat(s.filter(p -> p.getFileName().toString().startsWith("trades-")))
          .extracting(p -> p.getFileName().toString())
          .containsExactlyInAnyOrder("trades-0000.parquet", "trades-0001.parquet");
    }
    try (Stream<Path> s = Files.list(one.dir())) {
      assertThat(s.filter(p -> p.getFileName().toString().startsWith("trades-"))).hasSize(1);
    }
  }

  @Test
  void resumeReusesFinishedParts() throws Exception {
    List<String> grid = List.of("at=13:00:00,14:00:00");
    SweepRunner.Result first = sweep(config(lab, 1, false, grid));
    SweepRunner.Result again = sweep(config(lab, 1, true, grid));
    assertThat(again.engineTime()).isZero();
    assertThat(again.summaries()).isEqualTo(first.summaries());
  }

  @Test
  void resumeWithAnotherBatchSizeReusesOnlyPartsOfTheSameVariants(@TempDir Path dir)
      throws Exception {
    LabPaths resumed = LabFixture.build(dir.resolve("resumed"));
    LabPaths fresh = LabFixture.build(dir.resolve("fresh"));
    List<String> grid = List.of("at=10:00:00,10:30:00,11:00:00,11:30:00,12:00:00,12:30:00");
    // batches of 2: {0,1} {2,3} {4,5}; then batches of 4: {0..3} {4,5}. The second batch of the
    // resumed sweep has as many variants as the first sweep's second batch, but not the same ones
    sweep(config(resumed, 2, false, grid));
    SweepRunner.Result again = sweep(config(resumed, 4, true, grid));
    SweepRunner.Result expected = sweep(config(fresh, 4, false, grid));
    assertThat(again.summaries()).isEqualTo(expected.summaries());
    assertThat(again.summaries()).extracting(SweepSummary::trades).containsOnly(5L);
    assertThat(allTrades(again)).hasSize(30);
  }

  @Test
  void anUnknownGridParameterListsTheValidOnes() {
    assertThatThrownBy(() -> sweep(config(lab, 1, false, List.of("nope=1,2"))))
        .hasMessageContaining("no parameter 'nope'")
        .hasMessageContaining("at");
  }
}
