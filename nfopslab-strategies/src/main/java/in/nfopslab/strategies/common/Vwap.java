package in.nfopslab.strategies.common;

/**
 * A running volume-weighted average price: sum(price x volume) / sum(volume) over the bars added
 * since the last {@link #reset}. Adding each bar with volume 1 gives the simple average of the
 * prices. Bars without a price or with no volume add nothing. Mutable, allocation-free.
 */
public final class Vwap {
  private double priceVolume;
  private double volume;

  public void reset() {
    priceVolume = 0;
    volume = 0;
  }

  public void add(double price, double barVolume) {
    if (price == price && barVolume > 0) {
      priceVolume += price * barVolume;
      volume += barVolume;
    }
  }

  /** The average so far, or NaN before any volume. */
  public double value() {
    return volume > 0 ? priceVolume / volume : Double.NaN;
  }
}
