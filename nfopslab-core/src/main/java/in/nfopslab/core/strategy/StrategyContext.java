package in.nfopslab.core.strategy;

import in.nfopslab.core.calendar.Session;
import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.market.PastSpot;
import in.nfopslab.core.trade.Side;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;

/**
 * A strategy's window on the engine at the current second: the clock, bar views that stop at now,
 * strike and expiry helpers, and the order services. It never hands out raw arrays or the day's
 * market, so no bar after now can be read. Selection helpers that find nothing record a skip with
 * the reason and return a sentinel.
 */
public interface StrategyContext {
  /**
   * Returned by the strike helpers when no usable strike exists (the reason is recorded as a skip).
   */
  int NO_STRIKE = Integer.MIN_VALUE;

  /** Returned by {@link #enter} when the order is refused (the reason is recorded as a skip). */
  int NO_POSITION = -1;

  Symbol symbol();

  LocalDate date();

  Session session();

  Params params();

  /** The current second as a session index (0 = the open). */
  int now();

  /** The current second as IST wall-clock time. */
  LocalTime time();

  /** Session index of a wall-clock time, or -1 outside the session. */
  int secondOf(LocalTime time);

  BarView spot();

  /** The nearest futures contract's bars, or null when the day has no futures file. */
  BarView futures();

  /**
   * One option series, or null when it has no data today. Keep the view: it stays live for the
   * whole day.
   */
  BarView option(LocalDate expiry, OptionType type, int strike);

  /** Expiries with option data today, ascending. */
  List<LocalDate> expiries();

  /** Strikes listed for an expiry and type today, ascending. */
  NavigableSet<Integer> strikes(LocalDate expiry, OptionType type);

  /** The expiry of this strategy's {@code expiry} parameter today, or null (skip recorded). */
  LocalDate expiry();

  /** The expiry of a choice today, or null (skip recorded). */
  LocalDate expiry(ExpiryChoice choice);

  /** The symbol's strike step (from meta/strike_steps.csv). */
  int strikeStep();

  /** {@code price} rounded to the nearest strike, half to even. */
  int roundToStrike(double price);

  /**
   * ATM strike from the run's reference (spot or futures) at now, or {@link #NO_STRIKE} before its
   * first trade.
   */
  int atm();

  /**
   * {@code target} when every given option type has data there at or before now, else the nearest
   * strike that has, within the run's {@code max_strike_shift} steps (at equal distance the lower
   * strike first); else {@link #NO_STRIKE} with a recorded skip. {@code target} may be {@link
   * #NO_STRIKE} (returned as it is).
   */
  int nearestAvailable(LocalDate expiry, int target, OptionType... types);

  /**
   * Submits a new position decided now; it fills at now + latency at the earliest. Returns its id,
   * or {@link #NO_POSITION} when refused (a leg without data, or an entry at or after the
   * end-of-day exit).
   */
  int enter(EntryOrder order);

  /**
   * Signal exit of a position decided now (exit reason {@code signal}); cancels it if still
   * pending.
   */
  void exit(int positionId);

  PositionState state(int positionId);

  /** True while any position of this strategy is pending, open or closing. */
  boolean hasActivePosition();

  /**
   * Writes a stance row at now (strategies whose descriptor says {@code writesStance}): e.g. {@code
   * long_dispersion} with the numbers it was concluded from; a NaN value means "not available".
   */
  void stance(String stance, String note, Map<String, Double> values);

  /** Records why the strategy did not trade (kept in the run's events). */
  void skip(String reason);

  /**
   * Spot bars of up to {@code days} (at most 40) trading days before today, most recent first;
   * never today. Fewer when the lab holds fewer earlier days. Past days are whole, so any second of
   * them may be read.
   */
  default List<PastSpot> previousDays(int days) {
    throw new UnsupportedOperationException("this context keeps no history");
  }

  /**
   * Spot bars of up to {@code days} (at most 40) trading days before today of another underlying of
   * the same lab (e.g. a dispersion basket member), most recent first; never today. Empty when the
   * run has no spot data for it. For this strategy's own symbol it is {@link #previousDays(int)}.
   */
  default List<PastSpot> previousDays(Symbol underlying, int days) {
    throw new UnsupportedOperationException("this context keeps no history");
  }

  /**
   * Adds a hedge leg to an open position, decided now: {@code side} {@code quantity} index units
   * per unit of the position's option legs (a delta), rounded half-even to whole units of the
   * position's size ({@code quantity} x lots x the options' lot size). It trades the nearest
   * futures, or spot when the day has no futures file, and fills like any leg at now + latency with
   * slippage (cancelled after the order timeout). Once filled it counts in the position's mark,
   * stop and target, and it closes with the position. Output: opt_type FUT, strike 0, lots = units,
   * lot_size 1 (see docs/ENGINE.md, "Hedge legs"). Returns the leg's number in the trade, or {@link
   * #NO_POSITION} when refused (position not open, or fewer than half a unit; the reason is
   * recorded).
   */
  default int hedge(int positionId, Side side, double quantity) {
    throw new UnsupportedOperationException("this context cannot hedge");
  }

  /**
   * A position's net hedge in index units per unit of its option legs (+ long, - short): hedge legs
   * filled or waiting for their fill, after rounding; 0 for a position that is not active.
   */
  default double hedged(int positionId) {
    throw new UnsupportedOperationException("this context cannot hedge");
  }

  /** True when hedges trade on spot today because the day has no futures file. */
  default boolean hedgesOnSpot() {
    return futures() == null;
  }
}
