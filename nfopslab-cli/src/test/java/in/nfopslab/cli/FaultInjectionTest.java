package in.nfopslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.core.trade.TradeLeg;
import in.nfopslab.data.catalog.PackedCatalog;
import in.nfopslab.data.trades.TradeParquet;
import in.nfopslab.orchestrator.StatusParquet;
import in.nfopslab.orchestrator.StatusRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Faulty data files injected into a copy of a generated lab, one fault per run of orb and
 * short_straddle over 2024-01-01..2024-01-12 (tasks by expiry 01-04, 01-11 and 01-18). The fault
 * sits in the 01-11 task (an option file of that expiry, or the spot file of 2024-01-09): the run
 * finishes, that task's pairs are failed with the file and the reason in their error, every other
 * pair is ok, and the trades of the clean tasks equal a faultless run's.
 */
class FaultInjectionTest {
  static final List<String> STRATEGIES = List.of("orb", "short_straddle");
  static final LocalDate END = LocalDate.of(2024, 1, 12);
  static final LocalDate EXPIRY = LocalDate.of(2024, 1, 11);
  static final String FAULTED_TASK = "NIFTY_exp" + EXPIRY;
  static final List<LocalDate> FAULTED_DAYS =
      List.of(
          LocalDate.of(2024, 1, 5),
          LocalDate.of(2024, 1, 8),
          LocalDate.of(2024, 1, 9),
          LocalDate.of(2024, 1, 10),
          LocalDate.of(2024, 1, 11));

  @TempDir static Path shared;
  static LabPaths clean;
  static Map<String, List<TradeLeg>> cleanTrades;

  @BeforeAll
  static void cleanRun() throws Exception {
    clean = GeneratedLab.linkedCopy(shared.resolve("clean"));
    StringWriter out = new StringWriter();
    assertThat(run(clean, out)).as(out.toString()).isZero();
    cleanTrades =
        Map.of("orb", trades(clean, "orb"), "short_straddle", trades(clean, "short_straddle"));
    assertThat(cleanTrades.get("orb"))
        .extracting(TradeLeg::tradeDate)
        .anyMatch(FAULTED_DAYS::contains)
        .anyMatch(d -> !FAULTED_DAYS.contains(d));
    assertThat(cleanTrades.get("short_straddle"))
        .extracting(TradeLeg::tradeDate)
        .anyMatch(FAULTED_DAYS::contains)
        .anyMatch(d -> !FAULTED_DAYS.contains(d));
  }

  static Stream<Arguments> faults() {
    return Stream.of(Faults.values())
        .flatMap(f -> Stream.of(Arguments.of(f, "option"), Arguments.of(f, "spot")));
  }

  /** The faulted file: the lowest CE strike of the 01-11 expiry, or the spot file of 2024-01-09. */
  static Path target(LabPaths paths, String kind) {
    if (kind.equals("spot")) {
      return paths.spotFile(GeneratedLab.NIFTY, LocalDate.of(2024, 1, 9));
    }
    PackedCatalog catalog = PackedCatalog.scan(paths, GeneratedLab.NIFTY);
    return catalog.optionFiles(EXPIRY, OptionType.CE).firstEntry().getValue();
  }

  @ParameterizedTest(name = "{0} {1} file")
  @MethodSource("faults")
  void aFaultyFileFailsOnlyTheTaskThatReadsItNamingTheFile(
      Faults fault, String kind, @TempDir Path dir) throws Exception {
    LabPaths paths = GeneratedLab.linkedCopy(dir);
    linkCache(
        clean,
        paths); // the clean chains come from the cache; the faulty file's chain is rebuilt from it
    Path bad = target(paths, kind);
    fault.inject(bad);

    StringWriter out = new StringWriter();
    int code = run(paths, out);

    assertThat(code).as(out.toString()).isEqualTo(1);
    List<StatusRow> rows = StatusParquet.read(statusFile(paths));
    assertThat(rows).hasSize(6);
    String name = paths.data().relativize(bad).toString();
    for (StatusRow r : rows) {
      if (r.taskId().equals(FAULTED_TASK)) {
        assertThat(r.status()).as(r.toString()).isEqualTo(StatusRow.FAILED);
        assertThat(r.error())
            .as(r.strategy())
            .contains(name)
            .contains(reason(fault))
            .doesNotContain("LocalInputFile@");
        assertThat(Path.of(r.logPath())).content().contains(name);
      } else {
        assertThat(r.status()).as(r.toString()).isEqualTo(StatusRow.OK);
      }
    }
    assertThat(out.toString())
        .contains("4 ok, 2 failed, 0 skipped")
        .contains("failed: orb " + FAULTED_TASK);
    for (String s : STRATEGIES) {
      assertThat(trades(paths, s))
          .as(s)
          .isEqualTo(
              cleanTrades.get(s).stream()
                  .filter(t -> !FAULTED_DAYS.contains(t.tradeDate()))
                  .toList());
    }
  }

  @org.junit.jupiter.api.Test
  void aFaultyFuturesFileFailsEveryTaskWhoseDaysReadItAndTheRunStillFinishes(@TempDir Path dir)
      throws Exception {
    LabPaths paths = GeneratedLab.linkedCopy(dir);
    linkCache(clean, paths);
    // the monthly contract is the nearest futures of every day in the range
    Path bad =
        PackedCatalog.scan(paths, GeneratedLab.NIFTY).nearestFutures(LocalDate.of(2024, 1, 1));
    Faults.TRUNCATED.inject(bad);

    StringWriter out = new StringWriter();
    assertThat(run(paths, out)).as(out.toString()).isEqualTo(1);

    List<StatusRow> rows = StatusParquet.read(statusFile(paths));
    assertThat(rows)
        .hasSize(6)
        .allSatisfy(
            r -> {
              assertThat(r.status()).isEqualTo(StatusRow.FAILED);
              assertThat(r.error())
                  .contains(paths.data().relativize(bad).toString())
                  .contains("not a Parquet file or truncated");
            });
    for (String s : STRATEGIES) {
      assertThat(trades(paths, s)).as(s).isEmpty();
    }
  }

  /** What the reader says about each fault (DataFileException.Fault's message). */
  static String reason(Faults fault) {
    return switch (fault) {
      case CORRUPT, TRUNCATED -> "not a Parquet file or truncated";
      case EMPTY -> "file has no rows";
      case WRONG_SCHEMA -> "missing required column 'timestamp'";
      case EPOCH_1970 -> "every timestamp is before 2000";
    };
  }

  static int run(LabPaths paths, StringWriter out) {
    CommandLine cl = Nfops.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(out, true));
    return cl.execute(
        "run",
        "--root",
        paths.root().toString(),
        "--symbol",
        "NIFTY",
        "--start",
        "2024-01-01",
        "--end",
        END.toString(),
        "--include",
        String.join(",", STRATEGIES),
        "--max-workers",
        "2",
        "--progress",
        "none");
  }

  static Path statusFile(LabPaths paths) {
    return paths.results().resolve("run_all_status_NIFTY_2024-01-01_" + END + ".parquet");
  }

  static List<TradeLeg> trades(LabPaths paths, String strategy) throws IOException {
    return TradeParquet.read(
        paths.results().resolve(strategy + "_NIFTY_2024-01-01_" + END + ".parquet"));
  }

  /**
   * Hard links to another lab's seconds cache (entries are replaced by rename, never written
   * through).
   */
  static void linkCache(LabPaths from, LabPaths to) throws IOException {
    Path src = from.secondsCache();
    try (Stream<Path> s = Files.walk(src)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path target = to.secondsCache().resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.createLink(target, p);
        }
      }
    }
  }
}
