package in.nfopslab.core.strategy;

/**
 * Where a position stands. {@code PENDING}: the entry order waits for a fill. {@code OPEN}: filled
 * (some legs may already be closed by a leg stop). {@code CLOSING}: a whole-position exit is
 * decided and waits for its fills. {@code CLOSED}: every leg is out. {@code CANCELLED}: the entry
 * never filled.
 */
public enum PositionState {
  PENDING,
  OPEN,
  CLOSING,
  CLOSED,
  CANCELLED;

  /** True while the position holds, or may still hold, a leg. */
  public boolean isActive() {
    return this == PENDING || this == OPEN || this == CLOSING;
  }
}
