package in.nfopslab.fees;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.calendar.ExpiryCalendar;
import in.nfopslab.core.calendar.ExpiryType;
import in.nfopslab.core.instrument.ExpiryClassifier;
import in.nfopslab.core.instrument.LotSizeTable;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.trade.Side;
import in.nfopslab.data.meta.LotSizeCsv;
import in.nfopslab.data.meta.MetaTables;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

/**
 * The charges of a buy and/or a sell of one contract on one day, as {@code nfops fees quote} prints
 * them: the quick check of a contract note. The lot size comes from the lot size table for the
 * contract (the given expiry, else the nearest one on the expiry calendar: the nearest monthly for
 * futures) unless it is given.
 */
public final class FeeQuote {
  /**
   * What to quote.
   *
   * @param buy buy price per unit, or null for no buy order
   * @param sell sell price per unit, or null for no sell order
   * @param lotSize units per lot, or null to look it up
   * @param expiry the contract's expiry for the lot size lookup, or null for the nearest one
   * @param scheduleFile a --schedule file replacing the lab's schedule, or null
   * @param metaDir the lab's meta folder (tables it lacks come from the bundled copies), or null
   *     for the bundled ones
   */
  public record Request(
      LocalDate date,
      Symbol symbol,
      Product product,
      Double buy,
      Double sell,
      int lots,
      Integer lotSize,
      LocalDate expiry,
      double brokeragePerOrder,
      Path scheduleFile,
      Path metaDir) {
    public Request {
      requireNonNull(date, "date is null");
      requireNonNull(symbol, "symbol is null");
      requireNonNull(product, "product is null");
      if (buy == null && sell == null) {
        throw new IllegalArgumentException(
            "nothing to quote: give a buy price, a sell price or both");
      }
      if (lots <= 0) {
        throw new IllegalArgumentException("lots must be positive, got " + lots);
      }
      if (lotSize != null && lotSize <= 0) {
        throw new IllegalArgumentException("lot size must be positive, got " + lotSize);
      }
    }
  }

  /**
   * The quote: per order and in total (null for an order not asked for).
   *
   * @param lotSizeSource where the lot size came from, for the reader
   * @param expiry the contract whose lot size was used, null when the lot size was given
   * @param notInForce charges with no rate in force on the date (the schedule does not reach back
   *     that far), charged 0
   */
  public record Result(
      Request request,
      int lotSize,
      String lotSizeSource,
      LocalDate expiry,
      long quantity,
      FeeBreakdown buy,
      FeeBreakdown sell,
      String schedule,
      Set<FeeComponent> notInForce) {
    public FeeBreakdown total() {
      FeeBreakdown t = FeeBreakdown.ZERO;
      if (buy != null) {
        t = t.plus(buy);
      }
      if (sell != null) {
        t = t.plus(sell);
      }
      return t;
    }

    /** (sell - buy) x quantity when both prices are given, else NaN. */
    public double grossPnl() {
      Request r = request;
      return r.buy() != null && r.sell() != null ? (r.sell() - r.buy()) * quantity : Double.NaN;
    }

    public double netPnl() {
      return grossPnl() - total().total();
    }
  }

  private FeeQuote() {}

  public static Result quote(Request r) {
    requireNonNull(r, "request is null");
    FeeSchedule schedule =
        r.scheduleFile() != null
            ? FeeSchedule.read(r.scheduleFile())
            : FeeSchedule.load(r.metaDir());
    int lotSize;
    String source;
    LocalDate expiry = null;
    if (r.lotSize() != null) {
      lotSize = r.lotSize();
      source = "given";
    } else {
      MetaTables meta = r.metaDir() == null ? MetaTables.bundled() : MetaTables.load(r.metaDir());
      ExpiryCalendar calendar = meta.expiryCalendar();
      expiry = r.expiry() != null ? r.expiry() : nearest(calendar, r);
      LotSizeTable lots = LotSizeCsv.load(meta);
      ExpiryType type = ExpiryClassifier.of(calendar).typeOf(r.symbol(), expiry);
      lotSize = lots.lotSize(r.symbol(), expiry, type, r.date());
      source =
          "meta/" + LotSizeCsv.LOT_SIZES + ", " + type.label() + " contract expiring " + expiry;
    }
    long quantity = (long) r.lots() * lotSize;
    IndiaFoFees model = new IndiaFoFees(schedule);
    FeeBreakdown buy = r.buy() == null ? null : model.fees(order(r, Side.BUY, r.buy(), quantity));
    FeeBreakdown sell =
        r.sell() == null ? null : model.fees(order(r, Side.SELL, r.sell(), quantity));
    return new Result(
        r,
        lotSize,
        source,
        expiry,
        quantity,
        buy,
        sell,
        schedule.source(),
        schedule.notYetInForce(r.product(), r.date()));
  }

  private static FeeParameters order(Request r, Side side, double price, long quantity) {
    return new FeeParameters(r.date(), r.product(), side, price, quantity, r.brokeragePerOrder());
  }

  private static LocalDate nearest(ExpiryCalendar calendar, Request r) {
    LocalDate e =
        r.product() == Product.FUTURE
            ? calendar.nearestMonthly(r.symbol(), r.date())
            : calendar.nearest(r.symbol(), r.date());
    if (e == null) {
      throw new IllegalArgumentException(
          "the expiry calendar has no "
              + r.symbol()
              + " expiry on or after "
              + r.date()
              + ": give the contract's --expiry or the --lot-size");
    }
    return e;
  }
}
