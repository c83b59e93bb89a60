package in.nfopslab.core.strategy;

import java.util.Locale;

/**
 * Which option expiry a strategy trades: {@code nearest} is the first expiry on or after the trade
 * date (the same day on expiry day), {@code next} the one after, {@code monthly} the nearest
 * monthly expiry.
 */
public enum ExpiryChoice {
  NEAREST,
  NEXT,
  MONTHLY;

  /** The spelling used on the command line and in params ids. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ExpiryChoice parse(String text) {
    for (ExpiryChoice c : values()) {
      if (c.label().equalsIgnoreCase(text.trim())) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "invalid expiry choice '" + text + "': expected nearest, next or monthly");
  }
}
