package in.nfopslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.engine.EngineConfig;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.orchestrator.Orchestrator;
import in.nfopslab.orchestrator.Progress;
import in.nfopslab.orchestrator.RunConfig;
import in.nfopslab.orchestrator.RunState;
import in.nfopslab.orchestrator.RunSummary;
import in.nfopslab.orchestrator.StatusParquet;
import in.nfopslab.orchestrator.StatusRow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/monitor_run.sh and scripts/monitor_loop.sh, run with bash against labs whose run state is
 * real (a run made in this JVM) or written by hand (a dead or a running run), with a child-process
 * nfops as their NFOPS.
 */
class MonitorScriptsTest {
  private static final Path SCRIPTS = Path.of("..", "scripts").toAbsolutePath().normalize();
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  @TempDir static Path shared;
  static Path lab;
  static Path nfops;

  @BeforeAll
  static void buildLabAndLauncher() throws Exception {
    lab = shared.resolve("lab");
    OpsLab.build(lab, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 5));
    nfops = NfopsProcess.launcher(shared, OpsStrategies.servicesDir(shared.resolve("services")));
  }

  private static RunSummary runInProcess(LabPaths paths, String marker) throws Exception {
    RunConfig c =
        new RunConfig(
            paths,
            OpsLab.NIFTY,
            null,
            null,
            List.of("ops_buy_ce", "ops_fail_once"),
            List.of(),
            List.of("ops_fail_once.marker=" + marker),
            2,
            false,
            EngineConfig.defaults(),
            Progress.Mode.NONE,
            null);
    return new Orchestrator(OpsStrategies.registry())
        .run(c, new PrintStream(new ByteArrayOutputStream()));
  }

  private static NfopsProcess.Result script(String name, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", SCRIPTS.resolve(name).toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("NFOPS", nfops.toString());
    return NfopsProcess.exec(pb, TIMEOUT);
  }

  @Test
  void aFailureThatARetryCuresIsRetriedOnceAndTheLoopEndsClean(@TempDir Path dir) throws Exception {
    LabPaths paths = OpsLab.copy(lab, dir);
    Path marker = Files.writeString(dir.resolve("fail-once"), "x");
    RunSummary first = runInProcess(paths, marker.toString());
    assertThat(first.count(StatusRow.FAILED)).isEqualTo(1);

    NfopsProcess.Result once = script("monitor_run.sh", "--root", paths.root().toString());
    assertThat(once.exitCode()).as(once.toString()).isEqualTo(1);
    assertThat(once.out())
        .contains("run NIFTY_2024-01-01_2024-01-05: finished")
        .contains("failures so far:")
        .contains("ops_fail_once NIFTY_exp")
        .contains("failing once on purpose")
        .contains("nfops retry --status " + first.statusFile());

    NfopsProcess.Result loop =
        script(
            "monitor_loop.sh",
            "--interval",
            "1",
            "--max-retries",
            "3",
            "--root",
            paths.root().toString());
    assertThat(loop.exitCode()).as(loop.toString()).isZero();
    assertThat(loop.out())
        .contains("retry 1 of 3")
        .doesNotContain("retry 2 of 3")
        .contains("finished: 4 pairs ok");
    assertThat(StatusParquet.read(first.statusFile()))
        .extracting(StatusRow::status)
        .containsOnly(StatusRow.OK);
    assertThat(paths.logs().resolve("monitor_retries.log"))
        .content()
        .contains("=== retry exit code 0");
  }

  @Test
  void failuresThatPersistAreRetriedOnlyMaxRetriesTimes(@TempDir Path dir) throws Exception {
    LabPaths paths = OpsLab.copy(lab, dir);
    // a non-empty folder cannot be deleted: ops_fail_once fails on every attempt
    Path marker = Files.createDirectories(dir.resolve("stuck"));
    Files.writeString(marker.resolve("x"), "x");
    RunSummary first = runInProcess(paths, marker.toString());
    assertThat(first.count(StatusRow.FAILED)).isEqualTo(2);

    NfopsProcess.Result loop =
        script(
            "monitor_loop.sh",
            "--interval",
            "1",
            "--max-retries",
            "2",
            "--root",
            paths.root().toString());

    assertThat(loop.exitCode()).as(loop.toString()).isEqualTo(1);
    assertThat(loop.out())
        .contains("retry 1 of 2")
        .contains("retry 2 of 2")
        .doesNotContain("retry 3")
        .contains("finished with 2 failed pairs after 2 of 2 retries: giving up")
        .contains("DirectoryNotEmptyException");
    assertThat(paths.logs().resolve("monitor_retries.log"))
        .content()
        .contains("=== retry exit code 1");
  }

  @Test
  void aDeadRunIsReportedWithTheCommandThatResumesIt(@TempDir Path dir) throws Exception {
    LabPaths paths = LabPaths.of(dir);
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    writeState(paths, gone.pid(), Instant.now().minusSeconds(600), "3", "1");

    NfopsProcess.Result once = script("monitor_run.sh", "--root", dir.toString());
    assertThat(once.exitCode()).as(once.toString()).isEqualTo(3);
    String resume =
        "nfops run --data "
            + paths.data()
            + " --meta "
            + paths.meta()
            + " --out "
            + paths.out()
            + " --symbol NIFTY --start 2024-01-01 --end 2024-01-05 --include ops_buy_ce --param ops_buy_ce.at=10:00:00"
            + " --max-workers 2 --resume";
    assertThat(once.out())
        .contains("run NIFTY_2024-01-01_2024-01-05: dead")
        .contains("progress: 3/8 pairs run, 1 failed")
        .contains(resume);

    NfopsProcess.Result loop =
        script("monitor_loop.sh", "--interval", "1", "--root", dir.toString());
    assertThat(loop.exitCode()).as(loop.toString()).isEqualTo(3);
    assertThat(loop.out()).contains("is DEAD").contains("nohup " + resume);
  }

  @Test
  void aLiveRunShowsProgressAndItsLogTailAndTheLoopStopsAtItsTimeout(@TempDir Path dir)
      throws Exception {
    LabPaths paths = LabPaths.of(dir);
    writeState(paths, ProcessHandle.current().pid(), Instant.now(), "5", "0");
    Files.createDirectories(paths.results());
    Files.writeString(
        paths.results().resolve("ops_buy_ce_NIFTY_2024-01-01_2024-01-05.parquet"), "not yet");

    NfopsProcess.Result once = script("monitor_run.sh", "--tail", "2", "--root", dir.toString());
    assertThat(once.exitCode()).as(once.toString()).isZero();
    assertThat(once.out())
        .contains(
            "run NIFTY_2024-01-01_2024-01-05: running (alive, pid " + ProcessHandle.current().pid())
        .contains("progress: 5/8 pairs run, 0 failed (62%)")
        .contains("failures so far: none")
        .contains("ops_buy_ce_NIFTY_2024-01-01_2024-01-05.parquet")
        .contains("line 3 of the run log")
        .contains("line 2 of the run log")
        .doesNotContain("line 1 of the run log");

    NfopsProcess.Result loop =
        script("monitor_loop.sh", "--interval", "1", "--timeout", "1", "--root", dir.toString());
    assertThat(loop.exitCode()).as(loop.toString()).isEqualTo(5);
    assertThat(loop.out())
        .contains("NIFTY_2024-01-01_2024-01-05 running: 5/8 pairs run, 0 failed")
        .contains("gave up watching");
  }

  @Test
  void aLabWithoutARunSaysSo(@TempDir Path dir) throws Exception {
    NfopsProcess.Result once = script("monitor_run.sh", "--root", dir.toString());
    assertThat(once.exitCode()).as(once.toString()).isEqualTo(4);
    assertThat(once.out()).contains("no nfops run found");
    NfopsProcess.Result bad =
        script("monitor_loop.sh", "--interval", "soon", "--root", dir.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("take a whole number, got 'soon'");
  }

  @Test
  void aFinishedSweepWithFailuresIsNotRetriedButResumedAndAnOlderRunsStatusIsNotShownForIt(
      @TempDir Path dir) throws Exception {
    LabPaths paths = OpsLab.copy(lab, dir);
    RunSummary older = runInProcess(paths, "");
    writeState(paths, ProcessHandle.current().pid(), Instant.now(), "8", "1");
    String sweep =
        Files.readString(paths.out().resolve(RunState.FILE))
            .replace("command=run", "command=sweep")
            .replace("state=running", "state=finished")
            .replaceAll("(?m)^status_file=.*\n", "");
    Files.writeString(paths.out().resolve(RunState.FILE), sweep);

    NfopsProcess.Result once = script("monitor_run.sh", "--root", paths.root().toString());
    assertThat(once.exitCode()).as(once.toString()).isEqualTo(1);
    assertThat(once.out())
        .contains("finished with 1 failed parts: re-run the same nfops sweep with --resume")
        .contains(
            "pairs recorded: 0 (0 ok, 0 failed, 0 skipped, 0 trade legs; from none)"); // not the
    // older
    // run's rows
    assertThat(older.count(StatusRow.OK)).isEqualTo(4);

    NfopsProcess.Result loop =
        script("monitor_loop.sh", "--interval", "1", "--root", paths.root().toString());
    assertThat(loop.exitCode()).as(loop.toString()).isEqualTo(1);
    assertThat(loop.out())
        .contains("re-run the same nfops sweep with --resume")
        .doesNotContain("retry 1");
  }

  /** A run state as a run writes it, with the given pid, heartbeat and progress. */
  private static void writeState(
      LabPaths paths, long pid, Instant heartbeat, String done, String failed) throws Exception {
    Files.createDirectories(paths.logs());
    Path runLog =
        Files.writeString(
            paths.logs().resolve("run_NIFTY.log"),
            "line 1 of the run log\nline 2 of the run log\nline 3 of the run log\n");
    String text =
        String.join(
                "\n",
                "pid=" + pid,
                "run_id=NIFTY_2024-01-01_2024-01-05",
                "command=run",
                "started=" + heartbeat.minusSeconds(60),
                "run_log=" + runLog,
                "heartbeat_interval_s=5",
                "state=running",
                "heartbeat=" + heartbeat,
                "pairs_total=8",
                "pairs_done=" + done,
                "pairs_failed=" + failed,
                "symbol=NIFTY",
                "start=2024-01-01",
                "end=2024-01-05",
                "include=ops_buy_ce",
                "exclude=",
                "params=ops_buy_ce.at\\=10:00:00",
                "engine=defaults",
                "max_workers=2",
                "data_dir=" + paths.data(),
                "meta_dir=" + paths.meta(),
                "out_dir=" + paths.out(),
                "parts_dir=" + paths.out().resolve("parts/NIFTY_2024-01-01_2024-01-05"),
                "status_file="
                    + paths.results().resolve("run_all_status_NIFTY_2024-01-01_2024-01-05.parquet"))
            + "\n";
    Files.createDirectories(paths.out());
    Files.writeString(paths.out().resolve(RunState.FILE), text);
  }
}
