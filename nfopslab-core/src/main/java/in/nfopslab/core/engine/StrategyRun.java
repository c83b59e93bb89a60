package in.nfopslab.core.engine;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.strategy.StrategyFactory;

/**
 * One strategy variant to run: the engine makes a fresh instance from the factory for every {@link
 * Engine#run}, so no state leaks from one task to another.
 */
public record StrategyRun(StrategyFactory factory, StrategyConfig config) {
  public StrategyRun {
    requireNonNull(factory, "factory is null");
    requireNonNull(config, "config is null");
    if (!factory.descriptor().name().equals(config.name())) {
      throw new IllegalArgumentException(
          "config of " + config.name() + " given to factory of " + factory.descriptor().name());
    }
  }
}
