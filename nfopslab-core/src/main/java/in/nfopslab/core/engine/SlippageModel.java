package in.nfopslab.core.engine;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * Slippage charged against the trader on every fill: a percent of the premium with a floor in
 * points (default 0.05% with at least 0.05 points), or a fixed number of points. A buy pays price +
 * slippage; a sell receives price - slippage, never below zero. Prices are not rounded to the
 * exchange tick.
 */
public record SlippageModel(Kind kind, double value, double minPoints) {
  /** Percent of the premium (with a floor) or fixed points. */
  public enum Kind {
    PERCENT,
    POINTS
  }

  /** 0.05% of the premium, at least 0.05 points. */
  public static final SlippageModel DEFAULT = percent(0.05, 0.05);

  public SlippageModel {
    requireNonNull(kind, "kind is null");
    if (!(value >= 0)
        || !Double.isFinite(value)
        || !(minPoints >= 0)
        || !Double.isFinite(minPoints)) {
      throw new IllegalArgumentException(
          "slippage must be finite and not negative: " + value + ", min " + minPoints);
    }
    if (kind == Kind.POINTS && minPoints != 0) {
      throw new IllegalArgumentException("a fixed-points slippage has no minimum");
    }
  }

  public static SlippageModel percent(double pct, double minPoints) {
    return new SlippageModel(Kind.PERCENT, pct, minPoints);
  }

  public static SlippageModel points(double points) {
    return new SlippageModel(Kind.POINTS, points, 0);
  }

  public static SlippageModel none() {
    return points(0);
  }

  /**
   * Parses {@code 0.05%} (minimum 0.05 points), {@code 0.05%:0.1} or {@code 0.05%,min=0.1} (percent
   * and minimum points), {@code 0.5}, {@code 0.5pt} or {@code 0.5pts} (fixed points), or {@code
   * none}.
   */
  public static SlippageModel parse(String text) {
    requireNonNull(text, "text is null");
    String t = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
    try {
      if (t.equals("none")) {
        return none();
      }
      if (t.endsWith("pts") || t.endsWith("pt")) {
        return points(Double.parseDouble(t.substring(0, t.length() - (t.endsWith("pts") ? 3 : 2))));
      }
      int pct = t.indexOf('%');
      if (pct > 0) {
        String rest = t.substring(pct + 1);
        double min = DEFAULT.minPoints;
        if (rest.startsWith(",min=")) {
          min = Double.parseDouble(rest.substring(5));
        } else if (rest.startsWith(":")) {
          min = Double.parseDouble(rest.substring(1));
        } else if (!rest.isEmpty()) {
          throw new NumberFormatException(rest);
        }
        return percent(Double.parseDouble(t.substring(0, pct)), min);
      }
      if (!t.isEmpty() && (Character.isDigit(t.charAt(0)) || t.charAt(0) == '.')) {
        return points(Double.parseDouble(t));
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException(
        "invalid slippage '"
            + text
            + "': expected e.g. 0.05% (min 0.05 points), 0.05%:0.1 (percent:min points), "
            + "0.5 (points) or none");
  }

  /** Slippage in points on a fill at {@code price}. */
  public double amount(double price) {
    return kind == Kind.PERCENT ? Math.max(price * value / 100.0, minPoints) : value;
  }

  public double buyPrice(double price) {
    return price + amount(price);
  }

  public double sellPrice(double price) {
    return Math.max(0.0, price - amount(price));
  }

  @Override
  public String toString() {
    return kind == Kind.PERCENT ? value + "%,min=" + minPoints : value + "pts";
  }
}
