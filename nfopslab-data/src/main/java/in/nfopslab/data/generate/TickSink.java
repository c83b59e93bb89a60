package in.nfopslab.data.generate;

import java.io.IOException;

/** Receives generated ticks in timestamp order; a file writer in production, an array in tests. */
interface TickSink {
  /**
   * @param epochNanos the true instant (UTC-adjusted), inside the IST session second it belongs to
   * @param oi open interest, 0 for instruments without it (spot)
   */
  void tick(
      long epochNanos, double open, double high, double low, double close, long volume, long oi)
      throws IOException;
}
