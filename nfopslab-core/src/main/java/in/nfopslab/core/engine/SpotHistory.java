package in.nfopslab.core.engine;

import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.market.SecondBars;
import java.time.LocalDate;
import java.util.List;

/**
 * Where the engine finds the spot bars of trading days before a day, for signals that span days
 * (realised volatility over the previous days). A task holds a few days only, so the previous days
 * usually lie in another task: the orchestrator backs this with the lab's spot files; without one
 * the engine uses the earlier days of its own call. The engine caches what it reads, per call.
 */
public interface SpotHistory {
  /** The most previous days a strategy may ask for (what a run's resume key must cover). */
  int MAX_PREVIOUS_DAYS = 40;

  /**
   * Up to {@code n} trading days with spot data strictly before {@code date}, most recent first.
   */
  List<LocalDate> daysBefore(LocalDate date, int n);

  /**
   * Spot bars of a day that {@link #daysBefore} listed; a read failure propagates as the task's
   * failure.
   */
  SecondBars spot(LocalDate day);

  /**
   * The same lab's spot history of another underlying (a dispersion basket member), or null when
   * the lab has no spot data for it (the default: a history of the run's symbol only).
   */
  default SpotHistory of(Symbol underlying) {
    return null;
  }
}
