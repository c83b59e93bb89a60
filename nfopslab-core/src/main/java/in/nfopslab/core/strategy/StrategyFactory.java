package in.nfopslab.core.strategy;

/**
 * The plugin a strategy library registers in {@code
 * META-INF/services/in.nfopslab.core.strategy.StrategyFactory}. A factory is stateless; it
 * describes the strategy and makes a fresh instance for each engine run.
 */
public interface StrategyFactory {
  StrategyDescriptor descriptor();

  /**
   * A fresh instance; {@code config.params()} holds every parameter of {@link #descriptor()}, typed
   * and checked.
   */
  Strategy create(StrategyConfig config);
}
