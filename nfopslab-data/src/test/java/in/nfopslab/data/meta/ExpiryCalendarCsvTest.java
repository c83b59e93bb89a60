package in.nfopslab.data.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.nfopslab.core.calendar.ExpiryEntry;
import in.nfopslab.core.calendar.ExpiryType;
import in.nfopslab.core.calendar.TradingCalendar;
import in.nfopslab.core.instrument.Symbol;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 12-column expiry calendar format: what the writer puts in each column, and what the reader
 * accepts or rejects.
 */
class ExpiryCalendarCsvTest {
  private static final Symbol NIFTY = new Symbol("NIFTY");
  private static final TradingCalendar CAL =
      new TradingCalendar(List.of(LocalDate.parse("2019-08-15")));
  private static final String HEADER =
      "Instrument,Expiry_Type,Contract_Month,Scheduled_Expiry,Scheduled_Day,Final_Expiry,Final_Day,Final_Day_Label,"
          + "Shifted,Days_Moved_Back,Holiday_on_Scheduled?,Rule\n";

  private static final List<ExpiryEntry> ENTRIES =
      List.of(
          entry(ExpiryType.WEEKLY, "2019-08-15", "2019-08-14", "weekly Thursday"),
          entry(ExpiryType.WEEKLY, "2019-08-22", "2019-08-22", "weekly Thursday"),
          entry(ExpiryType.MONTHLY, "2019-08-29", "2019-08-29", "last Thursday of month"));

  @TempDir Path dir;

  @Test
  void writesTheTwelveColumnsWithDerivedWeekdaysAndFlags() throws Exception {
    StringBuilder out = new StringBuilder();
    ExpiryCalendarCsv.write(out, ENTRIES, CAL);

    assertThat(out.toString())
        .isEqualTo(
            HEADER
                + "NIFTY,weekly,2019-08,2019-08-15,Thursday,2019-08-14,Wednesday,Wednesday (moved back from Thursday),"
                + "true,1,yes,weekly Thursday\n"
                + "NIFTY,weekly,2019-08,2019-08-22,Thursday,2019-08-22,Thursday,Thursday,false,0,no,weekly Thursday\n"
                + "NIFTY,monthly,2019-08,2019-08-29,Thursday,2019-08-29,Thursday,Thursday,false,0,no,last Thursday of month\n");
  }

  @Test
  void aWrittenFileReadsBackAsTheSameEntries() throws Exception {
    Path file = dir.resolve("meta").resolve("expiry_calendar.csv");

    ExpiryCalendarCsv.write(file, ENTRIES, CAL);

    assertThat(ExpiryCalendarCsv.read(file)).isEqualTo(ENTRIES);
    try (var files = Files.list(file.getParent())) {
      assertThat(files).as("no temporary file is left behind").containsExactly(file);
    }
  }

  @Test
  void acceptsAnotherToolsSpellingColumnOrderAndExtraColumns() {
    String csv =
        "Expiry_Type,Instrument,Scheduled_Expiry,Final_Expiry,Contract_Month,Scheduled_Day,Final_Day,Shifted,"
            + "Days_Moved_Back,Holiday_on_Scheduled?,Final_Day_Label,Rule,Comment\n"
            + "Weekly,nifty,2019-08-15,2019-08-14,2019-08,Thu,wed,True,1,Yes,Wed (holiday-shifted),Thursday weekly,x\n"
            + "MONTHLY,NIFTY,2019-08-29,2019-08-29,2019-08,,,,,,,,\n";

    List<ExpiryEntry> read = ExpiryCalendarCsv.parse("other.csv", new StringReader(csv));

    assertThat(read)
        .extracting(ExpiryEntry::type)
        .containsExactly(ExpiryType.WEEKLY, ExpiryType.MONTHLY);
    assertThat(read.get(0).finalExpiry()).isEqualTo("2019-08-14");
    assertThat(read.get(0).instrument()).isEqualTo(NIFTY);
    assertThat(read.get(0).rule()).isEqualTo("Thursday weekly");
    assertThat(read.get(1).rule()).isEmpty();
  }

