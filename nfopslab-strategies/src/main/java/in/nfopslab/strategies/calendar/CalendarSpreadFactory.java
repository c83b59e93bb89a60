package in.nfopslab.strategies.calendar;

import in.nfopslab.core.strategy.ExpiryChoice;
import in.nfopslab.core.strategy.ParamSpec;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.strategy.StrategyDescriptor;
import in.nfopslab.core.strategy.StrategyFactory;
import java.util.List;

/** Registers {@link CalendarSpread} as {@code calendar_spread}. */
public final class CalendarSpreadFactory implements StrategyFactory {
  static final StrategyDescriptor DESCRIPTOR =
      new StrategyDescriptor(
          "calendar_spread",
          "ATM straddle calendar: sell the richer expiry's straddle and buy the other's when their ATM IVs differ",
          List.of(
              ParamSpec.ofTime(
                  "anchor", "10:00:00", "time the IVs are compared and the spread is entered"),
              ParamSpec.ofDouble(
                  "threshold", 2, "|front ATM IV - back ATM IV| in vol points that trades"),
              ParamSpec.ofDouble("stop_pct", 25, "stop, percent of the net premium (0 = off)"),
              ParamSpec.ofTime(
                  "exit_time", "15:15:00", "end-of-day exit of the four legs (exit reason eod)")),
          ExpiryChoice.NEAREST);

  @Override
  public StrategyDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Strategy create(StrategyConfig config) {
    return new CalendarSpread(config.params());
  }
}
