package in.nfopslab.core.market;

/**
 * Data a {@link DayMarket} loads on demand could not be read. Unchecked because it crosses the
 * strategy code path; the engine catches it per (strategy, task) and reports the message, which
 * names the file and reason.
 */
public final class MarketDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MarketDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
