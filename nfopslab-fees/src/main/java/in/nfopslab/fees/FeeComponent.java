package in.nfopslab.fees;

import java.util.Locale;

/**
 * One charge of an India F&O contract note, as the fee schedule's {@code component} column names
 * it.
 */
public enum FeeComponent {
  /** Securities transaction tax. */
  STT("stt"),
  /** Exchange transaction charge. */
  EXCHANGE_TXN("exchange_txn"),
  /** Investor protection fund trust charge. */
  IPFT("ipft"),
  /** SEBI turnover fee. */
  SEBI("sebi"),
  /** Stamp duty. */
  STAMP("stamp"),
  /** GST, a percentage of the sum of other charges (the row's basis names which). */
  GST("gst"),
  /**
   * The broker's fee: never a schedule row (it is per order, from --brokerage), but it can be part
   * of GST's base.
   */
  BROKERAGE("brokerage");

  private final String label;

  FeeComponent(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static FeeComponent parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (FeeComponent c : values()) {
      if (c.label.equals(t)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "invalid component '" + text + "': expected stt, exchange_txn, ipft, sebi, stamp or gst");
  }
}
