package in.nfopslab.core.market;

import in.nfopslab.core.calendar.Session;
import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.instrument.Symbol;
import java.time.LocalDate;
import java.util.List;
import java.util.NavigableSet;

/**
 * All the per-second data of one symbol on one trading day, as the engine sees it before slicing it
 * to "now". Option series load on demand (the data module backs this with the seconds cache; tests
 * build one by hand). Implementations must be safe to use from one thread at a time.
 *
 * <p>The engine {@linkplain #close() closes} a day's market once every strategy is done with the
 * day: a market may hold files open for its lazy loads until then.
 */
public interface DayMarket extends AutoCloseable {
  Symbol symbol();

  LocalDate date();

  Session session();

  /** Spot index bars; never null (a day without spot data is not a tradable day). */
  SecondBars spot();

  /** Bars of the nearest futures contract, or null when there is no futures file for the day. */
  SecondBars futures();

  /** Expiry of the contract {@link #futures()} holds, or null when unknown (or no futures). */
  default LocalDate futuresExpiry() {
    return null;
  }

  /** Expiries that have option data on this day, ascending. */
  List<LocalDate> expiries();

  /**
   * Strikes that have a file for this expiry and type (whether or not they traded today),
   * ascending.
   */
  NavigableSet<Integer> strikes(LocalDate expiry, OptionType type);

  /** Bars of one option series, or null when it has no data for this day. */
  SecondBars option(LocalDate expiry, OptionType type, int strike);

  /**
   * Releases what the market holds open (files of lazy loads). Bars already handed out stay valid;
   * a market asked for more after closing may still answer, at a higher cost. Idempotent; does
   * nothing by default.
   */
  @Override
  default void close() {}
}
