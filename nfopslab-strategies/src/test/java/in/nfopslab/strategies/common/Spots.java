package in.nfopslab.strategies.common;

import in.nfopslab.core.testing.TestMarket;

/** Spot paths written minute by minute, for tests of signals on 1-minute returns. */
final class Spots {
  private Spots() {}

  /**
   * Spot that alternates every minute between {@code p} (at 09:15:00, 09:17:00, ...) and {@code p
   * e^a} (at 09:16:00, ...): 375 1-minute log returns a day, 188 of +a and 187 of -a.
   */
  static Object[] alternating(double p, double a) {
    Object[] pairs = new Object[2 * 376];
    for (int k = 0; k <= 375; k++) {
      int secondOfDay = 9 * 3600 + 15 * 60 + 60 * k;
      pairs[2 * k] = String.format("%02d:%02d:00", secondOfDay / 3600, secondOfDay / 60 % 60);
      pairs[2 * k + 1] = k % 2 == 0 ? p : p * Math.exp(a);
    }
    return pairs;
  }

  static TestMarket.Builder alternatingDay(String date, double p, double a) {
    return TestMarket.on(date).spot(alternating(p, a));
  }
}
