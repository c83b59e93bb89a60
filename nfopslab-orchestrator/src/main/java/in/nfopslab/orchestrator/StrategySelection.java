package in.nfopslab.orchestrator;

import in.nfopslab.core.engine.StrategyRun;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.strategy.StrategyDescriptor;
import in.nfopslab.core.strategy.StrategyRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns --include/--exclude/--param into strategy runs. A parameter {@code name=value} applies to
 * every selected strategy that declares {@code name}; {@code strategy.name=value} to that strategy
 * only. A name no selected strategy declares, or an unknown strategy, is an error that lists the
 * valid ones.
 */
public final class StrategySelection {
  private StrategySelection() {}

  public static List<StrategyRun> select(
      StrategyRegistry registry,
      Symbol symbol,
      List<String> include,
      List<String> exclude,
      List<String> params) {
    Set<String> names = new LinkedHashSet<>();
    for (String n : include.isEmpty() ? registry.names() : include) {
      names.add(known(registry, n.trim()));
    }
    for (String n : exclude) {
      names.remove(known(registry, n.trim()));
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException(
          "no strategy selected (available: " + String.join(", ", registry.names()) + ")");
    }
    List<List<String>> perStrategy = new ArrayList<>();
    List<String> ordered = new ArrayList<>(names);
    for (int i = 0; i < ordered.size(); i++) {
      perStrategy.add(new ArrayList<>());
    }
    for (String p : params) {
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "--param '" + p + "' is not name=value or strategy.name=value");
      }
      String lhs = p.substring(0, eq).trim();
      String value = p.substring(eq + 1).trim();
      int dot = lhs.indexOf('.');
      boolean matched = false;
      for (int i = 0; i < ordered.size(); i++) {
        String s = ordered.get(i);
        StrategyDescriptor d = registry.factory(s).descriptor();
        String param = lhs;
        if (dot > 0) {
          if (!lhs.substring(0, dot).equals(s)) {
            continue;
          }
          param = lhs.substring(dot + 1);
        }
        if (d.paramNames().contains(param)) {
          perStrategy.get(i).add(param + "=" + value);
          matched = true;
        } else if (dot > 0) {
          throw new IllegalArgumentException(
              "unknown parameter '"
                  + param
                  + "' for "
                  + s
                  + " (valid: "
                  + String.join(", ", d.paramNames())
                  + ")");
        }
      }
      if (!matched) {
        StringBuilder valid = new StringBuilder();
        for (String s : ordered) {
          valid
              .append("\n  ")
              .append(s)
              .append(": ")
              .append(String.join(", ", registry.factory(s).descriptor().paramNames()));
        }
        throw new IllegalArgumentException(
            "--param '"
                + p
                + "': no selected strategy has a parameter '"
                + (dot > 0 ? lhs.substring(dot + 1) : lhs)
                + "'"
                + (dot > 0 && !names.contains(lhs.substring(0, dot))
                    ? " (strategy '" + lhs.substring(0, dot) + "' is not selected)"
                    : "")
                + ". Valid parameters:"
                + valid);
      }
    }
    List<StrategyRun> runs = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      String s = ordered.get(i);
      runs.add(
          new StrategyRun(registry.factory(s), registry.config(s, symbol, perStrategy.get(i))));
    }
    return runs;
  }

  private static String known(StrategyRegistry registry, String name) {
    if (!registry.contains(name)) {
      throw new IllegalArgumentException(
          "unknown strategy '"
              + name
              + "' (available: "
              + String.join(", ", registry.names())
              + ")");
    }
    return name;
  }
}
