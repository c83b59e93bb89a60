package in.nfopslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code nfops data generate} and {@code nfops demo} write a lab, and never over data they did not
 * make.
 */
class GenerateCommandTest {
  private static final String[] ONE_DAY = {
    "--preset",
    "tiny",
    "--symbols",
    "nifty",
    "--start",
    "2024-01-02",
    "--end",
    "2024-01-02",
    "--max-workers",
    "2"
  };

  @TempDir Path root;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void generatesTheRequestedDaysAndSymbolsAndSaysWhereTheLabIs() {
    int code = run(args("data", "generate", "--root", root.toString()));

    assertThat(code).as(err.toString()).isZero();
    LabPaths paths = LabPaths.of(root);
    assertThat(paths.spotFile(new Symbol("NIFTY"), LocalDate.of(2024, 1, 2))).exists();
    assertThat(paths.spotDir(new Symbol("BANKNIFTY"))).doesNotExist();
    assertThat(paths.manifestCsv()).exists();
    assertThat(out.toString())
        .contains("generated 1 trading days")
        .contains("rows/s")
        .contains("lab:      " + paths.root())
        .contains(paths.manifestCsv().toString());
  }

  @Test
  void refusesAnExistingLabWithoutForceAndReplacesItWithForce() throws Exception {
    assertThat(run(args("data", "generate", "--root", root.toString()))).isZero();
    byte[] before = Files.readAllBytes(LabPaths.of(root).manifestCsv());

    int refused = run(args("data", "generate", "--root", root.toString(), "--seed", "8"));
    assertThat(refused).isEqualTo(2);
    assertThat(err.toString()).contains("already holds packed data").contains("--force");
    assertThat(Files.readAllBytes(LabPaths.of(root).manifestCsv())).isEqualTo(before);

    int forced = run(args("data", "generate", "--root", root.toString(), "--seed", "8", "--force"));
    assertThat(forced).as(err.toString()).isZero();
    assertThat(Files.readAllBytes(LabPaths.of(root).manifestCsv())).isNotEqualTo(before);
  }

  @Test
  void demoRefusesARootHoldingPackedDataItDidNotGenerate() throws Exception {
    Path foreign =
        LabPaths.of(root)
            .spotDir(new Symbol("NIFTY"))
            .resolve("202401/date=2024-01-02/ticks.parquet");
    Files.createDirectories(foreign.getParent());
    Files.writeString(foreign, "someone's real data");

    int code = run("demo", "--root", root.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("already holds packed data");
    assertThat(foreign).hasContent("someone's real data");
  }

  @Test
  void anUnknownPresetIsAUsageError() {
    int code = run("data", "generate", "--root", root.toString(), "--preset", "huge");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--preset");
  }

  private static String[] args(String... head) {
    String[] all = new String[head.length + ONE_DAY.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(ONE_DAY, 0, all, head.length, ONE_DAY.length);
    return all;
  }

  private int run(String... args) {
    CommandLine cl = Nfops.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }
}
