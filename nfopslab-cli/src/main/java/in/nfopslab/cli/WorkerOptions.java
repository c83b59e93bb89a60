package in.nfopslab.cli;

import in.nfopslab.orchestrator.Progress;
import picocli.CommandLine.Option;

/** --max-workers and --progress, for every command that fans out. */
final class WorkerOptions {
  @Option(
      names = "--max-workers",
      paramLabel = "N",
      description = "Parallel tasks (default: available processors).")
  Integer workers;

  @Option(
      names = "--progress",
      defaultValue = "AUTO",
      description =
          "auto (a bar on a terminal, plain lines otherwise), bar, plain or none (default: auto).")
  Progress.Mode progress;

  int workers() {
    int n = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
    if (n < 1) {
      throw new IllegalArgumentException("--max-workers must be at least 1, got " + n);
    }
    return n;
  }
}
