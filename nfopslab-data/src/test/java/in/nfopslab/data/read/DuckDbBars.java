package in.nfopslab.data.read;

import in.nfopslab.core.calendar.Session;
import in.nfopslab.core.time.Ist;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * The test oracle: per-second bars computed by DuckDB SQL straight from a raw file, with the same
 * rules as the reader (rows ordered by timestamp then file order, exact duplicates once,
 * null/pre-2000 timestamps and non-positive prices dropped, negative vol_delta as 0), densified
 * with a forward fill.
 */
public final class DuckDbBars {
  /**
   * Dense oracle bars; {@code oi} (last non-null open interest, forward-filled from 0) only when
   * asked for.
   */
  public record Bars(double[] close, long[] volume, int[] ticks, long[] oi) {}

  private DuckDbBars() {}

  /** {@code naiveIst}: the file's timestamps are IST wall clock without time zone. */
  public static Bars compute(Path file, Session session, boolean naiveIst, boolean hasOi)
      throws SQLException {
    long open = session.openEpochSecond() * Ist.NANOS_PER_SECOND;
    long end = open + session.seconds() * Ist.NANOS_PER_SECOND;
    String ns =
        naiveIst
            ? "(epoch_ns(timestamp) - " + Ist.OFFSET_SECONDS * Ist.NANOS_PER_SECOND + ")"
            : "epoch_ns(timestamp)";
    String oi = hasOi ? ", oi" : "";
    String sql =
        "WITH raw AS (SELECT "
            + ns
            + " AS ns, close, vol_delta AS v"
            + oi
            + ", file_row_number AS rn"
            + " FROM read_parquet('"
            + file.toString().replace("'", "''")
            + "', file_row_number = true)),"
            + " clean AS (SELECT * FROM raw WHERE ns IS NOT NULL AND ns >= 946684800000000000 AND close > 0"
            + " AND ns >= "
            + open
            + " AND ns < "
            + end
            + "),"
            + " dedup AS (SELECT ns, close, v"
            + oi
            + ", min(rn) AS rn FROM clean GROUP BY ALL),"
            + " ranked AS (SELECT (ns - "
            + open
            + ") // 1000000000 AS s, close, v"
            + oi
            + ","
            + " row_number() OVER (PARTITION BY (ns - "
            + open
            + ") // 1000000000 ORDER BY ns DESC, rn DESC) AS k"
            + (hasOi
                ? ", row_number() OVER (PARTITION BY (ns - "
                    + open
                    + ") // 1000000000 ORDER BY (oi IS NULL), ns DESC,"
                    + " rn DESC) AS ko"
                : "")
            + " FROM dedup)"
            + " SELECT s, max(CASE WHEN k = 1 THEN close END) AS last_close, sum(greatest(coalesce(v, 0), 0)) AS vol,"
            + " count(*) AS n"
            + (hasOi ? ", max(CASE WHEN ko = 1 THEN oi END) AS last_oi" : "")
            + " FROM ranked GROUP BY s ORDER BY s";
    int seconds = session.seconds();
    double[] close = new double[seconds];
    long[] volume = new long[seconds];
    int[] ticks = new int[seconds];
    long[] oiBars = hasOi ? new long[seconds] : null;
    boolean[] oiSet = new boolean[seconds];
    Arrays.fill(close, Double.NaN);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        int s = (int) rs.getLong(1);
        close[s] = rs.getDouble(2);
        volume[s] = rs.getLong(3);
        ticks[s] = (int) rs.getLong(4);
        if (hasOi) {
          long o = rs.getLong(5);
          if (!rs.wasNull()) {
            oiBars[s] = o;
            oiSet[s] = true;
          }
        }
      }
    }
    double last = Double.NaN;
    long lastOi = 0L;
    for (int s = 0; s < seconds; s++) {
      if (ticks[s] > 0) {
        last = close[s];
      } else {
        close[s] = last;
      }
      if (hasOi) {
        if (oiSet[s]) {
          lastOi = oiBars[s];
        } else {
          oiBars[s] = lastOi;
        }
      }
    }
    return new Bars(close, volume, ticks, oiBars);
  }
}
