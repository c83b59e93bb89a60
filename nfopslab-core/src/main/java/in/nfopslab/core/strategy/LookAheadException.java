package in.nfopslab.core.strategy;

/**
 * A strategy asked for a bar after the current second. Always a bug in the strategy; the engine
 * records it.
 */
public final class LookAheadException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public LookAheadException(String message) {
    super(message);
  }
}
