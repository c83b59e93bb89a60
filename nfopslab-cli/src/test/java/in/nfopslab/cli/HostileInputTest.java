package in.nfopslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.lab.LabPaths;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Input a user (or a script) gets wrong is refused before any work with one clear message and exit
 * code 2: symbols that are unknown or try to leave the data folder, reversed or impossible dates,
 * unknown strategies and parameters, malformed meta CSV rows (file and line named). Nothing is
 * written for a refused command.
 */
class HostileInputTest {
  @TempDir static Path shared;
  static LabPaths lab;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void labWithoutOutputs() throws Exception {
    lab = GeneratedLab.linkedCopy(shared.resolve("lab"));
  }

  private int nfops(String... args) {
    CommandLine cl = Nfops.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private int run(LabPaths paths, String... args) {
    List<String> all =
        new ArrayList<>(List.of("run", "--root", paths.root().toString(), "--progress", "none"));
    all.addAll(List.of(args));
    return nfops(all.toArray(String[]::new));
  }

  private String firstErrorLine() {
    return err.toString().lines().findFirst().orElse("");
  }

  @Test
  void aSymbolThatIsNotANameIsRefusedByEveryCommandBeforeItTouchesAPath() throws Exception {
    for (String bad : List.of("../..", "NIFTY/../../etc", "..", "", "nifty bank", "NIFTY;rm")) {
      err.getBuffer().setLength(0);
      assertThat(run(lab, "--symbol", bad)).as(bad).isEqualTo(2);
      assertThat(firstErrorLine())
          .as(bad)
          .startsWith("Invalid value for option '--symbol' (SYMBOL): invalid symbol '")
          .endsWith("expected upper-case letters, digits or '_' (e.g. NIFTY, BANKNIFTY)");
    }
    for (String[] cmd :
        List.of(
            new String[] {"data", "check"},
            new String[] {"cache", "warm"},
            new String[] {"cache", "clear"},
            new String[] {"data", "bars", "--date", "2024-01-02"})) {
      err.getBuffer().setLength(0);
      List<String> args = new ArrayList<>(List.of(cmd));
      args.addAll(List.of("--root", lab.root().toString(), "--symbol", "../.."));
      assertThat(nfops(args.toArray(String[]::new))).as(String.join(" ", cmd)).isEqualTo(2);
      assertThat(firstErrorLine()).contains("invalid symbol '../..'");
    }
    assertThat(lab.out()).doesNotExist();
  }

  @Test
  void aWellFormedSymbolTheMetaTablesDoNotKnowIsRefusedNamingTheKnownOnes() {
    assertThat(run(lab, "--symbol", "FINNIFTY")).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "nfops run: unknown symbol FINNIFTY (meta/strike_steps.csv knows [BANKNIFTY, NIFTY])\n");
  }

  @Test
  void reversedImpossibleAndEmptyDateRangesAreRefused() {
    assertThat(run(lab, "--symbol", "NIFTY", "--start", "2024-01-10", "--end", "2024-01-02"))
        .isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("nfops run: --start 2024-01-10 is after --end 2024-01-02\n");

    err.getBuffer().setLength(0);
    assertThat(run(lab, "--symbol", "NIFTY", "--start", "2024-02-30")).isEqualTo(2);
    assertThat(firstErrorLine())
        .isEqualTo(
            "Invalid value for option '--start': invalid date '2024-02-30': expected YYYY-MM-DD (Invalid date 'FEBRUARY 30')");

    err.getBuffer().setLength(0);
    assertThat(run(lab, "--symbol", "NIFTY", "--end", "02/01/2024")).isEqualTo(2);
    assertThat(firstErrorLine())
        .isEqualTo(
            "Invalid value for option '--end': invalid date '02/01/2024': expected YYYY-MM-DD");

    err.getBuffer().setLength(0);
    assertThat(run(lab, "--symbol", "NIFTY", "--start", "1999-01-01", "--end", "1999-01-31"))
        .isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "nfops run: no trading days with NIFTY spot data between 1999-01-01 and 1999-01-31\n");

