package in.nfopslab.strategies.common;

import in.nfopslab.core.instrument.Symbol;

/**
 * Parameters whose default depends on the symbol: the parameter's declared default is 0, meaning
 * "by symbol", and any other value is used as given. A symbol without a default of its own is an
 * error when the variant is created, so it fails before it runs.
 */
public final class SymbolDefaults {
  private SymbolDefaults() {}

  /** {@code value} when it is not 0, else the NIFTY or BANKNIFTY default. */
  public static double resolve(
      String strategy, String param, double value, Symbol symbol, double nifty, double banknifty) {
    if (value != 0) {
      return value;
    }
    switch (symbol.name()) {
      case "NIFTY":
        return nifty;
      case "BANKNIFTY":
        return banknifty;
      default:
        throw new IllegalArgumentException(
            strategy
                + ": "
                + param
                + " has no default for "
                + symbol
                + " (defaults: NIFTY "
                + nifty
                + ", BANKNIFTY "
                + banknifty
                + "): set "
                + param
                + "=<value>");
    }
  }
}
