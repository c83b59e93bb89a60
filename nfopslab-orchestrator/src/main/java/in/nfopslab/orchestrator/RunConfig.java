package in.nfopslab.orchestrator;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.engine.EngineConfig;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Everything {@code nfops run} needs, fixed before the run starts. {@code start}/{@code end} null
 * mean "what the data covers". {@code include} empty means every registered strategy. {@code
 * params} are {@code name=value} (applies to every selected strategy that declares the name) or
 * {@code strategy.name=value}. {@code onlyPairs}, when not null, restricts execution to those
 * "strategy|taskId" pairs (nfops retry); other pairs are taken from earlier parts. A command over
 * several symbols has one config per symbol ({@link Orchestrator#runAll}).
 */
public record RunConfig(
    LabPaths paths,
    Symbol symbol,
    LocalDate start,
    LocalDate end,
    List<String> include,
    List<String> exclude,
    List<String> params,
    int maxWorkers,
    boolean resume,
    EngineConfig engine,
    Progress.Mode progress,
    Set<String> onlyPairs) {
  public RunConfig {
    requireNonNull(paths, "paths is null");
    requireNonNull(symbol, "symbol is null");
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    params = List.copyOf(params);
    requireNonNull(engine, "engine is null");
    requireNonNull(progress, "progress is null");
    onlyPairs = onlyPairs == null ? null : Set.copyOf(onlyPairs);
    if (maxWorkers < 1) {
      throw new IllegalArgumentException("--max-workers must be at least 1, got " + maxWorkers);
    }
    if (start != null && end != null && start.isAfter(end)) {
      throw new IllegalArgumentException("--start " + start + " is after --end " + end);
    }
  }
}
