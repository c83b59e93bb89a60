package in.nfopslab.fees;

import java.time.LocalDate;
import java.util.List;

/** A strategy's net PnL per trading day of its run (0 on days without a trade), for the charts. */
record DailySeries(List<LocalDate> days, double[] net) {
  DailySeries {
    days = List.copyOf(days);
    if (net.length != days.size()) {
      throw new IllegalArgumentException("days and values differ in length");
    }
  }

  double[] cumulative() {
    return Metrics.cumulative(net);
  }

  double[] drawdown() {
    return Metrics.drawdown(net);
  }
}
