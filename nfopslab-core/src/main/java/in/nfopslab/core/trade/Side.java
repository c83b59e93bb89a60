package in.nfopslab.core.trade;

/** Direction of a leg's opening order. */
public enum Side {
  BUY(1),
  SELL(-1);

  private final int sign;

  Side(int sign) {
    this.sign = sign;
  }

  /** +1 for a long leg, -1 for a short one: pnl = sign * (exit - entry). */
  public int sign() {
    return sign;
  }
}
