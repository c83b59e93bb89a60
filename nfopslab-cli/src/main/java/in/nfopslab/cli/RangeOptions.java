package in.nfopslab.cli;

import in.nfopslab.core.instrument.Symbol;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/**
 * --symbol, --start, --end: the data a command works on (dates default to what the data covers).
 */
final class RangeOptions {
  @Option(
      names = "--symbol",
      required = true,
      converter = SymbolConverter.class,
      description = "NIFTY or BANKNIFTY.")
  Symbol symbol;

  @Option(
      names = "--start",
      description = "First trade date, YYYY-MM-DD (default: the first with data).")
  LocalDate start;

  @Option(
      names = "--end",
      description = "Last trade date, YYYY-MM-DD (default: the last with data).")
  LocalDate end;

  /** Refuses a reversed range before any work starts. */
  RangeOptions checked() {
    if (start != null && end != null && start.isAfter(end)) {
      throw new IllegalArgumentException("--start " + start + " is after --end " + end);
    }
    return this;
  }
}
