package in.nfopslab.core.instrument;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * An index underlying such as NIFTY or BANKNIFTY. The name becomes part of file paths, so it is
 * validated here, once, at the boundary: upper-case letters, digits and underscores only (no path
 * separators, no dots).
 */
public record Symbol(String name) {
  private static final Pattern VALID = Pattern.compile("[A-Z][A-Z0-9_]{0,29}");

  public Symbol {
    requireNonNull(name, "name is null");
    if (!VALID.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "invalid symbol '"
              + name
              + "': expected upper-case letters, digits or '_' (e.g. NIFTY, BANKNIFTY)");
    }
  }

  /** Parses user input, accepting lower case ("nifty") but nothing that could escape a folder. */
  public static Symbol parse(String text) {
    requireNonNull(text, "symbol is null");
    return new Symbol(text.trim().toUpperCase(java.util.Locale.ROOT));
  }

  @Override
  public String toString() {
    return name;
  }
}
