package in.nfopslab.data.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broken meta table is reported with its file name and the 1-based line of the fault (the header
 * is line 1).
 */
class MetaCsvErrorReportingTest {
  @TempDir Path meta;

  @Test
  void aBadDateNamesTheFileAndItsLine() throws Exception {
    Path file =
        write("holidays.csv", "date,weekday\n2019-03-04,Mon\n2019-02-30,Thu\n2019-04-17,Wed\n");

    assertThatThrownBy(() -> MetaTables.load(meta))
        .isInstanceOf(MetaFormatException.class)
        .hasMessageStartingWith(file + ":3: ")
        .hasMessageContaining("2019-02-30")
        .hasMessageContaining("column date");
  }

  @Test
  void commentsAndBlankLinesCountAsLines() throws Exception {
    Path file = write("holidays.csv", "date,weekday\n# closures\n\n2019-03-04,Mon\nnot-a-date,Thu");

    List<MetaCsv.Row> rows = MetaCsv.read(meta, "holidays.csv", "date");

    assertThat(rows).extracting(MetaCsv.Row::line).containsExactly(4L, 5L);
    assertThatThrownBy(() -> rows.get(1).date("date"))
        .hasMessageStartingWith(file + ":5: bad date");
  }

  @Test
  void aMissingColumnIsNamed() throws Exception {
    Path file = write("holidays.csv", "day,weekday\n2019-03-04,Mon\n");

    assertThatThrownBy(() -> MetaTables.load(meta))
        .isInstanceOf(MetaFormatException.class)
        .hasMessageStartingWith(file + ":1: missing column 'date'");
  }

  @Test
  void aShortRowNamesTheColumnItLacks() throws Exception {
    Path file = write("sessions.csv", "effective_from,open,close\n2000-01-01,09:15:00\n");

    assertThatThrownBy(() -> MetaTables.load(meta))
        .isInstanceOf(MetaFormatException.class)
        .hasMessageStartingWith(file + ":2: ")
        .hasMessageContaining("'close'");
  }

  @Test
  void aBadExpiryRuleNamesTheFileAndLine() throws Exception {
    Path file =
        write(
            "expiry_rules.csv",
            "symbol,expiry_type,kind,weekday,valid_from,valid_to,note\n"
                + "NIFTY,weekly,weekly,Thursday,2019-02-11,2025-08-31,\n"
                + "NIFTY,weekly,weekly,Thursdy,2025-09-01,2026-12,\n");

    MetaTables tables = MetaTables.load(meta);

    assertThatThrownBy(tables::expiryRules)
        .isInstanceOf(MetaFormatException.class)
        .hasMessageStartingWith(file + ":3: bad weekday (e.g. Thursday) 'Thursdy'");
  }

  @Test
  void overlappingExpiryRulesNameBothLines() throws Exception {
    Path file =
        write(
            "expiry_rules.csv",
            "symbol,expiry_type,kind,weekday,valid_from,valid_to\n"
                + "NIFTY,monthly,last-weekday-of-month,Thursday,2019-01,2025-09\n"
                + "NIFTY,weekly,weekly,Tuesday,2025-09-01,2026-12\n"
                + "NIFTY,monthly,last-weekday-of-month,Tuesday,2025-09,2026-12\n");

    assertThatThrownBy(() -> MetaTables.load(meta).expiryCalendar())
        .isInstanceOf(MetaFormatException.class)
        .hasMessageStartingWith(file + ":4: rule NIFTY monthly last Tuesday of month")
        .hasMessageEndingWith("on line 2");
  }

  private Path write(String name, String content) throws Exception {
    return Files.writeString(meta.resolve(name), content);
  }
}
