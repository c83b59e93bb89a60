package in.nfopslab.data.generate;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.calendar.ExpiryCalendar;
import in.nfopslab.core.calendar.ExpiryEntry;
import in.nfopslab.core.calendar.ExpiryType;
import in.nfopslab.core.instrument.Symbol;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which contracts of one underlying the generator writes, and on which of the generated days.
 *
 * <p>Options: on each day the live expiries are the nearest, the next and the nearest monthly (two
 * distinct ones in a monthly expiry's week), each with strikes at the symbol's step from ATM - n to
 * ATM + n steps around the day's opening spot. A contract's file holds every generated day on which
 * it was listed, so a monthly has ticks on every day, and the file of the next weekly also holds
 * days before the previous expiry (the design's "after the previous expiry" describes the nearest
 * contract; readers select days by trade date anyway).
 *
 * <p>Futures: the nearest monthly contract. A futures file holds the days on which its contract was
 * the nearest monthly, up to and including its expiry day.
 */
final class ContractPlan {
  /** An option contract (both CE and PE) and the indexes of the generated days it trades on. */
  record OptionContract(LocalDate expiry, ExpiryType type, int strike, int[] days) {
    OptionContract {
      requireNonNull(expiry, "expiry is null");
      requireNonNull(type, "type is null");
      days = days.clone();
    }

    @Override
    public int[] days() {
      return days.clone();
    }

    boolean tradesOn(int day) {
      return Arrays.binarySearch(days, day) >= 0;
    }
  }

  /** A futures contract and the indexes of the generated days it is the nearest monthly on. */
  record FuturesContract(LocalDate expiry, int[] days) {
    FuturesContract {
      requireNonNull(expiry, "expiry is null");
      days = days.clone();
    }

    @Override
    public int[] days() {
      return days.clone();
    }
  }

  private final List<OptionContract> options;
  private final List<FuturesContract> futures;

  private ContractPlan(List<OptionContract> options, List<FuturesContract> futures) {
    this.options = List.copyOf(options);
    this.futures = List.copyOf(futures);
  }

  /**
   * @param days the generated trading days, ascending
   * @param opens each day's opening spot
   */
  static ContractPlan of(
      Symbol symbol,
      List<LocalDate> days,
      double[] opens,
      int strikeStep,
      int strikesEachSide,
      ExpiryCalendar calendar) {
    requireNonNull(symbol, "symbol is null");
    requireNonNull(calendar, "calendar is null");
    if (opens.length != days.size()) {
      throw new IllegalArgumentException("one open per day expected");
    }
    // expiry -> strike -> days, both sorted
    Map<LocalDate, TreeMap<Integer, List<Integer>>> optionDays = new TreeMap<>();
    Map<LocalDate, List<Integer>> futuresDays = new TreeMap<>();
    for (int i = 0; i < days.size(); i++) {
      LocalDate d = days.get(i);
      int atm = (int) Math.round(opens[i] / strikeStep) * strikeStep;
      for (LocalDate expiry : liveExpiries(symbol, d, calendar)) {
        TreeMap<Integer, List<Integer>> strikes =
            optionDays.computeIfAbsent(expiry, e -> new TreeMap<>());
        for (int k = -strikesEachSide; k <= strikesEachSide; k++) {
          int strike = atm + k * strikeStep;
          if (strike > 0) {
            strikes.computeIfAbsent(strike, x -> new ArrayList<>()).add(i);
          }
        }
      }
      futuresDays
          .computeIfAbsent(
              require(calendar.nearestMonthly(symbol, d), symbol, d, "monthly"),
              e -> new ArrayList<>())
          .add(i);
    }
    List<OptionContract> options = new ArrayList<>();
    optionDays.forEach(
        (expiry, strikes) -> {
          ExpiryType type = typeOf(symbol, expiry, calendar);
          strikes.forEach(
              (strike, on) -> options.add(new OptionContract(expiry, type, strike, toArray(on))));
        });
    List<FuturesContract> futures = new ArrayList<>();
    futuresDays.forEach((expiry, on) -> futures.add(new FuturesContract(expiry, toArray(on))));
    return new ContractPlan(options, futures);
  }

  /** Nearest, next and nearest monthly expiry on a day, distinct, ascending. */
  static List<LocalDate> liveExpiries(Symbol symbol, LocalDate day, ExpiryCalendar calendar) {
    Set<LocalDate> out = new LinkedHashSet<>();
    out.add(require(calendar.nearest(symbol, day), symbol, day, "nearest"));
    out.add(require(calendar.next(symbol, day), symbol, day, "next"));
    out.add(require(calendar.nearestMonthly(symbol, day), symbol, day, "monthly"));
    List<LocalDate> sorted = new ArrayList<>(out);
    sorted.sort(null);
    return sorted;
  }

  /** Option contracts by expiry, then strike. */
  List<OptionContract> options() {
    return options;
  }

  /** Futures contracts by expiry. */
  List<FuturesContract> futures() {
    return futures;
  }

  private static ExpiryType typeOf(Symbol symbol, LocalDate expiry, ExpiryCalendar calendar) {
    ExpiryEntry e = calendar.entry(symbol, expiry);
    if (e == null) {
      throw new IllegalStateException("expiry calendar has no entry for " + symbol + " " + expiry);
    }
    return e.type();
  }

  private static LocalDate require(LocalDate expiry, Symbol symbol, LocalDate day, String which) {
    if (expiry == null) {
      throw new IllegalArgumentException(
          "the expiry calendar has no "
              + which
              + " expiry of "
              + symbol
              + " on or after "
              + day
              + "; extend meta/expiry_rules.csv or meta/expiry_calendar.csv, or generate earlier dates");
    }
    return expiry;
  }

  private static int[] toArray(List<Integer> list) {
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }
}
