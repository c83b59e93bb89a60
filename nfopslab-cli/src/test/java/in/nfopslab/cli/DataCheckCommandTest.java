package in.nfopslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.lab.LabPaths;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code nfops data check} from the command line: a clean lab passes, a broken file is a table row
 * and exit 1.
 */
class DataCheckCommandTest {
  @TempDir static Path shared;
  static Path lab;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void buildLab() throws Exception {
    lab = shared.resolve("lab");
    OpsLab.build(lab, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 3));
  }

  @Test
  void aCleanLabHasNoFindingsAndExitsZero() {
    int code = run("data", "check", "--root", lab.toString());
    assertThat(code).as(out + "\n" + err).isZero();
    assertThat(out.toString())
        .isEqualTo(
            "checked 18 files (3 spot, 1 futures, 14 options): 0 errors in 0 files, 0 warnings in 0 files\n");
  }

  @Test
  void aBrokenFileIsATableOfFindingsAndExitCodeOne(@TempDir Path dir) throws Exception {
    LabPaths paths = OpsLab.copy(lab, dir);
    LocalDate e = LocalDate.of(2024, 1, 4);
    Path bad = paths.optionFile(OpsLab.NIFTY, e, OptionType.PE, 21_000);
    Files.delete(bad);
    // a CE's rows filed under type=PE
    OpsLab.writeOption(
        bad,
        OptionType.CE,
        21_000,
        e,
        OpsLab.days(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 3)));

    int code =
        run(
            "data",
            "check",
            "--root",
            dir.toString(),
            "--symbol",
            "nifty",
            "--start",
            "2024-01-02");
    assertThat(code).as(out + "\n" + err).isEqualTo(1);
    String rel = "packed/options/NIFTY/202401/exp=2024-01-04/type=PE/strike=21000.parquet";
    assertThat(out.toString())
        .contains(
            rel
                + "\n  error   type_mismatch             6753  6753 rows have opt_type 'CE', the path says PE")
        .endsWith(
            "checked 17 files (2 spot, 1 futures, 14 options): 1 errors in 1 files, 0 warnings in 0 files\n");

    out.getBuffer().setLength(0);
    assertThat(run("data", "check", "--root", dir.toString(), "--csv")).isEqualTo(1);
    List<String> lines = out.toString().lines().toList();
    assertThat(lines)
        .containsExactly(
            "file,severity,check,count,detail",
            rel + ",error,type_mismatch,6753,\"6753 rows have opt_type 'CE', the path says PE\"");
    assertThat(err.toString()).contains("checked 18 files");
  }

  @Test
  void badInputIsExitCodeTwo() {
    assertThat(run("data", "check", "--root", lab.toString(), "--symbol", "../..")).isEqualTo(2);
    assertThat(err.toString()).contains("invalid symbol '../..'");
    assertThat(
            run(
                "data",
                "check",
                "--root",
                lab.toString(),
                "--start",
                "2024-01-03",
                "--end",
                "2024-01-02"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--start 2024-01-03 is after --end 2024-01-02");
    assertThat(run("data", "check", "--root", lab.toString(), "--symbol", "BANKNIFTY"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("no packed files of BANKNIFTY under");
  }

  private int run(String... args) {
    CommandLine cl = Nfops.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }
}
