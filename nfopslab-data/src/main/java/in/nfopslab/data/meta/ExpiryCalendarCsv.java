package in.nfopslab.data.meta;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.calendar.ExpiryEntry;
import in.nfopslab.core.calendar.ExpiryType;
import in.nfopslab.core.calendar.TradingCalendar;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.io.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Reads and writes meta/expiry_calendar.csv in the design's 12-column format. One row per contract
 * expiry:
 *
 * <pre>
 * Instrument            NIFTY, BANKNIFTY
 * Expiry_Type           weekly | monthly
 * Contract_Month        YYYY-MM (a weekly's month is the month of its scheduled day)
 * Scheduled_Expiry      YYYY-MM-DD, the day the rule gives
 * Scheduled_Day         its weekday, e.g. Thursday
 * Final_Expiry          YYYY-MM-DD, the day the contract really expires (previous trading day while a holiday)
 * Final_Day             its weekday
 * Final_Day_Label       Final_Day, plus " (moved back from Scheduled_Day)" when shifted
 * Shifted               true | false: Final_Expiry differs from Scheduled_Expiry
 * Days_Moved_Back       calendar days from Final_Expiry to Scheduled_Expiry (0 when not shifted)
 * Holiday_on_Scheduled? yes | no: the scheduled day is a listed closure in the holiday table
 * Rule                  the rule that scheduled it, e.g. "weekly Thursday", "last Tuesday of month"
 * </pre>
 *
 * <p>Reading takes columns by name (order and extra columns do not matter), so files written by
 * other tools in this format are accepted. The five key columns are required; the derived ones are
 * checked against the dates when they are present and not empty (weekday names full or
 * three-letter, booleans as true/false/yes/no/1/0, any case), so a hand-edited row that contradicts
 * itself is reported with its file and line instead of being trusted.
 */
public final class ExpiryCalendarCsv {
  public static final String INSTRUMENT = "Instrument";
  public static final String EXPIRY_TYPE = "Expiry_Type";
  public static final String CONTRACT_MONTH = "Contract_Month";
  public static final String SCHEDULED_EXPIRY = "Scheduled_Expiry";
  public static final String SCHEDULED_DAY = "Scheduled_Day";
  public static final String FINAL_EXPIRY = "Final_Expiry";
  public static final String FINAL_DAY = "Final_Day";
  public static final String FINAL_DAY_LABEL = "Final_Day_Label";
  public static final String SHIFTED = "Shifted";
  public static final String DAYS_MOVED_BACK = "Days_Moved_Back";
  public static final String HOLIDAY_ON_SCHEDULED = "Holiday_on_Scheduled?";
  public static final String RULE = "Rule";

  /** The header, in the order the design gives. */
  public static final List<String> COLUMNS =
      List.of(
          INSTRUMENT,
          EXPIRY_TYPE,
          CONTRACT_MONTH,
          SCHEDULED_EXPIRY,
          SCHEDULED_DAY,
          FINAL_EXPIRY,
          FINAL_DAY,
          FINAL_DAY_LABEL,
          SHIFTED,
          DAYS_MOVED_BACK,
          HOLIDAY_ON_SCHEDULED,
          RULE);

  private static final String[] REQUIRED = {
    INSTRUMENT, EXPIRY_TYPE, CONTRACT_MONTH, SCHEDULED_EXPIRY, FINAL_EXPIRY
  };

  private ExpiryCalendarCsv() {}

  /** Reads a calendar file; it must exist. */
  public static List<ExpiryEntry> read(Path file) {
    requireNonNull(file, "file is null");
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(file.toString(), r);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses a calendar; {@code source} names it in error messages. */
  public static List<ExpiryEntry> parse(String source, Reader reader) {
    return fromRows(MetaCsv.parse(source, reader, REQUIRED));
  }

  /** Converts rows read by {@link MetaCsv}; every error names the file and line. */
  public static List<ExpiryEntry> fromRows(List<MetaCsv.Row> rows) {
    requireNonNull(rows, "rows is null");
    Map<String, Long> seen = new HashMap<>();
    ExpiryEntry[] out = new ExpiryEntry[rows.size()];
    int i = 0;
    for (MetaCsv.Row row : rows) {
      ExpiryEntry e = toEntry(row);
      String key = e.instrument() + " " + e.type().label() + " " + e.finalExpiry();
      Long first = seen.putIfAbsent(key, row.line());
      if (first != null) {
        throw new MetaFormatException(
            row.source(), row.line(), "duplicate expiry " + key + " (first on line " + first + ")");
      }
      out[i++] = e;
    }
    return List.of(out);
  }

  /** Writes the calendar atomically; {@code calendar} answers Holiday_on_Scheduled?. */
  public static void write(Path file, List<ExpiryEntry> entries, TradingCalendar calendar)
      throws IOException {
    requireNonNull(file, "file is null");
    requireNonNull(entries, "entries is null");
    requireNonNull(calendar, "calendar is null");
    AtomicFiles.write(
        file,
        tmp -> {
          try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            write(w, entries, calendar);
          }
        });
  }

  /**
   * Writes header and rows to {@code out} (not closed). Lines end with \n so the committed file
   * diffs cleanly.
   */
  public static void write(Appendable out, List<ExpiryEntry> entries, TradingCalendar calendar)
      throws IOException {
    requireNonNull(out, "out is null");
    requireNonNull(entries, "entries is null");
    requireNonNull(calendar, "calendar is null");
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader(COLUMNS.toArray(new String[0]))
            .setRecordSeparator('\n')
            .get();
    CSVPrinter printer = new CSVPrinter(out, format);
    for (ExpiryEntry e : entries) {
      printer.printRecord(
          e.instrument().name(),
          e.type().label(),
          e.contractMonth().toString(),
          e.scheduled().toString(),
          dayName(e.scheduled()),
          e.finalExpiry().toString(),
          dayName(e.finalExpiry()),
          finalDayLabel(e),
          Boolean.toString(e.shifted()),
          Integer.toString(e.daysMovedBack()),
          calendar.isClosure(e.scheduled()) ? "yes" : "no",
          e.rule());
    }
    printer.flush();
  }

  /**
   * {@code Wednesday}, or {@code Wednesday (moved back from Thursday)} for a holiday-shifted
   * expiry.
   */
  public static String finalDayLabel(ExpiryEntry e) {
    String day = dayName(e.finalExpiry());
    return e.shifted() ? day + " (moved back from " + dayName(e.scheduled()) + ")" : day;
  }

  private static ExpiryEntry toEntry(MetaCsv.Row row) {
    Symbol instrument = row.parse(INSTRUMENT, "instrument", Symbol::parse);
    ExpiryType type = row.parse(EXPIRY_TYPE, "expiry type", ExpiryType::parse);
    YearMonth month = row.parse(CONTRACT_MONTH, "month (YYYY-MM)", YearMonth::parse);
    LocalDate scheduled = row.date(SCHEDULED_EXPIRY);
    LocalDate finalExpiry = row.date(FINAL_EXPIRY);
    ExpiryEntry e;
    try {
      e = new ExpiryEntry(instrument, type, month, scheduled, finalExpiry, row.getOrEmpty(RULE));
    } catch (IllegalArgumentException ex) {
      throw new MetaFormatException(row.source(), row.line(), ex.getMessage(), ex);
    }
    checkDay(row, SCHEDULED_DAY, scheduled);
    checkDay(row, FINAL_DAY, finalExpiry);
    String shifted = row.getOrEmpty(SHIFTED);
    if (!shifted.isEmpty() && bool(row, SHIFTED, shifted) != e.shifted()) {
      throw new MetaFormatException(
          row.source(),
          row.line(),
          SHIFTED
              + " is '"
              + shifted
              + "' but "
              + scheduled
              + " -> "
              + finalExpiry
              + (e.shifted() ? " is" : " is not")
              + " a shift");
    }
    String moved = row.getOrEmpty(DAYS_MOVED_BACK);
    if (!moved.isEmpty() && row.integer(DAYS_MOVED_BACK) != e.daysMovedBack()) {
      throw new MetaFormatException(
          row.source(),
          row.line(),
          DAYS_MOVED_BACK
              + " is "
              + moved
              + " but "
              + scheduled
              + " -> "
              + finalExpiry
              + " is "
              + e.daysMovedBack()
              + " days");
    }
    String holiday = row.getOrEmpty(HOLIDAY_ON_SCHEDULED);
    if (!holiday.isEmpty()) {
      // informational: whether it was a holiday depends on the holiday table the writer used, so
      // only the form is checked
      bool(row, HOLIDAY_ON_SCHEDULED, holiday);
    }
    return e;
  }

  private static void checkDay(MetaCsv.Row row, String column, LocalDate date) {
    String text = row.getOrEmpty(column);
    if (!text.isEmpty()) {
      DayOfWeek named = row.parse(column, "weekday", ExpiryRulesCsv::weekday);
      if (named != date.getDayOfWeek()) {
        throw new MetaFormatException(
            row.source(),
            row.line(),
            column + " is '" + text + "' but " + date + " is a " + dayName(date));
      }
    }
  }

  private static boolean bool(MetaCsv.Row row, String column, String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default ->
          throw new MetaFormatException(
              row.source(),
              row.line(),
              "bad " + column + " '" + text + "': expected true/false or yes/no");
    };
  }

  private static String dayName(LocalDate d) {
    return d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }
}
