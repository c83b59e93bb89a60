package in.nfopslab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import in.nfopslab.core.io.AtomicFiles;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.data.trades.TradeParquet;
import in.nfopslab.orchestrator.Orchestrator;
import in.nfopslab.orchestrator.RunState;
import in.nfopslab.orchestrator.StatusParquet;
import in.nfopslab.orchestrator.StatusRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Faults of the process and the machine around a run, each against a real {@code nfops run} of orb
 * and short_straddle over a generated lab (2024-01-01..2024-01-19, four tasks): kill -9 then
 * --resume, two runs on one lab at once, a full disk, an output folder that cannot be written. The
 * reference is an uninterrupted run.
 */
class ProcessFaultsTest {
  static final String RUN_ID = "NIFTY_2024-01-01_2024-01-19";
  static final List<String> OUTPUTS =
      List.of("orb_" + RUN_ID + ".parquet", "short_straddle_" + RUN_ID + ".parquet");
  static final Duration CHILD_TIMEOUT = Duration.ofMinutes(5);

  @TempDir static Path shared;
  static LabPaths reference;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void uninterruptedRun() throws Exception {
    reference = GeneratedLab.linkedCopy(shared.resolve("reference"));
    StringWriter log = new StringWriter();
    CommandLine cl = cli(log, log);
    assertThat(cl.execute(runArgs(reference, "--max-workers", "2"))).as(log.toString()).isZero();
    assertThat(StatusParquet.read(statusFile(reference)))
        .hasSize(8)
        .allSatisfy(r -> assertThat(r.status()).isEqualTo(StatusRow.OK));
  }

  @Test
  void killDashNineThenResumeEndsWithTheOutputsOfAnUninterruptedRun(@TempDir Path dir)
      throws Exception {
    LabPaths lab = GeneratedLab.linkedCopy(dir);
    Process child =
        new ProcessBuilder(NfopsProcess.command(null, runArgs(lab, "--max-workers", "1")))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    Path parts = lab.out().resolve("parts");
    long deadline = System.nanoTime() + CHILD_TIMEOUT.toNanos();
    while (statusParts(parts) == 0) {
      assertThat(child.isAlive())
          .as(
              "the run ended before it could be killed: %s",
              Files.readString(dir.resolve("child.log")))
          .isTrue();
      assertThat(System.nanoTime()).as("no part written in time").isLessThan(deadline);
      Thread.sleep(20);
    }
    child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
    assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
    long doneAtKill = statusParts(parts);
    assertThat(doneAtKill).as("pairs recorded when killed").isBetween(1L, 7L);
    assertThat(statusFile(lab)).doesNotExist();
    assertNoHalfWrittenFiles(lab.out());

    assertThat(cli(out, err).execute("status", "--root", lab.root().toString(), "--field", "state"))
        .isZero();
    assertThat(out.toString()).isEqualTo("dead\n");
    out.getBuffer().setLength(0);
    // the dead run's progress, from the status rows in its parts' footers
    for (String field : List.of("rows_from", "pairs")) {
      assertThat(cli(out, err).execute("status", "--root", lab.root().toString(), "--field", field))
          .isZero();
    }
    assertThat(out.toString()).isEqualTo("parts\n" + doneAtKill + "\n");
    out.getBuffer().setLength(0);

    int code = cli(out, err).execute(runArgs(lab, "--max-workers", "2", "--resume"));

    assertThat(code).as(out + "\n" + err).isZero();
    assertThat(out.toString()).contains(" reused; 8 ok, 0 failed, 0 skipped");
    assertSameOutputs(lab);
  }

  @Test
  void aSecondRunOnTheSameLabIsRefusedAndTheFirstEndsAsIfAlone(@TempDir Path dir) throws Exception {
    LabPaths lab = GeneratedLab.linkedCopy(dir);
    Process first =
        new ProcessBuilder(NfopsProcess.command(null, runArgs(lab, "--max-workers", "1")))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("first.log").toFile())
            .start();
    long deadline = System.nanoTime() + CHILD_TIMEOUT.toNanos();
    // the run writes its state once it holds the lab lock, and its cache once it has loaded a chain
    while (!RunState.read(lab.out()).getProperty("pid", "").equals(Long.toString(first.pid()))
        || !Files.isDirectory(lab.secondsCache())) {
      assertThat(first.isAlive())
          .as("the first run ended early: %s", Files.readString(dir.resolve("first.log")))
          .isTrue();
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(20);
    }

