package in.nfopslab.data.generate;

import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.data.meta.MetaTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The tiny preset's lab, generated once per test JVM and shared by the generator's test classes
 * (generating takes a few seconds; every class reads it, none changes it). Deleted when the JVM
 * exits.
 */
final class TinyLab {
  static final long SEED = 7;

  private static TinyLab instance;

  final LabPaths paths;
  final GeneratorConfig config;
  final GenerationReport report;
  final MetaTables meta;
  final List<ManifestEntry> manifest;

  private TinyLab(LabPaths paths) throws IOException {
    this.paths = paths;
    this.config = GeneratorConfig.builder(paths, Preset.TINY).seed(SEED).maxWorkers(2).build();
    this.meta = MetaTables.bundled();
    this.report = SyntheticMarket.generate(config, meta);
    this.manifest = ManifestCsv.read(paths.manifestCsv());
  }

  static synchronized TinyLab get() {
    if (instance == null) {
      try {
        Path root = Files.createTempDirectory("nfops-tiny-lab");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(root)));
        instance = new TinyLab(LabPaths.of(root));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  Path file(ManifestEntry e) {
    return paths.data().resolve(e.path());
  }

  List<ManifestEntry> entries(ManifestEntry.Kind kind) {
    return manifest.stream().filter(e -> e.kind() == kind).toList();
  }

  static void deleteQuietly(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temp folder left behind is not worth failing a build for
    }
  }
}
