package in.nfopslab.core.strategy;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.instrument.Symbol;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The strategies on the class path, found once through {@link ServiceLoader}. An empty registry,
 * two strategies with one name, and an unknown name asked for are errors that say what is there,
 * never a silent skip.
 */
public final class StrategyRegistry {
  private final Map<String, StrategyFactory> byName; // sorted by name

  private StrategyRegistry(Map<String, StrategyFactory> byName) {
    this.byName = byName;
  }

  /** The factories listed in {@code META-INF/services} visible to this class's loader. */
  public static StrategyRegistry load() {
    return load(StrategyRegistry.class.getClassLoader());
  }

  public static StrategyRegistry load(ClassLoader loader) {
    List<StrategyFactory> found = new ArrayList<>();
    try {
      for (StrategyFactory f : ServiceLoader.load(StrategyFactory.class, loader)) {
        found.add(f);
      }
    } catch (ServiceConfigurationError e) {
      throw new IllegalStateException("cannot load a strategy plugin: " + e.getMessage(), e);
    }
    if (found.isEmpty()) {
      throw new IllegalStateException(
          "no strategies found: is nfopslab-strategies on the class path? (ServiceLoader found no "
              + StrategyFactory.class.getName()
              + ")");
    }
    return of(found);
  }

  /** A registry of the given factories (tests, or a caller that found them some other way). */
  public static StrategyRegistry of(Collection<? extends StrategyFactory> factories) {
    requireNonNull(factories, "factories is null");
    if (factories.isEmpty()) {
      throw new IllegalStateException("no strategies registered");
    }
    Map<String, StrategyFactory> m = new TreeMap<>();
    for (StrategyFactory f : factories) {
      String name =
          requireNonNull(f.descriptor(), "descriptor of " + f.getClass().getName() + " is null")
              .name();
      StrategyFactory prev = m.put(name, f);
      if (prev != null) {
        throw new IllegalStateException(
            "two strategies are named "
                + name
                + ": "
                + prev.getClass().getName()
                + " and "
                + f.getClass().getName());
      }
    }
    return new StrategyRegistry(java.util.Collections.unmodifiableMap(m));
  }

  /** Strategy names, sorted. */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /** Descriptors sorted by name. */
  public List<StrategyDescriptor> descriptors() {
    List<StrategyDescriptor> out = new ArrayList<>(byName.size());
    for (StrategyFactory f : byName.values()) {
      out.add(f.descriptor());
    }
    return out;
  }

  public boolean contains(String name) {
    return byName.containsKey(name);
  }

  /** The factory of that name, or an error listing the valid names. */
  public StrategyFactory factory(String name) {
    requireNonNull(name, "name is null");
    StrategyFactory f = byName.get(name.trim());
    if (f == null) {
      throw new IllegalArgumentException(
          "unknown strategy '" + name + "'; valid: " + String.join(", ", byName.keySet()));
    }
    return f;
  }

  /**
   * The config of one variant: the named strategy with {@code name=value} overrides of its
   * defaults.
   */
  public StrategyConfig config(String name, Symbol symbol, Collection<String> paramAssignments) {
    return new StrategyConfig(symbol, Params.parse(factory(name).descriptor(), paramAssignments));
  }
}