    int second = cli(out, err).execute(runArgs(lab, "--max-workers", "1"));
    assertThat(second).isEqualTo(2);
    assertThat(err.toString())
        .contains("nfops run: another nfops process is using " + lab.out())
        .contains("pid " + first.pid() + ", nfops run " + RUN_ID)
        .contains("wait for it to finish, or use another --out");

    int clear = cli(out, err).execute("cache", "clear", "--root", lab.root().toString());
    assertThat(clear).isEqualTo(2);
    assertThat(err.toString()).contains("nfops clear: another nfops process is using " + lab.out());

    // warming the cache at the same time is allowed: entries are written whole and renamed into
    // place
    int warm =
        cli(out, err)
            .execute(
                "cache",
                "warm",
                "--root",
                lab.root().toString(),
                "--symbol",
                "NIFTY",
                "--max-workers",
                "1",
                "--progress",
                "none");
    assertThat(warm).as(out + "\n" + err).isZero();

    assertThat(first.waitFor(CHILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).as(Files.readString(dir.resolve("first.log"))).isZero();
    assertSameOutputs(lab);
    assertThat(RunState.read(lab.out()).getProperty("state")).isEqualTo("finished");
    try (Stream<Path> logs = Files.list(lab.logs())) {
      assertThat(logs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("run_")))
          .singleElement()
          .asString()
          .endsWith("_" + first.pid() + ".log");
    }
    try (Stream<Path> entries = Files.walk(lab.secondsCache())) {
      for (Path e : (Iterable<Path>) entries.filter(Files::isRegularFile)::iterator) {
        assertThat(AtomicFiles.isTemporary(e)).as(e.toString()).isFalse();
        readable(e);
      }
    }
  }

  @Test
  void aFullDiskStopsTheRunWithAClearErrorNoHalfWrittenFileAndResumeFinishesIt(@TempDir Path dir)
      throws Exception {
    assumeTrue(
        canUnshare(),
        "needs unshare --user --mount to give the run a small file system of its own");
    LabPaths lab = GeneratedLab.linkedCopy(dir.resolve("lab"));
    Files.createDirectories(lab.out());
    Path after = Files.createDirectories(dir.resolve("after"));
    // the outputs folder becomes a 128 KiB tmpfs, private to the child's mount namespace: the run
    // fills it; its
    // content is copied out before the namespace (and the tmpfs) goes away
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "unshare",
                "--user",
                "--map-root-user",
                "--mount",
                "bash",
                "-c",
                "mount -t tmpfs -o size=128k tmpfs \"$OUT\" || exit 97; \"$@\"; rc=$?; cp -a \"$OUT\"/. \"$AFTER\"/; exit $rc",
                "bash"));
    cmd.addAll(NfopsProcess.command(null, runArgs(lab, "--max-workers", "1")));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("OUT", lab.out().toString());
    pb.environment().put("AFTER", after.toString());

    NfopsProcess.Result r = NfopsProcess.exec(pb, CHILD_TIMEOUT);

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).containsPattern("nfops run: .*No space left on device");
    assertNoHalfWrittenFiles(after);
    assertThat(after.resolve("results").resolve("run_all_status_" + RUN_ID + ".parquet"))
        .doesNotExist();
    assertThat(RunState.read(after).getProperty("state")).isNotEqualTo("finished");

    // space freed (here: the same outputs on the normal file system), --resume finishes the run
    try (Stream<Path> s = Files.walk(after)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path to = lab.out().resolve(after.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    int code = cli(out, err).execute(runArgs(lab, "--max-workers", "2", "--resume"));
    assertThat(code).as(out + "\n" + err).isZero();
    assertSameOutputs(lab);
  }

  @Test
  void anOutputFolderUnderAFileIsAClearErrorBeforeAnyWork(@TempDir Path dir) throws Exception {
    LabPaths lab = GeneratedLab.linkedCopy(dir.resolve("lab"));
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
    Path outDir = file.resolve("backtests");

    int code =
        cli(out, err)
            .execute(
                "run",
                "--root",
                lab.root().toString(),
                "--out",
                outDir.toString(),
                "--symbol",
                "NIFTY",
                "--include",
                "orb",
                "--progress",
                "none");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("nfops run: cannot create output folder " + outDir + ": Not a directory\n");
    assertThat(file).hasContent("x");
  }

  @Test
  void aReadOnlyOutputFolderIsAClearErrorBeforeAnyWork(@TempDir Path dir) throws Exception {
    LabPaths lab = GeneratedLab.linkedCopy(dir.resolve("lab"));
    Path outDir = Files.createDirectories(lab.out());
    NfopsProcess.Result r;
    if (isRoot()) {
      // root ignores permission bits: make the folder a read-only bind mount in a private mount
      // namespace instead
      assumeTrue(canUnshare(), "as root, needs unshare --user --mount for a read-only mount");
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  "unshare",
                  "--user",
                  "--map-root-user",
                  "--mount",
                  "bash",
                  "-c",
                  "mount --bind \"$OUT\" \"$OUT\" && mount -o remount,bind,ro \"$OUT\" || exit 97; exec \"$@\"",
                  "bash"));
      cmd.addAll(NfopsProcess.command(null, runArgs(lab, "--max-workers", "1")));
      ProcessBuilder pb = new ProcessBuilder(cmd);
      pb.environment().put("OUT", outDir.toString());
      r = NfopsProcess.exec(pb, CHILD_TIMEOUT);
      assertThat(r.err())
          .as(r.toString())
          .contains(
              "nfops run: cannot write in output folder " + outDir + ": Read-only file system");
    } else {
      assertThat(outDir.toFile().setWritable(false, false)).isTrue();
      try {
        r = NfopsProcess.run(null, CHILD_TIMEOUT, runArgs(lab, "--max-workers", "1"));
      } finally {
        outDir.toFile().setWritable(true, true);
      }
      assertThat(r.err())
          .as(r.toString())
          .contains("nfops run: cannot write in output folder " + outDir)
          .contains("ermission denied");
    }
    assertThat(r.exitCode()).isEqualTo(2);
    try (Stream<Path> s = Files.list(outDir)) {
      assertThat(s).as("nothing written").isEmpty();
    }
  }

  static String[] runArgs(LabPaths lab, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--root",
                lab.root().toString(),
                "--symbol",
                "NIFTY",
                "--include",
                "orb,short_straddle",
                "--progress",
                "none"));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  static Path statusFile(LabPaths lab) {
    return lab.results().resolve("run_all_status_" + RUN_ID + ".parquet");
  }

  static CommandLine cli(StringWriter out, StringWriter err) {
    CommandLine cl = Nfops.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl;
  }

  /**
   * Trade files byte for byte, status rows row for row (all but times, durations and log paths).
   */
  static void assertSameOutputs(LabPaths lab) throws IOException {
    for (String f : OUTPUTS) {
      assertThat(Files.readAllBytes(lab.results().resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(reference.results().resolve(f)));
      assertThat(TradeParquet.read(lab.results().resolve(f))).isNotEmpty();
    }
    assertThat(comparable(StatusParquet.read(statusFile(lab))))
        .containsExactlyInAnyOrderElementsOf(comparable(StatusParquet.read(statusFile(reference))));
  }

  static List<String> comparable(List<StatusRow> rows) {
    return rows.stream()
        .map(
            r ->
                String.join(
                    "|",
                    r.strategy(),
                    r.paramsId(),
                    r.taskId(),
                    r.firstDay().toString(),
                    r.lastDay().toString(),
                    r.status(),
                    r.error(),
                    Long.toString(r.trades()),
                    r.params(),
                    r.dataKey()))
        .toList();
  }

  /** The pairs recorded so far: trade parts whose footer holds a status row. */
  static long statusParts(Path parts) throws IOException {
    return Orchestrator.partStatuses(parts).size();
  }

  /** Every file under its real name is whole: each Parquet file has its footer and reads. */
  static void assertNoHalfWrittenFiles(Path out) throws IOException {
    int tradeParts = 0;
    try (Stream<Path> s = Files.walk(out)) {
      for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
        if (p.getFileName().toString().endsWith(".parquet") && !AtomicFiles.isTemporary(p)) {
          readable(p);
          if (p.getFileName().toString().endsWith(".trades.parquet")) {
            tradeParts++;
          }
        }
      }
    }
    // and every trade part of a pair carries the pair's status
    assertThat(Orchestrator.partStatuses(out.resolve("parts"))).hasSize(tradeParts);
  }

  static void readable(Path p) throws IOException {
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(p))) {
      assertThat(r.getRecordCount()).as(p.toString()).isGreaterThanOrEqualTo(0);
      while (r.readNextRowGroup() != null) {
        // every page decodes
      }
    }
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  static boolean canUnshare() {
    try {
      Process p =
          new ProcessBuilder("unshare", "--user", "--map-root-user", "--mount", "true")
              .redirectErrorStream(true)
              .start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
