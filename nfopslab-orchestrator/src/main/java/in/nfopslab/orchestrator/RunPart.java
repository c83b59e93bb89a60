package in.nfopslab.orchestrator;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.io.AtomicFiles;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.trade.StanceRow;
import in.nfopslab.core.trade.TradeLeg;
import in.nfopslab.data.parquet.ParquetColumns;
import in.nfopslab.data.trades.StanceParquet;
import in.nfopslab.data.trades.TradeParquet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of one (strategy variant, task) pair of {@code nfops run}, under {@code
 * parts/{runId}/{strategy}/{params_id}/}: {@code {task}.trades.parquet}, whose footer carries the
 * pair's status row ({@link StatusFooter}), and, for a strategy that writes stances, {@code
 * {task}.stance.parquet}, written before it. The trade part is always the pair's last file and is
 * written atomically, so a pair is done exactly when its trade part exists and its footer holds a
 * status; a failed pair's trade part has no legs. One file per pair instead of a trade part and a
 * one-row status part: most of a small Parquet file's cost is per file.
 */
final class RunPart {
  private static final Logger LOG = LoggerFactory.getLogger(RunPart.class);
  private static final String TRADES = ".trades.parquet";

  private final Path trades;
  private final Path stances;
  private final boolean writesStance;

  RunPart(Path partsDir, StrategyConfig c, RunTask task) {
    Path dir = partsDir.resolve(c.name()).resolve(c.paramsId());
    this.trades = dir.resolve(task.id() + TRADES);
    this.stances = dir.resolve(task.id() + ".stance.parquet");
    this.writesStance = c.descriptor().writesStance();
  }

  /** What the merge takes from a pair: its status (null: not done) and, when ok, its rows. */
  record Contents(StatusRow status, List<TradeLeg> legs, List<StanceRow> stances) {
    private static final Contents NOT_DONE = new Contents(null, List.of(), List.of());
  }

  /**
   * The pair's status, from its trade part's footer alone, or null when the pair is not done: no
   * trade part, a part without a status (written by an older build, which kept the status in a
   * separate {@code .status.parquet}: such pairs run again), an unreadable part (logged), or an ok
   * stance pair without its stance part.
   */
  StatusRow readStatus() {
    if (!Files.isRegularFile(trades)) {
      return null;
    }
    StatusRow r;
    try {
      r = footerStatus(trades);
    } catch (IOException | RuntimeException e) {
      LOG.warn("ignoring unreadable part {}: {}", trades, e.getMessage());
      return null;
    }
    return r != null && missesStances(r) ? null : r;
  }

  /**
   * The pair's status and, when it is ok, its legs and stance rows, reading the trade part once. A
   * pair that is not done (see {@link #readStatus}) has a null status; a part that exists but
   * cannot be read fails, naming it.
   */
  Contents read() throws IOException {
    if (!Files.isRegularFile(trades)) {
      return Contents.NOT_DONE;
    }
    TradeParquet.Contents c = TradeParquet.readWithFooter(trades);
    StatusRow status;
    try {
      status = StatusFooter.decode(c.footer());
    } catch (IllegalArgumentException e) {
      throw new IOException(trades + ": " + e.getMessage(), e);
    }
    if (status == null || missesStances(status)) {
      return Contents.NOT_DONE;
    }
    if (!status.status().equals(StatusRow.OK)) {
      return new Contents(status, List.of(), List.of());
    }
    return new Contents(
        status, c.legs(), writesStance ? StanceParquet.read(stances) : List.<StanceRow>of());
  }

  private boolean missesStances(StatusRow r) {
    return writesStance && r.status().equals(StatusRow.OK) && !Files.isRegularFile(stances);
  }

  /** The status row in a trade part's footer (read alone), or null when it holds none. */
  private static StatusRow footerStatus(Path trades) throws IOException {
    return StatusFooter.decode(ParquetColumns.footer(trades).getKeyValueMetaData());
  }

  /**
   * Records an ok pair: its stance rows first (a stance strategy; ignored otherwise), then its legs
   * with {@code status} in the footer. An earlier trade part of the pair is removed before the
   * stance part is replaced, so a pair killed in between is not done rather than done with another
   * run's stances.
   */
  void writeOk(StatusRow status, List<TradeLeg> legs, List<StanceRow> stanceRows)
      throws IOException {
    requireNonNull(status, "status is null");
    if (writesStance) {
      requireNonNull(stanceRows, "stanceRows is null");
      Files.deleteIfExists(trades);
      StanceParquet.write(stances, stanceRows);
    }
    TradeParquet.write(trades, legs, StatusFooter.encode(status));
  }

  /** Records a failed pair: a trade part without legs whose footer holds {@code status}. */
  void writeFailed(StatusRow status) throws IOException {
    TradeParquet.write(trades, List.of(), StatusFooter.encode(requireNonNull(status, "status")));
  }

  /**
   * The status rows recorded so far under a run's parts folder, in path order; parts being written
   * (temporary files), unreadable parts and parts without a status are left out.
   */
  static List<StatusRow> statuses(Path partsDir) throws IOException {
    List<StatusRow> rows = new ArrayList<>();
    if (!Files.isDirectory(partsDir)) {
      return rows;
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(partsDir)) {
      files =
          s.filter(p -> p.getFileName().toString().endsWith(TRADES) && !AtomicFiles.isTemporary(p))
              .sorted()
              .toList();
    }
    for (Path f : files) {
      try {
        StatusRow r = footerStatus(f);
        if (r != null) {
          rows.add(r);
        }
      } catch (IOException | RuntimeException e) {
        LOG.debug("ignoring unreadable part {}: {}", f, e.getMessage());
      }
    }
    return rows;
  }
}
