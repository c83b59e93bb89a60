package in.nfopslab.core.engine;

import java.util.Locale;

/** The price ATM is rounded from: the spot index (default) or the nearest futures contract. */
public enum AtmRef {
  SPOT,
  FUTURES;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static AtmRef parse(String text) {
    for (AtmRef r : values()) {
      if (r.label().equalsIgnoreCase(text.trim())) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "invalid ATM reference '" + text + "': expected spot or futures");
  }
}
