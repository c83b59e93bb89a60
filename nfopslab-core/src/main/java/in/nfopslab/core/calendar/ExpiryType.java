package in.nfopslab.core.calendar;

/**
 * Weekly or monthly contract, as the expiry calendar and the option files' expiry_type column name
 * them.
 */
public enum ExpiryType {
  WEEKLY("weekly"),
  MONTHLY("monthly");

  private final String label;

  ExpiryType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static ExpiryType parse(String text) {
    for (ExpiryType t : values()) {
      if (t.label.equalsIgnoreCase(text.trim())) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "invalid expiry type '" + text + "': expected weekly or monthly");
  }
}
