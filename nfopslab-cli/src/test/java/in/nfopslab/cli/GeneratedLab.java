package in.nfopslab.cli;

import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.data.generate.GeneratorConfig;
import in.nfopslab.data.generate.Preset;
import in.nfopslab.data.generate.SyntheticMarket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A generated NIFTY lab (tiny preset sizes) over 2024-01-01..2024-01-19: 15 trading days in four
 * tasks by the weekly expiries 01-04, 01-11, 01-18 and 01-25. Generated once per test JVM, shared
 * read-only by the operations tests, deleted when the JVM exits. Tests work on {@link
 * #linkedCopy}s: hard links to its files (a fault replaces a link with a new file, never writes
 * through it), so a copy costs nothing and has the same fingerprints.
 */
final class GeneratedLab {
  static final Symbol NIFTY = new Symbol("NIFTY");
  static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
  static final LocalDate LAST = LocalDate.of(2024, 1, 19);

  private static Path root;

  private GeneratedLab() {}

  static synchronized Path root() {
    if (root == null) {
      try {
        Path r = Files.createTempDirectory("nfops-ops-lab");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(r)));
        SyntheticMarket.generate(
            GeneratorConfig.builder(LabPaths.of(r), Preset.TINY)
                .symbols(List.of(NIFTY))
                .start(FIRST)
                .end(LAST)
                .maxWorkers(2)
                .build());
        root = r;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return root;
  }

  /**
   * The lab's data and meta under {@code to}, as hard links where the file system allows (else
   * copies).
   */
  static LabPaths linkedCopy(Path to) throws IOException {
    Path from = root();
    for (String part : List.of("data", "meta")) {
      Path src = from.resolve(part);
      try (Stream<Path> s = Files.walk(src)) {
        for (Path p : (Iterable<Path>) s::iterator) {
          Path target = to.resolve(part).resolve(src.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(target);
          } else {
            try {
              Files.createLink(target, p);
            } catch (FileSystemException | UnsupportedOperationException e) {
              Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
          }
        }
      }
    }
    return LabPaths.of(to);
  }

  static void deleteQuietly(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temp folder left behind is not worth failing a build for
    }
  }
}
