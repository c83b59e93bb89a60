package in.nfopslab.data.generate;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.lab.LabPaths;

/**
 * What a generator run wrote and how long it took.
 *
 * @param tradingDays trading days generated per symbol
 * @param files packed files written (spot + futures + options), as listed in the manifest
 * @param packedBytes total size of the packed files
 * @param truthRows rows of meta/generator_truth.parquet
 * @param elapsedNanos wall time of the whole run, including the meta files
 */
public record GenerationReport(
    LabPaths paths,
    int tradingDays,
    int files,
    long spotRows,
    long futuresRows,
    long optionRows,
    long packedBytes,
    long truthRows,
    long elapsedNanos) {
  public GenerationReport {
    requireNonNull(paths, "paths is null");
  }

  public long packedRows() {
    return spotRows + futuresRows + optionRows;
  }

  public double seconds() {
    return elapsedNanos / 1e9;
  }

  /** Packed rows written per second of wall time. */
  public double rowsPerSecond() {
    return elapsedNanos == 0 ? 0 : packedRows() / seconds();
  }
}
