package in.nfopslab.data.meta;

/**
 * A meta table that cannot be used, naming the file, the line (1-based, header is line 1) and the
 * reason.
 */
public final class MetaFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MetaFormatException(String source, long line, String reason) {
    super(source + (line > 0 ? ":" + line : "") + ": " + reason);
  }

  public MetaFormatException(String source, long line, String reason, Throwable cause) {
    super(source + (line > 0 ? ":" + line : "") + ": " + reason, cause);
  }
}
