package in.nfopslab.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.nfopslab.core.engine.EngineConfig;
import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.core.trade.TradeLeg;
import in.nfopslab.data.trades.TradeParquet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrchestratorTest {
  @TempDir static Path shared;
  static Path lab;

  @BeforeAll
  static void buildLab() throws Exception {
    lab = shared.resolve("lab");
    LabFixture.build(lab);
  }

  /**
   * A fresh copy of the lab's data with its own outputs, so tests do not see each other's parts.
   */
  private static LabPaths copy(Path dir) throws Exception {
    Path root = dir.resolve("lab");
    try (Stream<Path> s = Files.walk(lab)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path to = root.resolve(lab.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return LabPaths.of(root);
  }

  private static RunConfig config(LabPaths paths, int workers, boolean resume, Set<String> only) {
    return config(paths, LabFixture.NIFTY, workers, resume, only);
  }

  private static RunConfig config(
      LabPaths paths,
      in.nfopslab.core.instrument.Symbol symbol,
      int workers,
      boolean resume,
      Set<String> only) {
    return new RunConfig(
        paths,
        symbol,
        null,
        null,
        List.of(),
        List.of(),
        List.of(),
        workers,
        resume,
        EngineConfig.defaults(),
        Progress.Mode.NONE,
        only);
  }

  private static RunSummary run(RunConfig c) throws Exception {
    return new Orchestrator(TestStrategies.registry())
        .run(c, new PrintStream(new ByteArrayOutputStream()));
  }

  @Test
  void runsEveryStrategyOverTasksGroupedByExpiryAndIsolatesAFailure(@TempDir Path dir)
      throws Exception {
    LabPaths paths = copy(dir);
    RunSummary s = run(config(paths, 2, false, null));
    assertThat(s.tasks()).isEqualTo(2); // Mon-Thu on the 2024-01-04 expiry, Fri on 2024-01-11
    assertThat(s.rows()).hasSize(6);
    StatusRow boom =
        s.rows().stream()
            .filter(r -> r.strategy().equals("boom") && r.expiry().equals(LocalDate.of(2024, 1, 4)))
            .findFirst()
            .orElseThrow();
    assertThat(boom.status()).isEqualTo(StatusRow.FAILED);
    assertThat(boom.error()).contains("boom on purpose");
    assertThat(Files.readString(Path.of(boom.logPath())))
        .contains("boom on purpose")
        .contains("NIFTY_exp2024-01-04");
    assertThat(s.rows())
        .filteredOn(r -> r != boom)
        .allSatisfy(r -> assertThat(r.status()).isEqualTo(StatusRow.OK));
    // the run log has a line per task: its days, strategies, failures and time
    assertThat(Files.readString(s.runLog()))
        .containsPattern(
            "task NIFTY_exp2024-01-04: 4 days, 3 strategies, 1 failed, [0-9]+\\.[0-9]{2} s")
        .containsPattern(
            "task NIFTY_exp2024-01-11: 1 days, 3 strategies, 0 failed, [0-9]+\\.[0-9]{2} s")
        .containsPattern("merged the parts of 3 strategy runs into .* in [0-9]+\\.[0-9]{2} s");

    List<TradeLeg> trades = TradeParquet.read(s.tradeFiles().get("buy_at_time"));
    assertThat(trades).hasSize(5); // one a day
    assertThat(trades)
        .allSatisfy(
            t -> {
              assertThat(t.optType()).isEqualTo(OptionType.CE.name());
              assertThat(t.exitReason()).isEqualTo("eod");
              assertThat(t.entryTs().toLocalTime())
                  .isAfter(java.time.LocalTime.of(10, 0)); // filled after the signal second
            });
    assertThat(trades).extracting(TradeLeg::tradeDate).containsExactlyElementsOf(LabFixture.DAYS);
    assertThat(StatusParquet.read(s.statusFile())).containsExactlyInAnyOrderElementsOf(s.rows());
    assertThat(s.statusFile().getFileName().toString())
        .isEqualTo("run_all_status_NIFTY_2024-01-01_2024-01-05.parquet");
  }

  @Test
  void aStanceStrategyWritesItsStanceRowsAsItsResultFile(@TempDir Path dir) throws Exception {
    LabPaths paths = copy(dir);
    RunConfig c =
        new RunConfig(
            paths,
            LabFixture.NIFTY,
            null,
            null,
            List.of("stance_at_ten"),
            List.of(),
            List.of(),
            2,
            false,
            EngineConfig.defaults(),
            Progress.Mode.NONE,
            null);
    RunSummary s = run(c);
    Path out = s.tradeFiles().get("stance_at_ten");
    assertThat(in.nfopslab.data.trades.ResultKind.of(out))
        .isEqualTo(in.nfopslab.data.trades.ResultKind.STANCE);
    var rows = in.nfopslab.data.trades.StanceParquet.read(out);
    assertThat(rows).extracting(r -> r.tradeDate()).containsExactlyElementsOf(LabFixture.DAYS);
    assertThat(rows).allSatisfy(r -> assertThat(r.stance()).isEqualTo("neutral"));
    assertThat(s.rows())
        .extracting(StatusRow::trades)
        .containsExactly(4L, 1L); // stance rows per task
  }

  @Test
  void aCommandOverSeveralSymbolsRunsThoseItCanAndRecordsThemInOneState(@TempDir Path dir)
      throws Exception {
    LabPaths paths = copy(dir);
    RunConfig nifty = config(paths, 2, false, null);
    RunConfig bank =
        config(paths, in.nfopslab.core.instrument.Symbol.parse("BANKNIFTY"), 2, false, null);
    List<Orchestrator.Outcome> outcomes =
        new Orchestrator(TestStrategies.registry())
            .runAll(List.of(bank, nifty), new PrintStream(new ByteArrayOutputStream()));
    // the lab has no BANKNIFTY data: its outcome is the error, NIFTY still runs
    assertThat(outcomes).extracting(o -> o.symbol().name()).containsExactly("BANKNIFTY", "NIFTY");
    assertThat(outcomes.get(0).summary()).isNull();
    assertThat(outcomes.get(0).error()).hasMessageContaining("no spot data for BANKNIFTY");
    RunSummary s = outcomes.get(1).summary();
    assertThat(s.rows()).hasSize(6);
    assertThat(s.statusFile()).isRegularFile();
    // one state for the command, naming only the symbols that ran, ended when the command is done
    java.util.Properties state = RunState.read(paths.out());
    assertThat(state.getProperty("state")).isEqualTo("finished");
    assertThat(state.getProperty("symbol")).isEqualTo("NIFTY");
    assertThat(state.getProperty("run_id")).isEqualTo(s.runId());
    assertThat(state.getProperty("status_file")).isEqualTo(s.statusFile().toString());
    assertThat(state.getProperty("pairs_total")).isEqualTo("6");
    // run alone, a symbol that cannot run throws
    assertThatThrownBy(() -> run(bank)).hasMessageContaining("no spot data for BANKNIFTY");
    // the same run twice in one command: the second is refused, the first runs
    outcomes =
        new Orchestrator(TestStrategies.registry())
            .runAll(List.of(nifty, nifty), new PrintStream(new ByteArrayOutputStream()));
    assertThat(outcomes.get(0).summary().rows()).hasSize(6);
    assertThat(outcomes.get(1).error()).hasMessageContaining("is asked for twice");
  }

  @Test
  void theSameTradesWhateverTheWorkerCount(@TempDir Path dir) throws Exception {
    LabPaths one = copy(dir.resolve("one"));
    LabPaths two = copy(dir.resolve("two"));
    List<TradeLeg> a =
        TradeParquet.read(run(config(one, 1, false, null)).tradeFiles().get("buy_at_time"));
    List<TradeLeg> b =
        TradeParquet.read(run(config(two, 2, false, null)).tradeFiles().get("buy_at_time"));
    assertThat(b).isEqualTo(a);
  }

  @Test
  void theMergeWritesTheSameResultFilesForOneAndTwoWorkers(@TempDir Path dir) throws Exception {
    RunSummary a = run(config(copy(dir.resolve("one")), 1, false, null));
    RunSummary b = run(config(copy(dir.resolve("two")), 2, false, null));
    assertThat(b.tradeFiles().keySet())
        .containsExactlyElementsOf(a.tradeFiles().keySet())
        .hasSize(3);
    for (String name : a.tradeFiles().keySet()) {
      assertThat(Files.readAllBytes(b.tradeFiles().get(name)))
          .as(name)
          .isEqualTo(Files.readAllBytes(a.tradeFiles().get(name)));
    }
    // the status rows in the same order (strategy, then task), times and log paths aside
    assertThat(StatusParquet.read(b.statusFile()))
        .extracting(r -> r.strategy() + "|" + r.expiry() + "|" + r.status() + "|" + r.trades())
        .containsExactlyElementsOf(
            StatusParquet.read(a.statusFile()).stream()
                .map(r -> r.strategy() + "|" + r.expiry() + "|" + r.status() + "|" + r.trades())
                .toList());
  }

  @Test
  void aCorruptPartFailsTheMergeNamingItAndTheOtherResultFilesAreStillWritten(@TempDir Path dir)
      throws Exception {
    LabPaths paths = copy(dir);
    RunSummary full = run(config(paths, 2, false, null));
    Path stanceFile = full.tradeFiles().get("stance_at_ten");
    byte[] stanceBefore = Files.readAllBytes(stanceFile);
    Path part;
    try (Stream<Path> s =
        Files.walk(paths.out().resolve("parts").resolve(full.runId()).resolve("buy_at_time"))) {
      part =
          s.filter(p -> p.getFileName().toString().equals("NIFTY_exp2024-01-04.trades.parquet"))
              .findFirst()
              .orElseThrow();
    }
    assertThat(part).exists();
    // pages damaged, footer whole: the pair still counts as done (its status is in the footer), so
    // --resume reuses it and the merge has to read its legs
    corruptFirstColumnChunk(part);
    try (Stream<Path> s = Files.list(paths.results())) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Files.delete(p);
      }
    }
    for (int workers : new int[] {1, 2}) {
      assertThatThrownBy(() -> run(config(paths, workers, true, null)))
          .isInstanceOf(java.io.IOException.class)
          .hasMessageContaining(part.toString());
      assertThat(Files.readAllBytes(stanceFile)).as("workers " + workers).isEqualTo(stanceBefore);
      assertThat(full.tradeFiles().get("boom")).exists();
      assertThat(full.tradeFiles().get("buy_at_time")).doesNotExist();
      assertThat(full.statusFile()).doesNotExist();
      Files.delete(stanceFile);
    }
  }

  /** Overwrites the first column chunk of a Parquet file's first row group with 0xFF bytes. */
  private static void corruptFirstColumnChunk(Path file) throws Exception {
    long start;
    long size;
    try (org.apache.parquet.hadoop.ParquetFileReader r =
        org.apache.parquet.hadoop.ParquetFileReader.open(
            new org.apache.parquet.io.LocalInputFile(file))) {
      var chunk = r.getFooter().getBlocks().get(0).getColumns().get(0);
      start = chunk.getStartingPos();
      size = chunk.getTotalSize();
    }
    byte[] bytes = Files.readAllBytes(file);
    java.util.Arrays.fill(bytes, (int) start, (int) (start + size), (byte) 0xFF);
    Files.write(file, bytes);
  }

  private static Path part(LabPaths paths, RunSummary s, String strategy, String file)
      throws Exception {
    try (Stream<Path> walk =
        Files.walk(paths.out().resolve("parts").resolve(s.runId()).resolve(strategy))) {
      return walk.filter(p -> p.getFileName().toString().equals(file)).findFirst().orElseThrow();
    }
  }

  @Test
  void everyPairIsOneTradePartWhoseFooterHoldsItsStatus(@TempDir Path dir) throws Exception {
    LabPaths paths = copy(dir);
    RunSummary s = run(config(paths, 2, false, null));
    Path parts = paths.out().resolve("parts").resolve(s.runId());
    List<String> names;
    try (Stream<Path> walk = Files.walk(parts)) {
      names =
          walk.filter(Files::isRegularFile)
              .map(p -> parts.relativize(p).toString().replaceAll("/[^/]+/NIFTY", "/NIFTY"))
              .sorted()
              .toList();
    }
    // 3 strategies x 2 tasks; the failed pair (boom, first task) has a trade part too
    assertThat(names)
        .containsExactly(
            "boom/NIFTY_exp2024-01-04.trades.parquet",
            "boom/NIFTY_exp2024-01-11.trades.parquet",
            "buy_at_time/NIFTY_exp2024-01-04.trades.parquet",
            "buy_at_time/NIFTY_exp2024-01-11.trades.parquet",
            "stance_at_ten/NIFTY_exp2024-01-04.stance.parquet",
            "stance_at_ten/NIFTY_exp2024-01-04.trades.parquet",
            "stance_at_ten/NIFTY_exp2024-01-11.stance.parquet",
            "stance_at_ten/NIFTY_exp2024-01-11.trades.parquet");
    // what nfops status reads while a run goes on: the same rows the status table got
    assertThat(Orchestrator.partStatuses(parts)).containsExactlyInAnyOrderElementsOf(s.rows());
    assertThat(Orchestrator.partStatuses(parts))
        .filteredOn(r -> r.status().equals(StatusRow.FAILED))
        .extracting(StatusRow::strategy)
        .containsExactly("boom");
    assertThat(TradeParquet.read(part(paths, s, "boom", "NIFTY_exp2024-01-04.trades.parquet")))
        .isEmpty();
  }

  @Test
  void resumeRunsAgainThePairsWhosePartsAreUnreadableIncompleteOrFromAnOlderBuild(@TempDir Path dir)
      throws Exception {
    LabPaths paths = copy(dir);
    RunSummary full = run(config(paths, 2, false, null));
    byte[] tradesBefore = Files.readAllBytes(full.tradeFiles().get("buy_at_time"));
    byte[] stancesBefore = Files.readAllBytes(full.tradeFiles().get("stance_at_ten"));
    // a footer that cannot be read
    Files.writeString(
        part(paths, full, "buy_at_time", "NIFTY_exp2024-01-04.trades.parquet"), "not parquet");
    // the layout of an older build: legs without a status in the footer, the status beside them
    Path old = part(paths, full, "buy_at_time", "NIFTY_exp2024-01-11.trades.parquet");
    TradeParquet.write(old, TradeParquet.read(old));
    Path oldStatus = old.resolveSibling("NIFTY_exp2024-01-11.status.parquet");
    StatusParquet.write(
        oldStatus,
        full.rows().stream()
            .filter(
                r ->
                    r.strategy().equals("buy_at_time")
                        && r.expiry().equals(LocalDate.of(2024, 1, 11)))
            .toList());
    // a stance pair whose stance part is gone
    Files.delete(part(paths, full, "stance_at_ten", "NIFTY_exp2024-01-04.stance.parquet"));

    RunSummary resumed = run(config(paths, 2, true, null));

    // those three and the failed pair run again; the other two are reused
    assertThat(resumed.executed()).isEqualTo(4);
    assertThat(resumed.reused()).isEqualTo(2);
    assertThat(Files.readAllBytes(resumed.tradeFiles().get("buy_at_time"))).isEqualTo(tradesBefore);
    assertThat(Files.readAllBytes(resumed.tradeFiles().get("stance_at_ten")))
        .isEqualTo(stancesBefore);
    // the older build's status part is left alone and not read
    assertThat(oldStatus).exists();
    assertThat(Orchestrator.partStatuses(paths.out().resolve("parts").resolve(full.runId())))
        .hasSize(6);
  }

  @Test
  void resumeRunsOnlyWhatIsMissingAndEndsWithTheSameOutputs(@TempDir Path dir) throws Exception {
    LabPaths paths = copy(dir);
    RunSummary full = run(config(paths, 2, false, null));
    byte[] tradesBefore = Files.readAllBytes(full.tradeFiles().get("buy_at_time"));
    // as if killed: one pair's parts never got written
    Path parts = paths.out().resolve("parts").resolve(full.runId()).resolve("buy_at_time");
    try (Stream<Path> s = Files.walk(parts)) {
      for (Path p :
          (Iterable<Path>) s.filter(p -> p.toString().contains("exp2024-01-11"))::iterator) {
        Files.delete(p);
      }
    }
    RunSummary resumed = run(config(paths, 2, true, null));
    // the missing pair and the failed pair run again; the other two are reused
    assertThat(resumed.executed()).isEqualTo(2);
    assertThat(resumed.reused()).isEqualTo(4);
    assertThat(Files.readAllBytes(resumed.tradeFiles().get("buy_at_time"))).isEqualTo(tradesBefore);
  }

  @Test
  void resumeRunsAgainWhenTheLabsMetaTablesChanged(@TempDir Path dir) throws Exception {
    LabPaths paths = copy(dir);
    run(config(paths, 2, false, null));
    assertThat(run(config(paths, 2, true, null)).executed())
        .as("nothing changed: only the failing pair runs again")
        .isEqualTo(1);
    // the lab now has lot sizes of its own (the bundled table's content, so only the file is new)
    Files.createDirectories(paths.meta());
    try (var in = getClass().getResourceAsStream("/nfopslab/meta/lot_sizes.csv")) {
      Files.copy(in, paths.meta().resolve("lot_sizes.csv"));
    }
    RunSummary resumed = run(config(paths, 2, true, null));
    assertThat(resumed.executed()).isEqualTo(6);
    assertThat(resumed.reused()).isZero();
  }

  @Test
  void retryRunsOnlyTheNamedPairs(@TempDir Path dir) throws Exception {
    LabPaths paths = copy(dir);
    RunSummary first = run(config(paths, 1, false, null));
    RunSummary retry = run(config(paths, 1, true, Set.of("boom|NIFTY_exp2024-01-04")));
    assertThat(retry.executed()).isEqualTo(1);
    assertThat(retry.rows()).hasSize(6);
    assertThat(TradeParquet.read(retry.tradeFiles().get("buy_at_time")))
        .isEqualTo(TradeParquet.read(first.tradeFiles().get("buy_at_time")));
  }

  @Test
  void aBadOptionFileFailsOnlyTheTasksThatReadItNamingTheFile(@TempDir Path dir) throws Exception {
    LabPaths clean = copy(dir.resolve("clean"));
    LabPaths faulty = copy(dir.resolve("faulty"));
    Path bad =
        faulty.optionFile(LabFixture.NIFTY, LocalDate.of(2024, 1, 11), OptionType.CE, 21_000);
    Files.writeString(bad, "truncated");
    List<TradeLeg> cleanTrades =
        TradeParquet.read(run(config(clean, 2, false, null)).tradeFiles().get("buy_at_time"));
    RunSummary s = run(config(faulty, 2, false, null));
    StatusRow hit =
        s.rows().stream()
            .filter(
                r ->
                    r.strategy().equals("buy_at_time")
                        && r.expiry().equals(LocalDate.of(2024, 1, 11)))
            .findFirst()
            .orElseThrow();
    assertThat(hit.status()).isEqualTo(StatusRow.FAILED);
    assertThat(hit.error()).contains("strike=21000.parquet");
    List<TradeLeg> trades = TradeParquet.read(s.tradeFiles().get("buy_at_time"));
    assertThat(trades)
        .isEqualTo(
            cleanTrades.stream().filter(t -> t.expiry().equals(LocalDate.of(2024, 1, 4))).toList());
  }

  @Test
  void aSecondRunOnTheSameLabIsRefused(@TempDir Path dir) throws Exception {
    LabPaths paths = copy(dir);
    try (LabLock held = LabLock.acquire(paths.out(), "test holder")) {
      assertThatThrownBy(() -> run(config(paths, 1, false, null)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("another nfops process")
          .hasMessageContaining("test holder");
    }
  }

  @Test
  void unknownStrategiesAndParametersAreRefusedWithTheValidNames(@TempDir Path dir)
      throws Exception {
    LabPaths paths = copy(dir);
    RunConfig badName =
        new RunConfig(
            paths,
            LabFixture.NIFTY,
            null,
            null,
            List.of("nope"),
            List.of(),
            List.of(),
            1,
            false,
            EngineConfig.defaults(),
            Progress.Mode.NONE,
            null);
    assertThatThrownBy(() -> run(badName))
        .hasMessageContaining("unknown strategy 'nope'")
        .hasMessageContaining("buy_at_time");
    RunConfig badParam =
        new RunConfig(
            paths,
            LabFixture.NIFTY,
            null,
            null,
            List.of(),
            List.of(),
            List.of("zzz=1"),
            1,
            false,
            EngineConfig.defaults(),
            Progress.Mode.NONE,
            null);
    assertThatThrownBy(() -> run(badParam)).hasMessageContaining("zzz").hasMessageContaining("at");
  }
}
