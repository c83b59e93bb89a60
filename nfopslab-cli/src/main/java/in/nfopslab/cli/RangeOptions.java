package in.nfopslab.cli;

import in.nfopslab.core.instrument.Symbol;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * --symbol, --start, --end: the data a command works on (dates default to what the data covers).
 * {@code nfops run} and {@code nfops cache warm} take several symbols, comma-separated, in one
 * process (a run puts all their tasks on one pool; cache warm goes through them one after another);
 * other commands take one.
 */
final class RangeOptions {
  @Option(
      names = "--symbol",
      required = true,
      split = ",",
      paramLabel = "SYMBOL",
      converter = SymbolConverter.class,
      description =
          "NIFTY or BANKNIFTY (nfops run and nfops cache warm: several, comma-separated, e.g."
              + " NIFTY,BANKNIFTY).")
  List<Symbol> symbols;

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

  /** The symbols in the order given, each once. */
  List<Symbol> all() {
    return List.copyOf(new LinkedHashSet<>(symbols));
  }

  /** The one symbol of a command that works on one; refuses a list. */
  Symbol one() {
    List<Symbol> s = all();
    if (s.size() != 1) {
      throw new IllegalArgumentException(
          "--symbol: this command works on one symbol at a time (got "
              + String.join(",", s.stream().map(Symbol::name).toList())
              + ")");
    }
    return s.get(0);
  }
}
