package in.nfopslab.data.meta;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.calendar.ExpiryCalendar;
import in.nfopslab.core.calendar.ExpiryCalendarBuilder;
import in.nfopslab.core.calendar.ExpiryRule;
import in.nfopslab.core.calendar.SessionSchedule;
import in.nfopslab.core.calendar.TradingCalendar;
import in.nfopslab.core.instrument.Symbol;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The meta tables a lab runs on: holidays, session bounds, strike steps (and, through their own
 * loaders, the expiry calendar, lot sizes and fee schedule). Each table comes from the lab's meta
 * folder when present there, else from the bundled copy of the project's meta/ folder. Nothing of
 * their content is written in Java.
 */
public final class MetaTables {
  public static final String HOLIDAYS = "holidays.csv";
  public static final String SESSIONS = "sessions.csv";
  public static final String STRIKE_STEPS = "strike_steps.csv";
  public static final String EXPIRY_RULES = "expiry_rules.csv";
  public static final String EXPIRY_CALENDAR = "expiry_calendar.csv";

  private final Path metaDir;
  private final TradingCalendar calendar;
  private final SessionSchedule sessions;
  private final Map<Symbol, Integer> strikeSteps;
  // loaded on first use, so a broken expiry table does not stop commands that never need it (e.g.
  // regenerating it)
  private final Object expiryLock = new Object();
  private List<ExpiryRule> expiryRules; // guarded by expiryLock
  private ExpiryCalendar expiryCalendar; // guarded by expiryLock

  private MetaTables(Path metaDir) {
    this.metaDir = metaDir;
    this.calendar = loadCalendar(metaDir);
    this.sessions = loadSessions(metaDir);
    this.strikeSteps = loadStrikeSteps(metaDir);
  }

  /** Loads the tables of a lab's meta folder (missing tables fall back to the bundled ones). */
  public static MetaTables load(Path metaDir) {
    return new MetaTables(requireNonNull(metaDir, "metaDir is null"));
  }

  /** The tables bundled with the project. */
  public static MetaTables bundled() {
    return new MetaTables(null);
  }

  /** The lab's meta folder, or null for the bundled tables. */
  public Path metaDir() {
    return metaDir;
  }

  public TradingCalendar calendar() {
    return calendar;
  }

  public SessionSchedule sessions() {
    return sessions;
  }

  /** Strike step of a symbol; an unknown symbol is an error naming the table. */
  public int strikeStep(Symbol symbol) {
    Integer step = strikeSteps.get(symbol);
    if (step == null) {
      throw new IllegalArgumentException(
          "no strike step for "
              + symbol
              + " in meta/"
              + STRIKE_STEPS
              + " (known: "
              + strikeSteps.keySet()
              + ")");
    }
    return step;
  }

  public java.util.Set<Symbol> symbols() {
    return strikeSteps.keySet();
  }

  /** The expiry rules of meta/expiry_rules.csv (lab copy, else bundled). */
  public List<ExpiryRule> expiryRules() {
    synchronized (expiryLock) {
      if (expiryRules == null) {
        expiryRules = ExpiryRulesCsv.read(metaDir);
      }
      return expiryRules;
    }
  }

  /**
   * The lab's meta/expiry_calendar.csv when it has one; otherwise the calendar built from the
   * expiry rules and this lab's holidays over the months the rules cover. (Not the bundled calendar
   * file: a lab that overrides only the holidays must get expiries shifted by its own holidays.)
   */
  public ExpiryCalendar expiryCalendar() {
    synchronized (expiryLock) {
      if (expiryCalendar == null) {
        expiryCalendar =
            new ExpiryCalendar(
                MetaCsv.isInLab(metaDir, EXPIRY_CALENDAR)
                    ? ExpiryCalendarCsv.read(metaDir.resolve(EXPIRY_CALENDAR))
                    : new ExpiryCalendarBuilder(expiryRules(), calendar).build());
      }
      return expiryCalendar;
    }
  }

  private static TradingCalendar loadCalendar(Path metaDir) {
    List<LocalDate> closures = new ArrayList<>();
    for (MetaCsv.Row row : MetaCsv.read(metaDir, HOLIDAYS, "date")) {
      closures.add(row.date("date"));
    }
    return new TradingCalendar(closures);
  }

  private static SessionSchedule loadSessions(Path metaDir) {
    List<SessionSchedule.Entry> entries = new ArrayList<>();
    for (MetaCsv.Row row : MetaCsv.read(metaDir, SESSIONS, "effective_from", "open", "close")) {
      try {
        entries.add(
            new SessionSchedule.Entry(
                row.date("effective_from"), row.time("open"), row.time("close")));
      } catch (IllegalArgumentException e) {
        throw new MetaFormatException(row.source(), row.line(), e.getMessage(), e);
      }
    }
    return new SessionSchedule(entries);
  }

  private static Map<Symbol, Integer> loadStrikeSteps(Path metaDir) {
    Map<Symbol, Integer> steps = new HashMap<>();
    for (MetaCsv.Row row : MetaCsv.read(metaDir, STRIKE_STEPS, "symbol", "strike_step")) {
      Symbol s = row.parse("symbol", "symbol", Symbol::parse);
      int step = row.integer("strike_step");
      if (step <= 0) {
        throw new MetaFormatException(
            row.source(), row.line(), "strike_step must be positive, got " + step);
      }
      steps.put(s, step);
    }
    return Map.copyOf(steps);
  }
}
