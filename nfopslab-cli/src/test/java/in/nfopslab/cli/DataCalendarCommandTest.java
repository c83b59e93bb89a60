package in.nfopslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.calendar.ExpiryEntry;
import in.nfopslab.data.meta.ExpiryCalendarCsv;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code nfops data calendar} writes the calendar of the lab's rules and holidays where it is told
 * to.
 */
class DataCalendarCommandTest {
  @TempDir Path lab;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void writesIntoTheMetaFolderByDefaultUsingTheLabsHolidays() throws Exception {
    Path meta = Files.createDirectories(lab.resolve("meta"));
    // the lab closes Wednesday 2024-11-13, the last BANKNIFTY weekly
    Files.writeString(meta.resolve("holidays.csv"), "date\n2024-11-13\n");

    int code =
        run("data", "calendar", "--root", lab.toString(), "--from", "2024-11", "--to", "2024-11");

    assertThat(code).as(err.toString()).isZero();
    List<ExpiryEntry> written = ExpiryCalendarCsv.read(meta.resolve("expiry_calendar.csv"));
    assertThat(written)
        .filteredOn(e -> e.instrument().name().equals("BANKNIFTY"))
        .extracting(ExpiryEntry::finalExpiry)
        .containsExactly(
            LocalDate.of(2024, 11, 6), LocalDate.of(2024, 11, 12), LocalDate.of(2024, 11, 27));
    assertThat(written).allMatch(e -> e.contractMonth().toString().equals("2024-11"));
    assertThat(out.toString())
        .contains("wrote " + written.size() + " expiries 2024-11..2024-11")
        .contains(meta.resolve("holidays.csv").toString());
  }

  @Test
  void outNamesTheFileAndTheRangeDefaultsToTheRules() throws Exception {
    Path file = lab.resolve("cal").resolve("x.csv");

    int code =
        run(
            "data",
            "calendar",
            "--meta",
            lab.resolve("no-such-meta").toString(),
            "--out",
            file.toString());

    assertThat(code).as(err.toString()).isZero();
    List<ExpiryEntry> written = ExpiryCalendarCsv.read(file);
    assertThat(written.get(0).contractMonth().toString()).isEqualTo("2019-01");
    assertThat(written).extracting(e -> e.contractMonth().toString()).contains("2026-12");
    assertThat(out.toString()).contains("bundled meta/expiry_rules.csv");
  }

  @Test
  void aBrokenRulesTableIsOneErrorLineAndExitCode2() throws Exception {
    Path meta = Files.createDirectories(lab.resolve("meta"));
    Files.writeString(
        meta.resolve("expiry_rules.csv"),
        "symbol,expiry_type,kind,weekday,valid_from,valid_to\nNIFTY,weekly,daily,Thursday,2019-01,2019-12\n");

    int code = run("data", "calendar", "--meta", meta.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("expiry_rules.csv:2:").contains("daily");
    assertThat(meta.resolve("expiry_calendar.csv")).doesNotExist();
  }

  private int run(String... args) {
    CommandLine cl = Nfops.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }
}
