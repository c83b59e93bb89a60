package in.nfopslab.core.strategy;

import java.util.Locale;

/** The value type of a strategy parameter. Times are IST wall-clock {@code HH:mm:ss}. */
public enum ParamType {
  INT,
  DOUBLE,
  STRING,
  BOOLEAN,
  TIME,
  ENUM;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
