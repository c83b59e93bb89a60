package in.nfopslab.fees;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.trade.Side;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The India F&O contract-note charges of an order from a {@link FeeSchedule}: STT, exchange
 * transaction charge, IPFT, SEBI fee and stamp duty as percentages of the order's value (each only
 * on the sides its rows name: STT on the sell side, stamp duty on the buy side in the bundled
 * schedule), brokerage per order, and GST on the charges the GST row names (brokerage + exchange +
 * IPFT + SEBI in the bundled schedule). The rates in force on the order's own date apply, so the
 * two orders of a position opened before a rate change and closed after it pay different rates.
 * Thread-safe.
 */
public final class IndiaFoFees implements FeeModel {
  /** The rates of one (date, product, side), as fractions, looked up once per distinct key. */
  private record Rates(
      double stt,
      double exchange,
      double ipft,
      double sebi,
      double stamp,
      double gst,
      Set<FeeComponent> gstBase) {}

  private record Key(LocalDate date, Product product, Side side) {}

  private final FeeSchedule schedule;
  private final ConcurrentHashMap<Key, Rates> rates = new ConcurrentHashMap<>();

  public IndiaFoFees(FeeSchedule schedule) {
    this.schedule = requireNonNull(schedule, "schedule is null");
  }

  public FeeSchedule schedule() {
    return schedule;
  }

  @Override
  public FeeBreakdown fees(FeeParameters order) {
    requireNonNull(order, "order is null");
    Rates r =
        rates.computeIfAbsent(new Key(order.date(), order.product(), order.side()), this::lookUp);
    double value = order.value();
    FeeBreakdown noGst =
        new FeeBreakdown(
            value * r.stt,
            value * r.exchange,
            value * r.ipft,
            value * r.sebi,
            value * r.stamp,
            0.0,
            order.brokerage());
    double base = 0.0;
    for (FeeComponent c : r.gstBase) {
      base += noGst.get(c);
    }
    return new FeeBreakdown(
        noGst.stt(),
        noGst.exchange(),
        noGst.ipft(),
        noGst.sebi(),
        noGst.stamp(),
        base * r.gst,
        noGst.brokerage());
  }

  private Rates lookUp(Key k) {
    FeeSchedule.Rate gst = schedule.inForce(FeeComponent.GST, k.product(), k.side(), k.date());
    return new Rates(
        fraction(FeeComponent.STT, k),
        fraction(FeeComponent.EXCHANGE_TXN, k),
        fraction(FeeComponent.IPFT, k),
        fraction(FeeComponent.SEBI, k),
        fraction(FeeComponent.STAMP, k),
        gst == null ? 0.0 : gst.ratePct() / 100.0,
        gst == null ? Set.of() : gst.gstBase());
  }

  private double fraction(FeeComponent c, Key k) {
    return schedule.ratePct(c, k.product(), k.side(), k.date()) / 100.0;
  }
}
