package in.nfopslab.data.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.core.time.Ist;
import in.nfopslab.data.generate.GeneratorConfig;
import in.nfopslab.data.generate.GeneratorSizes;
import in.nfopslab.data.generate.ManifestCsv;
import in.nfopslab.data.generate.ManifestEntry;
import in.nfopslab.data.generate.Preset;
import in.nfopslab.data.generate.SyntheticMarket;
import in.nfopslab.data.meta.MetaTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackedCatalogTest {
  static final Symbol NIFTY = new Symbol("NIFTY");
  @TempDir static Path dir;
  static LabPaths lab;

  @BeforeAll
  static void generate() throws Exception {
    lab = LabPaths.of(dir.resolve("lab"));
    SyntheticMarket.generate(
        GeneratorConfig.builder(lab, Preset.TINY)
            .symbols(List.of(NIFTY))
            .start(LocalDate.of(2024, 1, 2))
            .end(LocalDate.of(2024, 1, 3))
            .sizes(new GeneratorSizes(2, 0.5, 0.2, 0.05, 0.002))
            .build(),
        MetaTables.bundled());
  }

  @Test
  void aFreshManifestGivesTheSameCatalogAsListingTheFolders() {
    PackedCatalog fromManifest = PackedCatalog.load(lab, NIFTY);
    PackedCatalog listed = PackedCatalog.scan(lab, NIFTY);
    assertThat(fromManifest.source()).isEqualTo("manifest");
    assertThat(listed.source()).isEqualTo("scan");
    assertThat(fromManifest.spotFiles()).isEqualTo(listed.spotFiles());
    assertThat(fromManifest.futuresFiles()).isEqualTo(listed.futuresFiles());
    assertThat(fromManifest.optionExpiries()).isEqualTo(listed.optionExpiries()).isNotEmpty();
    for (LocalDate e : listed.optionExpiries()) {
      for (OptionType t : OptionType.values()) {
        assertThat(fromManifest.optionFiles(e, t)).isEqualTo(listed.optionFiles(e, t));
      }
    }
  }

  @Test
  void theManifestProvesWhichDaysAFileHasNoTicks() throws Exception {
    PackedCatalog c = PackedCatalog.load(lab, NIFTY);
    Path spot = c.spotFile(LocalDate.of(2024, 1, 2));
    long mtime = Files.getLastModifiedTime(spot).toMillis();
    LocalDate other = LocalDate.of(2024, 1, 5);
    long from = Ist.epochNanos(other, LocalTime.of(9, 15));
    long to = Ist.epochNanos(other, LocalTime.of(15, 30, 1));
    assertThat(c.mayHaveTicks(spot, from, to, mtime)).isFalse();
    long sameDayFrom = Ist.epochNanos(LocalDate.of(2024, 1, 2), LocalTime.of(9, 15));
    assertThat(c.mayHaveTicks(spot, sameDayFrom, sameDayFrom + 3_600_000_000_000L, mtime)).isTrue();
    // a file changed after the manifest was written is never pruned by it
    assertThat(c.mayHaveTicks(spot, from, to, System.currentTimeMillis() + 60_000)).isTrue();
  }

  @Test
  void aManifestOlderThanTheFoldersIsNotTrusted(@TempDir Path other) throws Exception {
    LabPaths copy = LabPaths.of(other.resolve("lab"));
    copyTree(lab.root(), copy.root());
    Path manifest = copy.manifestCsv();
    Files.setLastModifiedTime(manifest, FileTime.fromMillis(1_000));
    assertThat(PackedCatalog.load(copy, NIFTY).source()).isEqualTo("scan");
  }

  @Test
  void anUnchangedManifestIsReadOnceAndARewrittenOneAgain(@TempDir Path other) throws Exception {
    LabPaths copy = LabPaths.of(other.resolve("lab"));
    copyTree(lab.root(), copy.root());
    Path manifest = copy.manifestCsv();
    // the copy's folders are newer than its manifest: make the manifest the newest again
    Files.setLastModifiedTime(manifest, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
    PackedCatalog first = PackedCatalog.load(copy, NIFTY);
    assertThat(first.source()).isEqualTo("manifest");
    assertThat(PackedCatalog.load(copy, NIFTY)).isSameAs(first);
    assertThat(first.spotFiles()).containsKey(LocalDate.of(2024, 1, 3));

    // the manifest rewritten without one spot file (still newer than every folder)
    List<ManifestEntry> entries =
        ManifestCsv.read(manifest).stream()
            .filter(e -> !e.path().contains("spot") || !e.path().contains("date=2024-01-03"))
            .toList();
    ManifestCsv.write(manifest, entries);
    Files.setLastModifiedTime(manifest, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
    PackedCatalog second = PackedCatalog.load(copy, NIFTY);
    assertThat(second).isNotSameAs(first);
    assertThat(second.source()).isEqualTo("manifest");
    assertThat(second.spotFiles())
        .doesNotContainKey(LocalDate.of(2024, 1, 3))
        .containsKey(LocalDate.of(2024, 1, 2));
    // another lab with the same content is a catalog of its own files
    assertThat(PackedCatalog.load(lab, NIFTY).spotFile(LocalDate.of(2024, 1, 2)))
        .startsWith(lab.root());
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (var s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }
}
