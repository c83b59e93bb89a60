package in.nfopslab.cli;

import in.nfopslab.core.strategy.ParamSpec;
import in.nfopslab.core.strategy.StrategyDescriptor;
import in.nfopslab.core.strategy.StrategyRegistry;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nfops strategies}: the registered strategies and their parameters. */
@Command(
    name = "strategies",
    mixinStandardHelpOptions = true,
    description = "List the strategies with their parameters (defaults and descriptions).")
final class StrategiesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "NAME", description = "Show one strategy only.")
  String name;

  @Override
  public Integer call() {
    StrategyRegistry registry = StrategyRegistry.load();
    PrintWriter out = spec.commandLine().getOut();
    for (StrategyDescriptor d : registry.descriptors()) {
      if (name != null && !name.equals(d.name())) {
        continue;
      }
      out.printf(
          Locale.ROOT,
          "%s  (expiry: %s)%n    %s%n",
          d.name(),
          d.defaultExpiry().name().toLowerCase(Locale.ROOT),
          d.description());
      for (ParamSpec p : d.params()) {
        out.printf(
            Locale.ROOT,
            "    --param %-18s %-8s default %-10s %s%n",
            p.name(),
            p.type().name().toLowerCase(Locale.ROOT),
            p.format(p.defaultValue()),
            p.description());
      }
      out.println();
    }
    if (name != null && !registry.contains(name)) {
      throw new IllegalArgumentException(
          "unknown strategy '"
              + name
              + "' (available: "
              + String.join(", ", registry.names())
              + ")");
    }
    out.flush();
    return 0;
  }
}
