package in.nfopslab.fees;

import java.util.Locale;

/**
 * What an order trades, as the fee schedule's {@code product} column names it. The charge basis
 * follows from it: premium x quantity for options, price x quantity (turnover) for futures,
 * intrinsic value x quantity for options exercised at expiry.
 */
public enum Product {
  OPTION("option"),
  FUTURE("future"),
  OPTION_EXERCISED("option_exercised");

  private final String label;

  Product(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Product parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (Product p : values()) {
      if (p.label.equals(t)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "invalid product '" + text + "': expected option, future or option_exercised");
  }
}
