package in.nfopslab.orchestrator;

import in.nfopslab.core.calendar.ExpiryCalendar;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.data.catalog.PackedCatalog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Groups trading days into tasks by their nearest expiry (from the expiry calendar; past the
 * calendar's end, from the option files present). Days are those the data loader says are trading
 * days with spot data, so weekends and holidays never become tasks.
 */
public final class RunPlanner {
  private RunPlanner() {}

  public static List<RunTask> plan(
      Symbol symbol, List<LocalDate> tradingDays, ExpiryCalendar calendar, PackedCatalog catalog) {
    Map<LocalDate, List<LocalDate>> byExpiry = new TreeMap<>();
    for (LocalDate d : tradingDays) {
      LocalDate e = calendar.nearest(symbol, d);
      if (e == null) {
        List<LocalDate> fromFiles = catalog.optionExpiriesFrom(d);
        e = fromFiles.isEmpty() ? d : fromFiles.get(0);
      }
      byExpiry.computeIfAbsent(e, k -> new ArrayList<>()).add(d);
    }
    List<RunTask> tasks = new ArrayList<>();
    for (Map.Entry<LocalDate, List<LocalDate>> e : byExpiry.entrySet()) {
      tasks.add(new RunTask(symbol, e.getKey(), e.getValue()));
    }
    return tasks;
  }
}
