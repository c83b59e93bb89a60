package in.nfopslab.core.engine;

import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.market.PastSpot;
import in.nfopslab.core.market.SecondBars;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The previous days' spot of one engine call: a {@link SpotHistory} (the call's own earlier days
 * when the input has none) behind a small cache that also holds every day the call has walked, so
 * no day is read twice.
 */
final class PastSpots {
  /** Bounds the memory (about 0.5 MB a day). */
  static final int MAX_DAYS = SpotHistory.MAX_PREVIOUS_DAYS;

  private final SpotHistory source;
  private final Map<LocalDate, SecondBars> cache =
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, SecondBars> eldest) {
          return size() > MAX_DAYS;
        }
      };

  /**
   * The other underlyings asked for (basket members), each with its own cache; null: no data for
   * it.
   */
  private final Map<Symbol, PastSpots> others = new HashMap<>();

  PastSpots(EngineInput input) {
    this.source = input.history() != null ? input.history() : ownDays(input);
  }

  private PastSpots(SpotHistory source) {
    this.source = source;
  }

  /** The previous days of another underlying, or null when the history has none for it. */
  PastSpots other(Symbol underlying) {
    if (!others.containsKey(underlying)) {
      SpotHistory h = source.of(underlying);
      others.put(underlying, h == null ? null : new PastSpots(h));
    }
    return others.get(underlying);
  }

  /** A day the call has loaded: later days may read its spot without loading it again. */
  void remember(LocalDate date, SecondBars spot) {
    cache.put(date, spot);
  }

  List<PastSpot> before(LocalDate date, int n) {
    if (n < 0 || n > MAX_DAYS) {
      throw new IllegalArgumentException("previous days must be 0.." + MAX_DAYS + ", got " + n);
    }
    if (n == 0) {
      return List.of();
    }
    List<LocalDate> days = source.daysBefore(date, n);
    List<PastSpot> out = new ArrayList<>(days.size());
    for (LocalDate d : days) {
      if (!d.isBefore(date)) {
        throw new IllegalStateException("spot history gave " + d + " as a day before " + date);
      }
      SecondBars bars = cache.get(d);
      if (bars == null) {
        bars = source.spot(d);
        if (bars == null) {
          continue;
        }
        cache.put(d, bars);
      }
      out.add(new PastSpot(d, bars));
    }
    return List.copyOf(out);
  }

  /** The earlier days of the call itself, from its own market supplier. */
  private static SpotHistory ownDays(EngineInput input) {
    List<LocalDate> days = new ArrayList<>(input.days());
    days.sort(null);
    DayMarkets markets = input.markets();
    return new SpotHistory() {
      @Override
      public List<LocalDate> daysBefore(LocalDate date, int n) {
        List<LocalDate> out = new ArrayList<>(n);
        for (int i = days.size() - 1; i >= 0 && out.size() < n; i--) {
          if (days.get(i).isBefore(date)) {
            out.add(days.get(i));
          }
        }
        return out;
      }

      @Override
      public SecondBars spot(LocalDate day) {
        var m = markets.load(day);
        return m == null ? null : m.spot();
      }
    };
  }
}
