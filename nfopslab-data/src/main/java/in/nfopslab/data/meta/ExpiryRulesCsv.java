package in.nfopslab.data.meta;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.calendar.ExpiryRule;
import in.nfopslab.core.calendar.ExpiryType;
import in.nfopslab.core.instrument.Symbol;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads meta/expiry_rules.csv, the exchange's expiry rules as data: {@code symbol, expiry_type,
 * kind, weekday, valid_from, valid_to, note}. A validity bound is a date (YYYY-MM-DD) or a month
 * (YYYY-MM: from its first day, to its last day), so monthly rules can be written by contract month
 * and weekly rules by expiry date.
 */
public final class ExpiryRulesCsv {
  private ExpiryRulesCsv() {}

  /** The lab's meta/expiry_rules.csv, or the bundled one. */
  public static List<ExpiryRule> read(Path metaDir) {
    return fromRows(MetaCsv.read(metaDir, MetaTables.EXPIRY_RULES, requiredColumns()));
  }

  /** Converts parsed rows; every error names the file and line. */
  public static List<ExpiryRule> fromRows(List<MetaCsv.Row> rows) {
    requireNonNull(rows, "rows is null");
    List<ExpiryRule> rules = new ArrayList<>();
    for (MetaCsv.Row row : rows) {
      Symbol symbol = row.parse("symbol", "symbol", Symbol::parse);
      ExpiryType type = row.parse("expiry_type", "expiry type", ExpiryType::parse);
      ExpiryRule.Kind kind = row.parse("kind", "rule kind", ExpiryRule.Kind::parse);
      DayOfWeek weekday = row.parse("weekday", "weekday (e.g. Thursday)", ExpiryRulesCsv::weekday);
      LocalDate from =
          row.parse("valid_from", "date (YYYY-MM-DD) or month (YYYY-MM)", t -> bound(t, true));
      LocalDate to =
          row.parse("valid_to", "date (YYYY-MM-DD) or month (YYYY-MM)", t -> bound(t, false));
      ExpiryRule rule;
      try {
        rule = new ExpiryRule(symbol, type, kind, weekday, from, to, row.getOrEmpty("note"));
      } catch (IllegalArgumentException e) {
        throw new MetaFormatException(row.source(), row.line(), e.getMessage(), e);
      }
      // two rules in force on one day would make the calendar ambiguous; say which lines clash
      for (int i = 0; i < rules.size(); i++) {
        ExpiryRule other = rules.get(i);
        if (other.symbol().equals(symbol) && other.type() == type && other.overlaps(rule)) {
          throw new MetaFormatException(
              row.source(),
              row.line(),
              "rule "
                  + rule.describe()
                  + " overlaps "
                  + other.describe()
                  + " on line "
                  + rows.get(i).line());
        }
      }
      rules.add(rule);
    }
    if (rules.isEmpty()) {
      throw new MetaFormatException("meta/" + MetaTables.EXPIRY_RULES, 0, "no expiry rules");
    }
    return List.copyOf(rules);
  }

  static String[] requiredColumns() {
    // the note is documentation, so a table without it is still usable
    return new String[] {"symbol", "expiry_type", "kind", "weekday", "valid_from", "valid_to"};
  }

  /**
   * Full and three-letter English weekday names, lower case (the expiry calendar names a weekday on
   * every row; looking the names up through the locale data for each was most of its parse).
   */
  private static final Map<String, DayOfWeek> WEEKDAYS = new HashMap<>();

  static {
    for (DayOfWeek d : DayOfWeek.values()) {
      for (TextStyle style : new TextStyle[] {TextStyle.FULL, TextStyle.SHORT}) {
        WEEKDAYS.put(d.getDisplayName(style, Locale.ENGLISH).toLowerCase(Locale.ROOT), d);
      }
    }
  }

  /** A weekday by full or three-letter English name, any case. */
  static DayOfWeek weekday(String text) {
    DayOfWeek d = WEEKDAYS.get(text.trim().toLowerCase(Locale.ROOT));
    if (d == null) {
      throw new IllegalArgumentException("not a weekday name");
    }
    return d;
  }

  private static LocalDate bound(String text, boolean start) {
    String t = text.trim();
    if (t.length() == 7) {
      YearMonth m = YearMonth.parse(t);
      return start ? m.atDay(1) : m.atEndOfMonth();
    }
    return LocalDate.parse(t);
  }
}
