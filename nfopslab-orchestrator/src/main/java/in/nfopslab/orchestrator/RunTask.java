package in.nfopslab.orchestrator;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.instrument.Symbol;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * One unit of work: the trading days of one symbol whose nearest expiry is {@code expiry}. Every
 * selected strategy runs over these days on one shared loaded market. Serialisable and free of
 * local paths, so the same task can be shipped to another executor later (the distributed plan in
 * the design).
 */
public record RunTask(Symbol symbol, LocalDate expiry, List<LocalDate> days)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public RunTask {
    requireNonNull(symbol, "symbol is null");
    requireNonNull(expiry, "expiry is null");
    days = List.copyOf(days);
    if (days.isEmpty()) {
      throw new IllegalArgumentException("a task needs at least one day");
    }
  }

  /** Stable id used in file names: {@code NIFTY_exp2024-01-04}. */
  public String id() {
    return symbol.name() + "_exp" + expiry;
  }

  public LocalDate firstDay() {
    return days.get(0);
  }

  public LocalDate lastDay() {
    return days.get(days.size() - 1);
  }
}
