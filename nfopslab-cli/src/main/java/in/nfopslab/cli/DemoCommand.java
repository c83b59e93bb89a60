package in.nfopslab.cli;

import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.data.generate.GenerationReport;
import in.nfopslab.data.generate.GeneratorConfig;
import in.nfopslab.data.generate.Preset;
import in.nfopslab.data.generate.SyntheticMarket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nfops demo}: generate a sample lab and run everything the project can do on it. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Generate a small sample lab (default ./demo-lab) and run every stage on it.")
final class DemoCommand implements Callable<Integer> {
  static final Path DEFAULT_ROOT = Path.of("demo-lab");

  @Spec CommandSpec spec;
  @Mixin LabOptions lab;

  @Override
  public Integer call() throws Exception {
    if (lab.root == null) {
      lab.root = DEFAULT_ROOT; // never the current directory: a demo must not litter the repo
    }
    LabPaths paths = lab.paths();
    // regenerate over an earlier demo (its truth sidecar marks it as generated); any other packed data is refused
    boolean generatedBefore = Files.isRegularFile(paths.meta().resolve(SyntheticMarket.TRUTH_FILE));
    GeneratorConfig config = GeneratorConfig.builder(paths, Preset.DEMO).overwrite(generatedBefore).build();
    GenerationReport report = SyntheticMarket.generate(config);
    GenerateCommand.print(spec.commandLine().getOut(), report);
    return 0;
  }
}
