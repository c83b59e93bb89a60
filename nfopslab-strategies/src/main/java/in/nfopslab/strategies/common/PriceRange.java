package in.nfopslab.strategies.common;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.strategy.BarView;

/**
 * The highest and lowest per-second close of a series over a window (the shared conventions'
 * "high/low" or "range"). NaN bounds mean the window had no trade.
 */
public record PriceRange(double high, double low) {
  /**
   * The range of {@code series} over [from, to], both inclusive; {@code to} must not be after now.
   */
  public static PriceRange of(BarView series, int from, int to) {
    requireNonNull(series, "series is null");
    return new PriceRange(series.highestClose(from, to), series.lowestClose(from, to));
  }

  /** True when the window had at least one trade. */
  public boolean isValid() {
    return !Double.isNaN(high) && !Double.isNaN(low);
  }

  public double width() {
    return high - low;
  }
}
