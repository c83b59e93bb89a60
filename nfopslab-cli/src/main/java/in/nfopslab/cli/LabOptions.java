package in.nfopslab.cli;

import in.nfopslab.core.lab.LabPaths;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --root/--data/--meta/--out, shared by every command that works on a lab. */
final class LabOptions {
  @Option(
      names = "--root",
      paramLabel = "DIR",
      description = "Lab folder (default: the current directory).")
  Path root;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Data folder holding packed/ (default: ROOT/data).")
  Path data;

  @Option(
      names = "--meta",
      paramLabel = "DIR",
      description = "Meta tables folder (default: ROOT/meta).")
  Path meta;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Outputs folder (default: ROOT/backtests).")
  Path out;

  LabPaths paths() {
    LabPaths d = LabPaths.of(root == null ? Path.of("") : root);
    return new LabPaths(
        d.root(),
        data == null ? d.data() : data.toAbsolutePath().normalize(),
        meta == null ? d.meta() : meta.toAbsolutePath().normalize(),
        out == null ? d.out() : out.toAbsolutePath().normalize());
  }
}
