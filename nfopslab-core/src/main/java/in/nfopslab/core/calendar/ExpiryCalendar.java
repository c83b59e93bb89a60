package in.nfopslab.core.calendar;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.instrument.Symbol;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Final expiry dates per symbol, answering the strategy conventions' expiry choices: {@code
 * nearest} (first expiry on or after the trade date, the same day on expiry day), {@code next} (the
 * one after) and {@code monthly}.
 */
public final class ExpiryCalendar {
  private final List<ExpiryEntry> entries;
  private final Map<Symbol, NavigableMap<LocalDate, ExpiryEntry>> bySymbol = new HashMap<>();

  public ExpiryCalendar(List<ExpiryEntry> entries) {
    requireNonNull(entries, "entries is null");
    this.entries = List.copyOf(entries);
    for (ExpiryEntry e : entries) {
      NavigableMap<LocalDate, ExpiryEntry> m =
          bySymbol.computeIfAbsent(e.instrument(), s -> new TreeMap<>());
      ExpiryEntry prev = m.get(e.finalExpiry());
      // a monthly and a weekly never share a day in the rules; if a table says so, monthly wins.
      if (prev == null || e.type() == ExpiryType.MONTHLY) {
        m.put(e.finalExpiry(), e);
      }
    }
  }

  public List<ExpiryEntry> entries() {
    return entries;
  }

  /** All final expiries of a symbol, ascending. */
  public List<LocalDate> expiries(Symbol symbol) {
    NavigableMap<LocalDate, ExpiryEntry> m = bySymbol.get(symbol);
    return m == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(m.keySet()));
  }

  public List<LocalDate> expiries(Symbol symbol, ExpiryType type) {
    List<LocalDate> out = new ArrayList<>();
    NavigableMap<LocalDate, ExpiryEntry> m = bySymbol.get(symbol);
    if (m != null) {
      for (ExpiryEntry e : m.values()) {
        if (e.type() == type) {
          out.add(e.finalExpiry());
        }
      }
    }
    return out;
  }

  public ExpiryEntry entry(Symbol symbol, LocalDate finalExpiry) {
    NavigableMap<LocalDate, ExpiryEntry> m = bySymbol.get(symbol);
    return m == null ? null : m.get(finalExpiry);
  }

  public boolean isExpiryDay(Symbol symbol, LocalDate date) {
    return entry(symbol, date) != null;
  }

  /** First expiry on or after {@code tradeDate}, or null past the end of the calendar. */
  public LocalDate nearest(Symbol symbol, LocalDate tradeDate) {
    NavigableMap<LocalDate, ExpiryEntry> m = bySymbol.get(symbol);
    return m == null ? null : m.ceilingKey(tradeDate);
  }

  /** The expiry after the nearest one. */
  public LocalDate next(Symbol symbol, LocalDate tradeDate) {
    LocalDate n = nearest(symbol, tradeDate);
    return n == null ? null : bySymbol.get(symbol).higherKey(n);
  }

  /** First monthly expiry on or after {@code tradeDate}. */
  public LocalDate nearestMonthly(Symbol symbol, LocalDate tradeDate) {
    NavigableMap<LocalDate, ExpiryEntry> m = bySymbol.get(symbol);
    if (m == null) {
      return null;
    }
    for (ExpiryEntry e : m.tailMap(tradeDate, true).values()) {
      if (e.type() == ExpiryType.MONTHLY) {
        return e.finalExpiry();
      }
    }
    return null;
  }

  /** The expiry before {@code expiry} (any type), or null. */
  public LocalDate previous(Symbol symbol, LocalDate expiry) {
    NavigableMap<LocalDate, ExpiryEntry> m = bySymbol.get(symbol);
    return m == null ? null : m.lowerKey(expiry);
  }
}
