package in.nfopslab.core.instrument;

/** Call (CE) or put (PE), spelled as NSE and the packed file layout spell them. */
public enum OptionType {
  CE,
  PE;

  public boolean isCall() {
    return this == CE;
  }

  public static OptionType parse(String text) {
    String t = text.trim().toUpperCase(java.util.Locale.ROOT);
    switch (t) {
      case "CE":
      case "CALL":
      case "C":
        return CE;
      case "PE":
      case "PUT":
      case "P":
        return PE;
      default:
        throw new IllegalArgumentException("invalid option type '" + text + "': expected CE or PE");
    }
  }
}
