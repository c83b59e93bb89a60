package in.nfopslab.cli;

import java.math.BigDecimal;
import java.math.MathContext;

/** Number formatting for command output: readable in tables, exact in JSON. */
final class Numbers {
  private static final MathContext TABLE_DIGITS = new MathContext(12);

  private Numbers() {}

  /**
   * 12 significant digits, no exponent unless the number is tiny (gammas, far out-of-the-money
   * prices).
   */
  static String plain(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    if (v == 0) {
      return "0";
    }
    BigDecimal d = new BigDecimal(v).round(TABLE_DIGITS).stripTrailingZeros();
    return Math.abs(v) >= 1e-4 ? d.toPlainString() : d.toString();
  }

  /**
   * The shortest decimal that reads back as the same double; JSON has no NaN or infinity, so those
   * are null.
   */
  static String json(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "null";
  }
}