  @Test
  void aBadDateIsReportedWithFileAndLine() {
    String csv = HEADER + line("2019-08-22", "2019-08-22") + line("2019-08-32", "2019-08-29");

    assertThatThrownBy(() -> ExpiryCalendarCsv.parse("cal.csv", new StringReader(csv)))
        .isInstanceOf(MetaFormatException.class)
        .hasMessageStartingWith("cal.csv:3: ")
        .hasMessageContaining("Scheduled_Expiry")
        .hasMessageContaining("2019-08-32");
  }

  @Test
  void aRowThatContradictsItsOwnDatesIsRejected() {
    String wrongDays =
        HEADER + "NIFTY,weekly,2019-08,2019-08-15,Thursday,2019-08-14,Wednesday,,true,2,yes,r\n";
    String wrongWeekday =
        HEADER + "NIFTY,weekly,2019-08,2019-08-15,Friday,2019-08-14,Wednesday,,true,1,yes,r\n";
    String wrongShift =
        HEADER + "NIFTY,weekly,2019-08,2019-08-15,Thursday,2019-08-14,Wednesday,,false,1,yes,r\n";
    String finalAfterScheduled = HEADER + "NIFTY,weekly,2019-08,2019-08-15,,2019-08-16,,,,,,r\n";

    assertThatThrownBy(() -> ExpiryCalendarCsv.parse("c.csv", new StringReader(wrongDays)))
        .hasMessageStartingWith("c.csv:2: Days_Moved_Back is 2");
    assertThatThrownBy(() -> ExpiryCalendarCsv.parse("c.csv", new StringReader(wrongWeekday)))
        .hasMessageStartingWith("c.csv:2: Scheduled_Day is 'Friday' but 2019-08-15 is a Thursday");
    assertThatThrownBy(() -> ExpiryCalendarCsv.parse("c.csv", new StringReader(wrongShift)))
        .hasMessageStartingWith("c.csv:2: Shifted is 'false'");
    assertThatThrownBy(
            () -> ExpiryCalendarCsv.parse("c.csv", new StringReader(finalAfterScheduled)))
        .isInstanceOf(MetaFormatException.class)
        .hasMessageStartingWith("c.csv:2: final expiry 2019-08-16 is after scheduled 2019-08-15");
  }

  @Test
  void aDuplicateExpiryNamesBothLines() {
    String csv =
        HEADER
            + line("2019-08-22", "2019-08-22")
            + line("2019-08-29", "2019-08-29")
            + line("2019-08-22", "2019-08-22");

    assertThatThrownBy(() -> ExpiryCalendarCsv.parse("c.csv", new StringReader(csv)))
        .hasMessage("c.csv:4: duplicate expiry NIFTY weekly 2019-08-22 (first on line 2)");
  }

  @Test
  void aMissingKeyColumnIsNamed() {
    String csv =
        "Instrument,Expiry_Type,Contract_Month,Scheduled_Expiry\nNIFTY,weekly,2019-08,2019-08-22\n";

    assertThatThrownBy(() -> ExpiryCalendarCsv.parse("c.csv", new StringReader(csv)))
        .isInstanceOf(MetaFormatException.class)
        .hasMessageStartingWith("c.csv:1: missing column 'Final_Expiry'");
  }

  private static String line(String scheduled, String fin) {
    return "NIFTY,weekly,2019-08," + scheduled + ",," + fin + ",,,,,,weekly Thursday\n";
  }

  private static ExpiryEntry entry(ExpiryType type, String scheduled, String fin, String rule) {
    LocalDate s = LocalDate.parse(scheduled);
    return new ExpiryEntry(NIFTY, type, YearMonth.from(s), s, LocalDate.parse(fin), rule);
  }
}
