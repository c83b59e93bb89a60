package in.nfopslab.data.trades;

import in.nfopslab.data.parquet.ParquetColumns;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.parquet.hadoop.metadata.FileMetaData;

/**
 * What a Parquet file in backtests/results holds, from its footer: the {@code nfopslab.kind} key
 * the writers of this package set, else its columns (so files written by other tools in the same
 * shape are read too).
 */
public enum ResultKind {
  /** Trade legs in the uniform schema ({@link TradeParquet}). */
  TRADE_LEGS,
  /** Daily stances of a strategy that does not trade ({@link StanceParquet}). */
  STANCE,
  /** Anything else (e.g. run_all_status_*.parquet). */
  OTHER;

  public static ResultKind of(Path file) throws IOException {
    FileMetaData footer;
    try {
      footer = ParquetColumns.footer(file);
    } catch (RuntimeException e) {
      throw new IOException(file + ": not a readable Parquet file: " + e.getMessage(), e);
    }
    String kind = footer.getKeyValueMetaData().get(ParquetColumns.KIND_KEY);
    if (TradeParquet.KIND.equals(kind)) {
      return TRADE_LEGS;
    }
    if (StanceParquet.KIND.equals(kind)) {
      return STANCE;
    }
    if (kind != null) {
      return OTHER;
    }
    var schema = footer.getSchema();
    if (schema.containsField("stance") && schema.containsField("trade_date")) {
      return STANCE;
    }
    if (schema.containsField("trade_id")
        && schema.containsField("entry_ts")
        && schema.containsField("pnl_points")) {
      return TRADE_LEGS;
    }
    return OTHER;
  }
}
