package in.nfopslab.data.generate;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.instrument.Symbol;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The generator's picture of one underlying: where it starts, how volatile it is, its strike step
 * and the unit its traded volume comes in. Levels are rough year-start values of the real indices,
 * so a generated 2024 NIFTY trades near 21,700; they are model inputs, not reference data. Other
 * symbols get a generic profile scaled from their step.
 *
 * @param startLevel spot at the open of the first generated day
 * @param baseVol long-run annualised volatility in trading time
 * @param strikeStep from meta/strike_steps.csv
 * @param volumeUnit vol_delta and oi move in multiples of this (a lot-like size; PnL uses
 *     meta/lot_sizes.csv)
 */
record SymbolProfile(
    Symbol symbol, double startLevel, double baseVol, int strikeStep, int volumeUnit) {
  private static final Map<String, NavigableMap<Integer, Double>> LEVELS =
      Map.of(
          "NIFTY", levels(10_900, 12_200, 14_000, 17_400, 18_100, 21_700, 23_700, 26_000),
          "BANKNIFTY", levels(27_200, 32_100, 31_300, 35_500, 43_000, 48_200, 51_000, 59_000));
  private static final int FIRST_LEVEL_YEAR = 2019;

  SymbolProfile {
    requireNonNull(symbol, "symbol is null");
    if (!(startLevel > 0) || !(baseVol > 0) || strikeStep <= 0 || volumeUnit <= 0) {
      throw new IllegalArgumentException("invalid profile for " + symbol);
    }
  }

  static SymbolProfile of(Symbol symbol, int strikeStep, LocalDate start) {
    NavigableMap<Integer, Double> byYear = LEVELS.get(symbol.name());
    switch (symbol.name()) {
      case "NIFTY":
        return new SymbolProfile(symbol, level(byYear, start), 0.11, strikeStep, 25);
      case "BANKNIFTY":
        return new SymbolProfile(symbol, level(byYear, start), 0.14, strikeStep, 15);
      default:
        return new SymbolProfile(symbol, 400.0 * strikeStep, 0.15, strikeStep, 25);
    }
  }

  private static double level(NavigableMap<Integer, Double> byYear, LocalDate start) {
    Map.Entry<Integer, Double> e = byYear.floorEntry(start.getYear());
    return e == null ? byYear.firstEntry().getValue() : e.getValue();
  }

  private static NavigableMap<Integer, Double> levels(double... values) {
    NavigableMap<Integer, Double> m = new TreeMap<>();
    for (int i = 0; i < values.length; i++) {
      m.put(FIRST_LEVEL_YEAR + i, values[i]);
    }
    return m;
  }
}
