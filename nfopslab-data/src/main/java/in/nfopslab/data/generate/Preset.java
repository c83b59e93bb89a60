package in.nfopslab.data.generate;

import in.nfopslab.core.instrument.Symbol;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Named generator sizes with their default symbols and dates. Explicit symbols and dates in a
 * {@link GeneratorConfig} always win over a preset's defaults.
 *
 * <ul>
 *   <li>{@code tiny}: unit tests. Both symbols, the first three trading days of 2024, 8 strikes a
 *       side, sparse option ticks; generates in a few seconds.
 *   <li>{@code demo}: what {@code nfops demo} runs on. Both symbols, January 2024, 15 strikes a
 *       side (enough for an iron condor's ATM +-4 steps after a 1-2% intraday move), moderate tick
 *       rates.
 *   <li>{@code bench}: throughput measurements. Both symbols, January 2024, 22 strikes a side,
 *       about one tick a second at the money: tens of millions of option rows.
 * </ul>
 */
public enum Preset {
  TINY(
      new GeneratorSizes(8, 0.9, 0.8, 0.15, 0.005),
      LocalDate.of(2024, 1, 1),
      LocalDate.of(2024, 1, 3)),
  DEMO(
      new GeneratorSizes(15, 0.95, 0.9, 0.4, 0.015),
      LocalDate.of(2024, 1, 1),
      LocalDate.of(2024, 1, 31)),
  BENCH(
      new GeneratorSizes(22, 0.97, 1.0, 1.2, 0.05),
      LocalDate.of(2024, 1, 1),
      LocalDate.of(2024, 1, 31));

  private static final List<Symbol> SYMBOLS = List.of(new Symbol("NIFTY"), new Symbol("BANKNIFTY"));

  private final GeneratorSizes sizes;
  private final LocalDate defaultStart;
  private final LocalDate defaultEnd;

  Preset(GeneratorSizes sizes, LocalDate defaultStart, LocalDate defaultEnd) {
    this.sizes = sizes;
    this.defaultStart = defaultStart;
    this.defaultEnd = defaultEnd;
  }

  public GeneratorSizes sizes() {
    return sizes;
  }

  public List<Symbol> defaultSymbols() {
    return SYMBOLS;
  }

  /**
   * First calendar day; holidays and weekends inside the range are skipped, so tiny's 3 days are 3
   * trading days.
   */
  public LocalDate defaultStart() {
    return defaultStart;
  }

  public LocalDate defaultEnd() {
    return defaultEnd;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Preset parse(String text) {
    for (Preset p : values()) {
      if (p.label().equalsIgnoreCase(text.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown preset '" + text + "': expected tiny, demo or bench");
  }
}
