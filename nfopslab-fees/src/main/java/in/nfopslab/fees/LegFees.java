package in.nfopslab.fees;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.trade.Side;
import in.nfopslab.core.trade.TradeLeg;
import java.util.Locale;
import java.util.Set;

/**
 * The orders behind one trade leg, and their charges. A leg is two orders: the opening one on the
 * entry date in the leg's own side, and the closing one on the exit date in the other side (a short
 * leg sells first and pays STT on its entry). Option legs are charged on premium, FUT legs on
 * turnover. A leg closed by expiry settlement has no closing order: a long option pays STT on its
 * intrinsic value (the exit price) as an exercised option, a short option or a future pays nothing
 * more.
 */
public final class LegFees {
  /**
   * Exit reasons that mean the leg was settled by the exchange at expiry rather than closed by an
   * order.
   */
  public static final Set<String> SETTLEMENT_REASONS =
      Set.of("settlement", "expiry_settlement", "expiry");

  /** The opening order, and the closing one (null when the leg was settled without an order). */
  public record Orders(FeeParameters entry, FeeParameters exit) {
    public Orders {
      requireNonNull(entry, "entry is null");
    }

    public FeeBreakdown fees(FeeModel model) {
      FeeBreakdown f = model.fees(entry);
      return exit == null ? f : f.plus(model.fees(exit));
    }
  }

  private LegFees() {}

  /**
   * The orders of a leg of {@code leg.lots()} lots of {@code lotSize} units.
   *
   * @param brokeragePerOrder the broker's fee per executed order, in rupees
   */
  public static Orders orders(TradeLeg leg, int lotSize, double brokeragePerOrder) {
    requireNonNull(leg, "leg is null");
    if (lotSize <= 0) {
      throw new IllegalArgumentException(
          "lot size must be positive, got " + lotSize + " for " + describe(leg));
    }
    Product product = productOf(leg);
    long quantity = (long) leg.lots() * lotSize;
    Side open = leg.side();
    Side close = open == Side.BUY ? Side.SELL : Side.BUY;
    FeeParameters entry =
        new FeeParameters(
            leg.entryTs().toLocalDate(),
            product,
            open,
            leg.entryPrice(),
            quantity,
            brokeragePerOrder);
    FeeParameters exit;
    if (isSettlement(leg)) {
      exit =
          product == Product.OPTION && open == Side.BUY
              ? new FeeParameters(
                  leg.exitTs().toLocalDate(),
                  Product.OPTION_EXERCISED,
                  Side.BUY,
                  leg.exitPrice(),
                  quantity,
                  0.0)
              : null;
    } else {
      exit =
          new FeeParameters(
              leg.exitTs().toLocalDate(),
              product,
              close,
              leg.exitPrice(),
              quantity,
              brokeragePerOrder);
    }
    return new Orders(entry, exit);
  }

  /** The charges of a leg, with the lot size the leg carries. */
  public static FeeBreakdown fees(TradeLeg leg, FeeModel model, double brokeragePerOrder) {
    requireNonNull(model, "model is null");
    return orders(leg, leg.lotSize(), brokeragePerOrder).fees(model);
  }

  static Product productOf(TradeLeg leg) {
    switch (leg.optType().trim().toUpperCase(Locale.ROOT)) {
      case "CE":
      case "PE":
        return Product.OPTION;
      case "FUT":
        return Product.FUTURE;
      default:
        throw new IllegalArgumentException(
            "unknown opt_type '" + leg.optType() + "' in " + describe(leg));
    }
  }

  static boolean isSettlement(TradeLeg leg) {
    return SETTLEMENT_REASONS.contains(leg.exitReason().trim().toLowerCase(Locale.ROOT));
  }

  private static String describe(TradeLeg leg) {
    return leg.strategy()
        + " trade "
        + leg.tradeId()
        + " leg "
        + leg.leg()
        + " on "
        + leg.tradeDate();
  }
}
