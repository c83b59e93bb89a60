package in.nfopslab.bench.bars;

import in.nfopslab.data.cache.ChainDay;

/**
 * What every engine prints so a reader can see they computed the same bars: the rows aggregated
 * (ticks inside the sessions), the non-empty (file, second) bars, and sums over those bars of
 * volume, last close in paise (rounded, so the sum does not depend on the order it was taken in)
 * and last open interest. Not thread-safe: one per worker.
 */
final class Checksum {
  long rows;
  long bars;
  long volume;
  long closePaise;
  long oi;

  /** Adds one chain-day's bars. */
  void add(ChainDay.Totals t) {
    rows += t.ticks();
    bars += t.bars();
    volume += t.volume();
    closePaise += t.closePaise();
    oi += t.oi();
  }

  void add(Checksum o) {
    rows += o.rows;
    bars += o.bars;
    volume += o.volume;
    closePaise += o.closePaise;
    oi += o.oi;
  }

  String format() {
    return "rows="
        + rows
        + " bars="
        + bars
        + " volume="
        + volume
        + " close_paise="
        + closePaise
        + " oi="
        + oi;
  }
}
