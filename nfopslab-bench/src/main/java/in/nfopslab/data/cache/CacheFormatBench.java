package in.nfopslab.data.cache;

import in.nfopslab.data.read.ParquetArrays;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Seconds-cache entry layouts compared on real entries (docs/PERFORMANCE.md, "Warm path: lazy
 * series and entry format"): for each layout, the time to write a set of chains, their size, the
 * time to read them back whole, and the time to load single series lazily. One thread; each figure
 * is the best of {@code --repeat} rounds. In this package because the entry format is
 * package-private to the cache.
 *
 * <pre>
 * java -cp benchmarks.jar in.nfopslab.data.cache.CacheFormatBench --entries CACHE_DIR --out TMP [--limit 20]
 * </pre>
 */
public final class CacheFormatBench {
  private static final int SECONDS = 22_501;

  private CacheFormatBench() {}

  public static void main(String[] args) throws Exception {
    Path entries = null;
    Path out = null;
    int limit = 20;
    int repeat = 3;
    int seriesPerEntry = 6;
    String only = "";
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--entries" -> entries = Path.of(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        case "--limit" -> limit = Integer.parseInt(args[i + 1]);
        case "--repeat" -> repeat = Integer.parseInt(args[i + 1]);
        case "--series" -> seriesPerEntry = Integer.parseInt(args[i + 1]);
        case "--only" -> only = args[i + 1];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (entries == null || out == null) {
      throw new IllegalArgumentException("--entries DIR and --out DIR are required");
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(entries)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
    }
    // every k-th entry, so both symbols, all expiries and days are in the sample
    List<ChainDay> chains = new ArrayList<>();
    int step = Math.max(1, files.size() / limit);
    for (int i = 0; i < files.size() && chains.size() < limit; i += step) {
      chains.add(ChainParquet.read(ParquetArrays.footer(files.get(i)), SECONDS).chain());
    }
    long rows = chains.stream().mapToLong(ChainDay::rows).sum();
    System.out.printf(
        "entries=%d rows=%d series_per_entry=%d repeat=%d%n",
        chains.size(), rows, seriesPerEntry, repeat);

    Set<String> typeStrike = Set.of("type", "strike");
    List<ChainParquet.Format> formats = new ArrayList<>();
    WriterVersion v1 = WriterVersion.PARQUET_1_0;
    WriterVersion v2 = WriterVersion.PARQUET_2_0;
    formats.add(
        new ChainParquet.Format(
            v2, CompressionCodecName.ZSTD, typeStrike, 20_000, true)); // format 1
    for (WriterVersion v : List.of(v1, v2)) {
      for (CompressionCodecName c :
          List.of(
              CompressionCodecName.ZSTD,
              CompressionCodecName.SNAPPY,
              CompressionCodecName.LZ4_RAW,
              CompressionCodecName.UNCOMPRESSED)) {
        formats.add(new ChainParquet.Format(v, c, typeStrike, 20_000, false));
      }
    }
    for (WriterVersion v : List.of(v1, v2)) {
      formats.add(new ChainParquet.Format(v, CompressionCodecName.ZSTD, Set.of(), 20_000, false));
      formats.add(
          new ChainParquet.Format(v, CompressionCodecName.LZ4_RAW, Set.of(), 20_000, false));
      for (int pageRows : List.of(1_000, 2_000, 5_000)) {
        formats.add(
            new ChainParquet.Format(v, CompressionCodecName.ZSTD, typeStrike, pageRows, false));
        formats.add(
            new ChainParquet.Format(v, CompressionCodecName.LZ4_RAW, typeStrike, pageRows, false));
        formats.add(
            new ChainParquet.Format(
                v, CompressionCodecName.UNCOMPRESSED, typeStrike, pageRows, false));
      }
    }
    Random random = new Random(7);
    List<List<long[]>> picks = new ArrayList<>();
    for (ChainDay c : chains) {
      List<long[]> keys = new ArrayList<>();
      for (Map.Entry<Long, int[]> e : c.seriesRows().entrySet()) {
        keys.add(new long[] {e.getKey()});
      }
      keys.sort(Comparator.comparingLong(k -> k[0]));
      List<long[]> pick = new ArrayList<>();
      for (int i = 0; i < seriesPerEntry && !keys.isEmpty(); i++) {
        pick.add(keys.remove(random.nextInt(keys.size())));
      }
      picks.add(pick);
    }
    for (ChainParquet.Format f : formats) {
      if (!only.isEmpty() && !f.toString().contains(only)) {
        continue;
      }
      Path dir = out.resolve(f.toString().replace('/', '_'));
      Files.createDirectories(dir);
      double write = Double.MAX_VALUE;
      double whole = Double.MAX_VALUE;
      double lazy = Double.MAX_VALUE;
      double footers = Double.MAX_VALUE;
      long bytes = 0;
      long check = 0;
      int lazyReads = 0;
      for (int r = 0; r < repeat; r++) {
        long t0 = System.nanoTime();
        for (int i = 0; i < chains.size(); i++) {
          ChainParquet.write(
              dir.resolve(i + ".parquet"),
              chains.get(i),
              Map.of(
                  "nfops.cache.format",
                  "bench",
                  SecondsCache.META_HAS_OI,
                  Boolean.toString(chains.get(i).oiArray() != null)),
              f);
        }
        long t1 = System.nanoTime();
        check = 0;
        for (int i = 0; i < chains.size(); i++) {
          check +=
              ChainParquet.read(ParquetArrays.footer(dir.resolve(i + ".parquet")), SECONDS)
                  .chain()
                  .totals()
                  .volume();
        }
        long t2 = System.nanoTime();
        for (int i = 0; i < chains.size(); i++) {
          ParquetArrays.footer(dir.resolve(i + ".parquet"));
        }
        long t3 = System.nanoTime();
        lazyReads = 0;
        for (int i = 0; i < chains.size(); i++) {
          ParquetArrays.Footer footer = ParquetArrays.footer(dir.resolve(i + ".parquet"));
          Map<Long, long[]> index =
              ChainParquet.parseRows(footer.keyValue().get(SecondsCache.META_ROWS), footer.rows());
          boolean hasOi = chains.get(i).oiArray() != null;
          // one open file for the entry's series, as a day market reads them
          try (ParquetArrays.Reader reader = ChainParquet.openSeries(footer)) {
            for (long[] k : picks.get(i)) {
              ChainParquet.readSeries(reader, SECONDS, index.get(k[0]), hasOi);
              lazyReads++;
            }
          }
        }
        long t4 = System.nanoTime();
        write = Math.min(write, (t1 - t0) / 1e6);
        whole = Math.min(whole, (t2 - t1) / 1e6);
        footers = Math.min(footers, (t3 - t2) / 1e6);
        lazy = Math.min(lazy, (t4 - t3 - (t3 - t2)) / 1e6);
      }
      bytes = 0;
      for (int i = 0; i < chains.size(); i++) {
        bytes += Files.size(dir.resolve(i + ".parquet"));
      }
      long expected = chains.stream().mapToLong(c -> c.totals().volume()).sum();
      if (check != expected) {
        throw new IOException(f + ": read back volume " + check + ", expected " + expected);
      }
      System.out.printf(
          "format=%-40s write_ms_per_entry=%7.2f bytes_per_entry=%9d whole_read_ms_per_entry=%7.2f"
              + " footer_ms=%5.3f lazy_series_ms=%6.3f whole_over_series=%5.1f%n",
          f,
          write / chains.size(),
          bytes / chains.size(),
          whole / chains.size(),
          footers / chains.size(),
          lazy / Math.max(1, lazyReads),
          (whole / chains.size()) / (lazy / Math.max(1, lazyReads)));
    }
  }
}
