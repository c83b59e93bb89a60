package in.nfopslab.core.strategy;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.instrument.Symbol;

/**
 * Everything a factory needs to make one strategy instance: the symbol it trades and its effective
 * parameters.
 */
public record StrategyConfig(Symbol symbol, Params params) {
  public StrategyConfig {
    requireNonNull(symbol, "symbol is null");
    requireNonNull(params, "params is null");
  }

  public StrategyDescriptor descriptor() {
    return params.descriptor();
  }

  public String name() {
    return params.descriptor().name();
  }

  public String paramsId() {
    return params.paramsId();
  }

  public ExpiryChoice expiryChoice() {
    return params.expiryChoice();
  }
}
