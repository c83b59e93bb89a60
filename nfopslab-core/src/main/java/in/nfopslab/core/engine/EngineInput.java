package in.nfopslab.core.engine;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.calendar.ExpiryCalendar;
import in.nfopslab.core.instrument.LotSizes;
import in.nfopslab.core.instrument.Symbol;
import java.time.LocalDate;
import java.util.List;

/**
 * One engine call: a task's days of one symbol, and the strategy variants to run over each of them.
 *
 * @param days trading days in the order they are run (a strategy sees them in this order)
 * @param markets loads each day's market; every strategy of the call runs over the same loaded day
 * @param expiryCalendar resolves the expiry choices; null falls back to the expiries with data in
 *     the market
 * @param strikeStep the symbol's strike step from meta/strike_steps.csv
 * @param history spot of the trading days before each day ({@code StrategyContext.previousDays});
 *     null uses the earlier days of this call only
 */
public record EngineInput(
    Symbol symbol,
    List<LocalDate> days,
    DayMarkets markets,
    List<StrategyRun> strategies,
    EngineConfig config,
    LotSizes lotSizes,
    ExpiryCalendar expiryCalendar,
    int strikeStep,
    SpotHistory history) {
  public EngineInput {
    requireNonNull(symbol, "symbol is null");
    requireNonNull(days, "days is null");
    requireNonNull(markets, "markets is null");
    requireNonNull(strategies, "strategies is null");
    requireNonNull(config, "config is null");
    requireNonNull(lotSizes, "lotSizes is null");
    days = List.copyOf(days);
    strategies = List.copyOf(strategies);
    if (strikeStep <= 0) {
      throw new IllegalArgumentException("strike step must be positive, got " + strikeStep);
    }
    if (days.size() != new java.util.HashSet<>(days).size()) {
      throw new IllegalArgumentException("a day is listed twice: " + days);
    }
  }

  /** An input without a spot history: strategies see the earlier days of this call only. */
  public EngineInput(
      Symbol symbol,
      List<LocalDate> days,
      DayMarkets markets,
      List<StrategyRun> strategies,
      EngineConfig config,
      LotSizes lotSizes,
      ExpiryCalendar expiryCalendar,
      int strikeStep) {
    this(symbol, days, markets, strategies, config, lotSizes, expiryCalendar, strikeStep, null);
  }
}
