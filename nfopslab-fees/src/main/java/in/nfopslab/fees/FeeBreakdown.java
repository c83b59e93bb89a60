package in.nfopslab.fees;

/**
 * The charges of one order or of many, in rupees, unrounded (a contract note rounds each line to
 * the paisa; sums over thousands of orders should not carry that rounding).
 */
public record FeeBreakdown(
    double stt,
    double exchange,
    double ipft,
    double sebi,
    double stamp,
    double gst,
    double brokerage) {
  public static final FeeBreakdown ZERO = new FeeBreakdown(0, 0, 0, 0, 0, 0, 0);

  public double total() {
    return stt + exchange + ipft + sebi + stamp + gst + brokerage;
  }

  public FeeBreakdown plus(FeeBreakdown o) {
    return new FeeBreakdown(
        stt + o.stt,
        exchange + o.exchange,
        ipft + o.ipft,
        sebi + o.sebi,
        stamp + o.stamp,
        gst + o.gst,
        brokerage + o.brokerage);
  }

  /** The amount of one component (GST's base is a sum of these). */
  public double get(FeeComponent c) {
    switch (c) {
      case STT:
        return stt;
      case EXCHANGE_TXN:
        return exchange;
      case IPFT:
        return ipft;
      case SEBI:
        return sebi;
      case STAMP:
        return stamp;
      case GST:
        return gst;
      case BROKERAGE:
        return brokerage;
      default:
        throw new AssertionError(c);
    }
  }
}
