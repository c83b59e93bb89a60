package in.nfopslab.data.generate;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Everything one generator run depends on. The same config (and the same meta tables) gives
 * byte-identical files; {@code maxWorkers} changes only the speed, never the output.
 *
 * @param paths the lab to write: data/packed/..., meta/expiry_calendar.csv,
 *     meta/packed_manifest.csv and meta/generator_truth.parquet
 * @param symbols underlyings, each with a strike step in meta/strike_steps.csv
 * @param start first calendar day (inclusive); non-trading days are skipped
 * @param end last calendar day (inclusive)
 * @param seed the seed every random stream is derived from
 * @param preset the preset the sizes came from (recorded in the files' metadata)
 * @param sizes strikes and tick rates
 * @param maxWorkers generator threads
 * @param overwrite replace existing packed data instead of refusing to touch it
 */
public record GeneratorConfig(
    LabPaths paths,
    List<Symbol> symbols,
    LocalDate start,
    LocalDate end,
    long seed,
    Preset preset,
    GeneratorSizes sizes,
    int maxWorkers,
    boolean overwrite) {
  public static final long DEFAULT_SEED = 7;

  public GeneratorConfig {
    requireNonNull(paths, "paths is null");
    requireNonNull(symbols, "symbols is null");
    requireNonNull(start, "start is null");
    requireNonNull(end, "end is null");
    requireNonNull(preset, "preset is null");
    requireNonNull(sizes, "sizes is null");
    symbols = List.copyOf(new LinkedHashSet<>(symbols));
    if (symbols.isEmpty()) {
      throw new IllegalArgumentException("no symbols to generate");
    }
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("end " + end + " is before start " + start);
    }
    if (maxWorkers < 1) {
      throw new IllegalArgumentException("maxWorkers must be at least 1, got " + maxWorkers);
    }
  }

  /** A builder that starts from the preset's defaults; anything set explicitly wins. */
  public static Builder builder(LabPaths paths, Preset preset) {
    return new Builder(paths, preset);
  }

  /** Fills unset values from a preset, so explicit command-line options always win. */
  public static final class Builder {
    private final LabPaths paths;
    private final Preset preset;
    private List<Symbol> symbols;
    private LocalDate start;
    private LocalDate end;
    private long seed = DEFAULT_SEED;
    private GeneratorSizes sizes;
    private int maxWorkers = Runtime.getRuntime().availableProcessors();
    private boolean overwrite;

    private Builder(LabPaths paths, Preset preset) {
      this.paths = requireNonNull(paths, "paths is null");
      this.preset = requireNonNull(preset, "preset is null");
    }

    /** Null keeps the preset's symbols. */
    public Builder symbols(List<Symbol> symbols) {
      this.symbols = symbols;
      return this;
    }

    /** Null keeps the preset's start. */
    public Builder start(LocalDate start) {
      this.start = start;
      return this;
    }

    /** Null keeps the preset's end. */
    public Builder end(LocalDate end) {
      this.end = end;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Null keeps the preset's sizes. */
    public Builder sizes(GeneratorSizes sizes) {
      this.sizes = sizes;
      return this;
    }

    public Builder maxWorkers(int maxWorkers) {
      this.maxWorkers = maxWorkers;
      return this;
    }

    public Builder overwrite(boolean overwrite) {
      this.overwrite = overwrite;
      return this;
    }

    public GeneratorConfig build() {
      return new GeneratorConfig(
          paths,
          symbols == null ? preset.defaultSymbols() : symbols,
          start == null ? preset.defaultStart() : start,
          end == null ? preset.defaultEnd() : end,
          seed,
          preset,
          sizes == null ? preset.sizes() : sizes,
          maxWorkers,
          overwrite);
    }
  }
}