    err.getBuffer().setLength(0);
    assertThat(nfops("data", "check", "--root", lab.root().toString(), "--start", "2024-13-01"))
        .isEqualTo(2);
    assertThat(firstErrorLine()).contains("invalid date '2024-13-01'").contains("MonthOfYear");
  }

  @Test
  void unknownStrategiesAndParametersAreRefusedListingTheValidNames() {
    assertThat(run(lab, "--symbol", "NIFTY", "--include", "orb,nope")).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("nfops run: unknown strategy 'nope' (available: ")
        .contains("orb")
        .contains("short_straddle");

    err.getBuffer().setLength(0);
    assertThat(run(lab, "--symbol", "NIFTY", "--include", "orb", "-p", "stop_loss=20"))
        .isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            "nfops run: --param 'stop_loss=20': no selected strategy has a parameter 'stop_loss'")
        .contains("orb: range_start, range_end");

    err.getBuffer().setLength(0);
    assertThat(run(lab, "--symbol", "NIFTY", "--include", "orb", "-p", "orb.range_end=25:99:00"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("range_end").contains("'25:99:00'");

    err.getBuffer().setLength(0);
    assertThat(run(lab, "--symbol", "NIFTY", "--include", "orb", "-p", "orb")).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("nfops run: --param 'orb' is not name=value or strategy.name=value\n");

    err.getBuffer().setLength(0);
    assertThat(run(lab, "--symbol", "NIFTY", "--include", "orb", "--max-workers", "0"))
        .isEqualTo(2);
    assertThat(err.toString()).isEqualTo("nfops run: --max-workers must be at least 1, got 0\n");
    assertThat(lab.out()).doesNotExist();
  }

  @Test
  void aMalformedMetaCsvRowIsRefusedNamingTheFileAndTheLine(@TempDir Path dir) throws Exception {
    LabPaths paths = GeneratedLab.linkedCopy(dir);
    Path holidays = paths.meta().resolve("holidays.csv");

    Files.writeString(
        holidays, "date,description\n2024-01-26,Republic Day\n2024-13-01,a thirteenth month\n");
    assertThat(run(paths, "--symbol", "NIFTY")).isEqualTo(2);
    assertThat(firstErrorLine())
        .startsWith(
            "nfops run: " + holidays + ":3: bad date (YYYY-MM-DD) '2024-13-01' in column date");

    err.getBuffer().setLength(0);
    Files.writeString(holidays, "date,description\n2024-01-26,\"Republic Day\n2024-03-08,Holi\n");
    assertThat(run(paths, "--symbol", "NIFTY")).isEqualTo(2);
    assertThat(firstErrorLine())
        .startsWith(
            "nfops run: "
                + holidays
                + ":2: malformed CSV row: EOF reached before encapsulated token finished");
    Files.delete(holidays);

    err.getBuffer().setLength(0);
    Path steps =
        Files.writeString(
            paths.meta().resolve("strike_steps.csv"), "symbol,strike_step\nNIFTY,50\n../..,100\n");
    assertThat(run(paths, "--symbol", "NIFTY")).isEqualTo(2);
    assertThat(firstErrorLine()).startsWith("nfops run: " + steps + ":3: bad symbol '../..'");
    Files.delete(steps);

    err.getBuffer().setLength(0);
    Path calendar = paths.meta().resolve("expiry_calendar.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(calendar));
    lines.set(4, lines.get(4).replaceFirst("\\d{4}-\\d{2}-\\d{2}", "2024-01-1x"));
    Files.delete(calendar); // a hard link to the shared lab: replace it, never write through it
    Files.write(calendar, lines);
    assertThat(run(paths, "--symbol", "NIFTY")).isEqualTo(2);
    assertThat(firstErrorLine())
        .startsWith("nfops run: " + calendar + ":5: bad date (YYYY-MM-DD) '2024-01-1x'");

    try (Stream<Path> s = Files.list(paths.root())) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("data", "meta");
    }
  }

  @Test
  void statusAndRetryRefuseAFileThatIsNotARunsStatus(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("run_all_status_NIFTY_2024-01-01_2024-01-19.parquet");
    assertThat(nfops("status", "--root", dir.toString(), "--status", missing.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).isEqualTo("nfops status: no status file " + missing + "\n");

    err.getBuffer().setLength(0);
    Path passwd = Files.writeString(dir.resolve("passwd"), "root:x:0:0");
    assertThat(nfops("retry", "--root", dir.toString(), "--status", passwd.toString()))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains(
            passwd + ": expected a name like run_all_status_NIFTY_2024-01-01_2024-01-31.parquet");
  }
}
