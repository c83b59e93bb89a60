package in.nfopslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.engine.EngineConfig;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.orchestrator.Orchestrator;
import in.nfopslab.orchestrator.Progress;
import in.nfopslab.orchestrator.RunConfig;
import in.nfopslab.orchestrator.RunSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code nfops status}: the same data as JSON, key=value lines and single fields, for a finished
 * run with a failure.
 */
class StatusCommandTest {
  @TempDir static Path shared;
  static LabPaths paths;
  static RunSummary summary;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void runOnce() throws Exception {
    Path lab = shared.resolve("lab");
    OpsLab.build(lab, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 5));
    paths = LabPaths.of(lab);
    Path marker = Files.writeString(shared.resolve("marker"), "x");
    RunConfig c =
        new RunConfig(
            paths,
            OpsLab.NIFTY,
            null,
            null,
            List.of("ops_buy_ce", "ops_fail_once"),
            List.of(),
            List.of("ops_fail_once.marker=" + marker),
            1,
            false,
            EngineConfig.defaults(),
            Progress.Mode.NONE,
            null);
    summary =
        new Orchestrator(OpsStrategies.registry())
            .run(c, new PrintStream(new ByteArrayOutputStream()));
  }

  @Test
  void keyValueLinesCarryTheSameValuesAsTheJson() {
    assertThat(run("status", "--root", paths.root().toString(), "--json")).isZero();
    String json = out.toString().trim();
    out.getBuffer().setLength(0);
    assertThat(run("status", "--root", paths.root().toString(), "--format", "kv")).isZero();
    List<String> lines = out.toString().lines().toList();

    assertThat(lines)
        .contains(
            "state=finished",
            "pairs=4",
            "ok=3",
            "failed=1",
            "strategy.ops_fail_once.failed=1",
            "status_file=" + summary.statusFile(),
            "rows_from=status_file");
    for (String line : lines) {
      String key = line.substring(0, line.indexOf('='));
      String value = line.substring(line.indexOf('=') + 1);
      if (key.contains(".")) {
        continue; // per-strategy counts and failures: checked below
      }
      // a string, a number, or null for an empty value
      assertThat(json)
          .as(key)
          .containsAnyOf(
              "\"" + key + "\":" + Json.str(value),
              "\"" + key + "\":" + value + ",",
              "\"" + key + "\":" + (value.isEmpty() ? "null" : "\u0000"));
    }
    assertThat(json).contains("\"ops_fail_once\":{\"ok\":1,\"failed\":1,\"skipped\":0,");
    assertThat(lines).contains("strategy.ops_fail_once.ok=1", "failure.1.strategy=ops_fail_once");
    String error =
        lines.stream()
            .filter(l -> l.startsWith("failure.1.error="))
            .findFirst()
            .orElseThrow()
            .substring(16);
    assertThat(error).contains("failing once on purpose");
    assertThat(json)
        .contains("\"failures\":[{\"strategy\":\"ops_fail_once\"")
        .contains("\"error\":" + Json.str(error));
  }

  @Test
  void oneFieldPrintsOnlyItsValueAndAnUnknownFieldListsTheKnownOnes() {
    assertThat(run("status", "--root", paths.root().toString(), "--field", "state")).isZero();
    assertThat(out.toString()).isEqualTo("finished\n");
    out.getBuffer().setLength(0);
    assertThat(run("status", "--root", paths.root().toString(), "--field", "resume_command"))
        .isZero();
    assertThat(out.toString())
        .startsWith("nfops run --data " + paths.data())
        .contains("--symbol NIFTY --start 2024-01-01 --end 2024-01-05")
        .contains("--include ops_buy_ce,ops_fail_once --param ops_fail_once.marker=")
        .endsWith("--max-workers 1 --resume\n");

    assertThat(run("status", "--root", paths.root().toString(), "--field", "colour")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown field 'colour'").contains("pairs_done");
    assertThat(run("status", "--root", paths.root().toString(), "--json", "--format", "kv"))
        .isEqualTo(2);
  }

  @Test
  void theResumeCommandOfARunOverSeveralSymbolsRunsThemAll() {
    java.util.Properties state = new java.util.Properties();
    state.setProperty("symbol", "NIFTY,BANKNIFTY");
    state.setProperty("start", "2024-01-01");
    state.setProperty("end", "2024-01-31");
    assertThat(StatusReport.resumeCommand(state))
        .isEqualTo(
            "nfops run --symbol NIFTY,BANKNIFTY --start 2024-01-01 --end 2024-01-31 --resume");
    // no range asked, and the symbols' data cover different ones: each takes its own again
    state.setProperty("start", "");
    state.setProperty("end", "");
    assertThat(StatusReport.resumeCommand(state))
        .isEqualTo("nfops run --symbol NIFTY,BANKNIFTY --resume");
  }

  @Test
  void aRunThatStillClaimsToRunWithoutAProcessIsDead() {
    Properties p = new Properties();
    p.setProperty("state", "running");
    p.setProperty("pid", "-7");
    p.setProperty("heartbeat", java.time.Instant.now().toString());
    assertThat(StatusReport.liveness(p, java.time.Instant.now())).isEqualTo("dead");
    p.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
    assertThat(StatusReport.liveness(p, java.time.Instant.now())).isEqualTo("running");
    assertThat(StatusReport.liveness(p, java.time.Instant.now().plusSeconds(16))).isEqualTo("dead");
    p.setProperty("heartbeat", "garbage");
    assertThat(StatusReport.liveness(p, java.time.Instant.now())).isEqualTo("dead");
    p.setProperty("state", "finished");
    assertThat(StatusReport.liveness(p, java.time.Instant.now())).isEqualTo("finished");
  }

  private int run(String... args) {
    CommandLine cl = Nfops.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }
}
