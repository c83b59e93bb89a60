package in.nfopslab.data.generate;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.data.meta.MetaTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorDeterminismTest {
  private static final GeneratorSizes SMALL = new GeneratorSizes(3, 0.9, 0.5, 0.1, 0.005);

  @TempDir static Path dir;

  private static Map<String, byte[]> oneWorker;
  private static Map<String, byte[]> twoWorkers;
  private static Map<String, byte[]> otherSeed;

  @BeforeAll
  static void generate() throws IOException {
    oneWorker = generate(dir.resolve("one"), 7, 1);
    twoWorkers = generate(dir.resolve("two"), 7, 2);
    otherSeed = generate(dir.resolve("other"), 8, 2);
  }

  @Test
  void sameSeedGivesByteIdenticalFilesWhateverTheNumberOfWorkers() {
    assertThat(oneWorker).isNotEmpty();
    assertThat(twoWorkers.keySet()).isEqualTo(oneWorker.keySet());
    for (String f : oneWorker.keySet()) {
      assertThat(twoWorkers.get(f)).as(f).isEqualTo(oneWorker.get(f));
    }
  }

  @Test
  void anotherSeedGivesAnotherMarket() throws IOException {
    String spot = "data/packed/spot/NIFTY/202401/date=2024-01-02/ticks.parquet";
    double[] a = ParquetTable.read(dir.resolve("one").resolve(spot)).doubles("close");
    double[] b = ParquetTable.read(dir.resolve("other").resolve(spot)).doubles("close");

    assertThat(a).isNotEqualTo(b);
    List<String> packed = oneWorker.keySet().stream().filter(f -> f.startsWith("data")).toList();
    assertThat(packed).isNotEmpty();
    for (String f : packed) {
      assertThat(otherSeed.get(f)).as(f).isNotNull().isNotEqualTo(oneWorker.get(f));
    }
  }

  private static Map<String, byte[]> generate(Path root, long seed, int workers)
      throws IOException {
    GeneratorConfig config =
        GeneratorConfig.builder(LabPaths.of(root), Preset.TINY)
            .symbols(List.of(new Symbol("NIFTY")))
            .start(LocalDate.of(2024, 1, 2))
            .end(LocalDate.of(2024, 1, 3))
            .seed(seed)
            .sizes(SMALL)
            .maxWorkers(workers)
            .build();
    SyntheticMarket.generate(config, MetaTables.bundled());
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        files.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }
}
