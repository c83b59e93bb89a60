package in.nfopslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.orchestrator.StatusParquet;
import in.nfopslab.orchestrator.StatusRow;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The lab commands end to end on a generated tiny lab, as a user types them. */
class LabCommandsTest {
  @TempDir static Path shared;
  static Path lab;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void generate() {
    lab = shared.resolve("lab");
    CommandLine cl = Nfops.commandLine();
    cl.setOut(new PrintWriter(new StringWriter()));
    int code =
        cl.execute(
            "data",
            "generate",
            "--root",
            lab.toString(),
            "--preset",
            "tiny",
            "--symbols",
            "NIFTY",
            "--start",
            "2024-01-02",
            "--end",
            "2024-01-04",
            "--seed",
            "3");
    assertThat(code).isZero();
  }

  /** Runs a command line whose arguments are separated by single spaces (no path holds one). */
  private int line(String commandLine) {
    return run(commandLine.split(" "));
  }

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cl = Nfops.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void dataBarsPrintsEverySecondOfTheSessionAsCsv() {
    assertThat(
            run(
                "data",
                "bars",
                "--root",
                lab.toString(),
                "--symbol",
                "nifty",
                "--date",
                "2024-01-03"))
        .isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(0)).isEqualTo("ts,close,volume,ticks");
    assertThat(lines).hasSize(1 + 22_501);
    assertThat(lines.get(1)).startsWith("2024-01-03T09:15:00,");
    assertThat(lines.get(lines.size() - 1)).startsWith("2024-01-03T15:30:00,");
  }

  @Test
  void dataBarsOfAMissingOptionNamesWhatItLookedFor() {
    int code =
        run(
            "data",
            "bars",
            "--root",
            lab.toString(),
            "--symbol",
            "NIFTY",
            "--date",
            "2024-01-03",
            "--kind",
            "option",
            "--expiry",
            "2024-01-04",
            "--type",
            "CE",
            "--strike",
            "1");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("no option file").contains("strike=1.parquet");
  }

  @Test
  void cacheWarmStatusAndClear(@TempDir Path outDir) throws Exception {
    String o = outDir.toString();
    assertThat(
            run(
                "cache",
                "warm",
                "--root",
                lab.toString(),
                "--out",
                o,
                "--symbol",
                "NIFTY",
                "--progress",
                "none"))
        .isZero();
    assertThat(out.toString()).contains("cache warm NIFTY: 3 days").contains("0 failed");
    assertThat(
            run(
                "cache",
                "warm",
                "--root",
                lab.toString(),
                "--out",
                o,
                "--symbol",
                "NIFTY",
                "--progress",
                "none"))
        .isZero();
    assertThat(out.toString()).contains("(0 built,");
    assertThat(run("cache", "status", "--root", lab.toString(), "--out", o)).isZero();
    assertThat(out.toString()).contains("NIFTY").contains("2024-01-02 .. 2024-01-04");
    assertThat(run("cache", "clear", "--root", lab.toString(), "--out", o)).isZero();
    assertThat(out.toString()).contains("removed");
    try (Stream<Path> s = Files.walk(outDir)) {
      assertThat(s.filter(p -> p.toString().endsWith(".parquet") && p.toString().contains("cache")))
          .isEmpty();
    }
  }

  @Test
  void runThenStatusThenResume(@TempDir Path outDir) throws Exception {
    String o = outDir.toString();
    assertThat(
            run(
                "run",
                "--root",
                lab.toString(),
                "--out",
                o,
                "--symbol",
                "NIFTY",
                "--include",
                "orb,short_straddle",
                "--progress",
                "none"))
        .isZero();
    assertThat(out.toString())
        .contains("0 failed")
        .contains("orb_NIFTY_2024-01-02_2024-01-04.parquet");
    assertThat(
            Files.isRegularFile(
                outDir.resolve("results/short_straddle_NIFTY_2024-01-02_2024-01-04.parquet")))
        .isTrue();
    assertThat(run("status", "--root", lab.toString(), "--out", o, "--json")).isZero();
    assertThat(out.toString()).contains("\"state\":\"finished\"").contains("\"orb\"");
    assertThat(
            run(
                "run",
                "--root",
                lab.toString(),
                "--out",
                o,
                "--symbol",
                "NIFTY",
                "--include",
                "orb,short_straddle",
                "--resume",
                "--progress",
                "none"))
        .isZero();
    assertThat(out.toString()).contains("0 pairs run");
  }

  @Test
  void runTakesSeveralSymbolsOnOnePoolWithTheResultsOfSeparateRuns(@TempDir Path dir)
      throws Exception {
    Path both = twoSymbolLab(dir, "2024-01-03");
    String o = dir.resolve("out").toString();
    String lab2 = " --root " + both + " --out " + o;
    assertThat(
            line("run" + lab2 + " --symbol NIFTY,BANKNIFTY,NIFTY --max-workers 2 --progress none"))
        .isZero();
    // each symbol once, in the order given, each with its own run and result files
    List<String> runs =
        out.toString()
            .lines()
            .filter(l -> l.startsWith("run ") && !l.startsWith("run log"))
            .toList();
    assertThat(runs).hasSize(2);
    assertThat(runs.get(0)).startsWith("run NIFTY_2024-01-02_2024-01-03:").contains(" 0 failed");
    assertThat(runs.get(1))
        .startsWith("run BANKNIFTY_2024-01-02_2024-01-03:")
        .contains(" 0 failed");
    // one state for the command: both symbols, both status tables, every pair
    assertThat(fieldOf(lab2, "symbol")).isEqualTo("NIFTY,BANKNIFTY");
    Path results = Path.of(o, "results");
    Path niftyStatus = results.resolve("run_all_status_NIFTY_2024-01-02_2024-01-03.parquet");
    Path bankStatus = results.resolve("run_all_status_BANKNIFTY_2024-01-02_2024-01-03.parquet");
    assertThat(fieldOf(lab2, "status_file")).isEqualTo(niftyStatus + "," + bankStatus);
    long pairs = StatusParquet.read(niftyStatus).size() + StatusParquet.read(bankStatus).size();
    assertThat(Long.parseLong(fieldOf(lab2, "ok"))).isEqualTo(pairs).isGreaterThan(2);
    // counts per symbol as well as per strategy
    long niftyPairs = StatusParquet.read(niftyStatus).size();
    assertThat(line("status" + lab2 + " --format kv")).isZero();
    assertThat(out.toString().lines())
        .contains("symbols.NIFTY.ok=" + niftyPairs)
        .contains("symbols.BANKNIFTY.ok=" + (pairs - niftyPairs))
        .contains("symbols.NIFTY.failed=0");
    assertThat(line("status" + lab2)).isZero();
    assertThat(out.toString())
        .containsPattern("(?m)^symbol +ok +failed +skipped +legs$")
        .containsPattern("(?m)^NIFTY +" + niftyPairs + " +0 +0 +[0-9]+$")
        .containsPattern("(?m)^BANKNIFTY +" + (pairs - niftyPairs) + " +0 +0 +[0-9]+$");
    assertThat(fieldOf(lab2, "resume_command"))
        .contains("--symbol NIFTY,BANKNIFTY --start 2024-01-02 --end 2024-01-03")
        .endsWith("--resume");
    // retry takes the state's list of status files: nothing failed in either
    assertThat(line("retry" + lab2 + " --status " + niftyStatus + "," + bankStatus)).isZero();
    assertThat(out.toString())
        .contains("nothing to retry: no failed pairs in " + niftyStatus)
        .contains("nothing to retry: no failed pairs in " + bankStatus);

    // the same trades as a run of each symbol alone on one worker, file for file
    String s = dir.resolve("separate").toString();
    for (String symbol : List.of("BANKNIFTY", "NIFTY")) {
      assertThat(
              line(
                  "run --root "
                      + both
                      + " --out "
                      + s
                      + " --symbol "
                      + symbol
                      + " --max-workers 1 --progress none"))
          .isZero();
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(results)) {
      files =
          list.filter(f -> !f.getFileName().toString().startsWith("run_all_status_"))
              .sorted()
              .toList();
    }
    assertThat(files).hasSizeGreaterThan(2);
    for (Path f : files) {
      assertThat(f).hasSameBinaryContentAs(Path.of(s, "results").resolve(f.getFileName()));
    }
    assertThat(line("cache warm" + lab2 + " --symbol BANKNIFTY,NIFTY --progress none")).isZero();
    assertThat(out.toString())
        .contains("cache warm BANKNIFTY: 2 days")
        .contains("cache warm NIFTY: 2 days");
  }

  @Test
  void retryTakesTheStatusFilesOfARunOverSeveralSymbolsAndRetriesBoth(@TempDir Path dir)
      throws Exception {
    Path both = twoSymbolLab(dir, "2024-01-02");
    String labArgs = " --root " + both;
    LabPaths paths = LabPaths.of(both);
    LocalDate day = LocalDate.of(2024, 1, 2);
    // a spot file of each symbol unreadable: each symbol's pairs fail, naming the file
    Map<Path, byte[]> good = new LinkedHashMap<>();
    for (String symbol : List.of("NIFTY", "BANKNIFTY")) {
      Path spot = paths.spotFile(Symbol.parse(symbol), day);
      good.put(spot, Files.readAllBytes(spot));
      Files.write(spot, "not parquet".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(line("run" + labArgs + " --symbol NIFTY,BANKNIFTY --include orb --progress none"))
        .isEqualTo(1);
    assertThat(out.toString())
        .contains("failed: orb NIFTY_exp2024-01-04")
        .contains("failed: orb BANKNIFTY_exp2024-01-03");
    String statusFiles = fieldOf(labArgs, "status_file");
    assertThat(statusFiles.split(",")).hasSize(2);
    assertThat(fieldOf(labArgs, "failed")).isEqualTo("2");

    // the files mended, one retry of the state's list reruns the failed pair of each symbol
    for (Map.Entry<Path, byte[]> e : good.entrySet()) {
      Files.write(e.getKey(), e.getValue());
    }
    assertThat(line("retry" + labArgs + " --status " + statusFiles + " --progress none")).isZero();
    assertThat(out.toString())
        .contains("run NIFTY_2024-01-02_2024-01-02: 1 tasks, 1 pairs run, 0 reused; 1 ok, 0 failed")
        .contains(
            "run BANKNIFTY_2024-01-02_2024-01-02: 1 tasks, 1 pairs run, 0 reused; 1 ok, 0 failed");
    for (String f : statusFiles.split(",")) {
      assertThat(StatusParquet.read(Path.of(f)))
          .extracting(StatusRow::status)
          .containsOnly(StatusRow.OK);
    }
    assertThat(fieldOf(labArgs, "failed")).isEqualTo("0");
  }

  @Test
  void aSymbolWhoseResultsCannotBeWrittenFailsAloneAndTheOthersResultsStand(@TempDir Path dir)
      throws Exception {
    Path both = twoSymbolLab(dir, "2024-01-02");
    String labArgs = " --root " + both;
    Path results = both.resolve("backtests/results");
    // a folder with a file in it where NIFTY's orb result file goes: NIFTY's merge cannot write it
    Path blocked = results.resolve("orb_NIFTY_2024-01-02_2024-01-02.parquet");
    Files.createDirectories(blocked);
    Files.writeString(blocked.resolve("keep"), "in the way");

    assertThat(line("run" + labArgs + " --symbol NIFTY,BANKNIFTY --include orb --progress none"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("nfops run: NIFTY: ").contains(blocked.toString());
    assertThat(out.toString())
        .doesNotContain("run NIFTY_")
        .contains("run BANKNIFTY_2024-01-02_2024-01-02: 1 tasks, 1 pairs run, 0 reused; 1 ok");
    assertThat(results.resolve("orb_BANKNIFTY_2024-01-02_2024-01-02.parquet")).isRegularFile();
    assertThat(results.resolve("run_all_status_BANKNIFTY_2024-01-02_2024-01-02.parquet"))
        .isRegularFile();
    assertThat(results.resolve("run_all_status_NIFTY_2024-01-02_2024-01-02.parquet"))
        .doesNotExist();
    // the command did not finish what it was asked: a monitor sees it failed, and the resume
    // command merges NIFTY again from its parts once the way is clear
    assertThat(fieldOf(labArgs, "state")).isEqualTo("failed");
    Files.delete(blocked.resolve("keep"));
    Files.delete(blocked);
    assertThat(
            line(
                "run"
                    + labArgs
                    + " --symbol NIFTY,BANKNIFTY --include orb --resume --progress none"))
        .isZero();
    assertThat(out.toString())
        .contains("run NIFTY_2024-01-02_2024-01-02: 1 tasks, 0 pairs run, 1 reused; 1 ok")
        .contains("run BANKNIFTY_2024-01-02_2024-01-02: 1 tasks, 0 pairs run, 1 reused; 1 ok");
    assertThat(blocked).isRegularFile();
  }

  /** A generated tiny lab of NIFTY and BANKNIFTY from 2024-01-02 to {@code end}, under dir/lab. */
  private Path twoSymbolLab(Path dir, String end) {
    Path lab = dir.resolve("lab");
    assertThat(
            line(
                "data generate --root "
                    + lab
                    + " --preset tiny --symbols NIFTY,BANKNIFTY --start 2024-01-02 --end "
                    + end
                    + " --seed 5"))
        .isZero();
    return lab;
  }

  private String fieldOf(String labArgs, String field) {
    assertThat(line("status" + labArgs + " --field " + field)).isZero();
    return out.toString().strip();
  }

  @Test
  void aSymbolThatCannotRunDoesNotStopTheOthers(@TempDir Path outDir) throws Exception {
    String args = " --root " + lab + " --out " + outDir + " --include orb --progress none";
    // the lab has no BANKNIFTY data: BANKNIFTY is refused, NIFTY still runs and keeps its outputs
    assertThat(line("run --symbol BANKNIFTY,NIFTY" + args)).isEqualTo(2);
    assertThat(err.toString()).contains("nfops run: BANKNIFTY: no spot data for BANKNIFTY");
    assertThat(out.toString()).contains("run NIFTY_2024-01-02_2024-01-04:").contains("0 failed");
    assertThat(outDir.resolve("results/orb_NIFTY_2024-01-02_2024-01-04.parquet")).isRegularFile();
    // the other way round: the state of the command is finished once NIFTY is done, so a monitor
    // sees a finished run, not a dead one
    assertThat(line("run --symbol NIFTY,BANKNIFTY" + args)).isEqualTo(2);
    assertThat(line("status --root " + lab + " --out " + outDir + " --field state")).isZero();
    assertThat(out.toString().trim()).isEqualTo("finished");
  }

  @Test
  void sweepTakesOneSymbol(@TempDir Path outDir) {
    assertThat(
            line(
                "sweep --root "
                    + lab
                    + " --out "
                    + outDir
                    + " --symbol NIFTY,BANKNIFTY --strategy orb --grid stop_pct=10,15"
                    + " --progress none"))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("--symbol: this command works on one symbol at a time (got NIFTY,BANKNIFTY)");
  }

  @Test
  void sweepWritesASideBySideSummary(@TempDir Path outDir) throws Exception {
    assertThat(
            run(
                "sweep",
                "--root",
                lab.toString(),
                "--out",
                outDir.toString(),
                "--symbol",
                "NIFTY",
                "--strategy",
                "short_straddle",
                "--grid",
                "anchor=10:00:00,11:00:00",
                "--progress",
                "none"))
        .isZero();
    Path csv =
        outDir.resolve("results/sweep_short_straddle_NIFTY_2024-01-02_2024-01-04/summary.csv");
    List<String> rows = Files.readAllLines(csv);
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0)).startsWith("params_id,anchor,trades");
  }

  @Test
  void badInputIsRefusedWithAClearMessage() {
    assertThat(run("run", "--root", lab.toString(), "--symbol", "../..")).isEqualTo(2);
    assertThat(err.toString()).contains("invalid symbol '../..'");
    assertThat(
            run(
                "run",
                "--root",
                lab.toString(),
                "--symbol",
                "NIFTY",
                "--start",
                "2024-01-04",
                "--end",
                "2024-01-02"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--start 2024-01-04 is after --end 2024-01-02");
    assertThat(run("run", "--root", lab.toString(), "--symbol", "NIFTY", "--include", "nope"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("unknown strategy 'nope'").contains("orb");
  }
}
