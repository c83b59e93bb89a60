package in.nfopslab.data.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DuckDB, an independent Parquet reader, reads every generated file with the row counts and types
 * we claim.
 */
class DuckDbReadsGeneratedLabTest {
  private static TinyLab lab;
  private static Connection duck;

  @BeforeAll
  static void open() throws SQLException {
    lab = TinyLab.get();
    duck = DriverManager.getConnection("jdbc:duckdb:");
  }

  @AfterAll
  static void close() throws SQLException {
    duck.close();
  }

  @Test
  void readsEveryPackedFileWithTheManifestsRowCount() throws SQLException {
    Map<String, Long> counts = new HashMap<>();
    String glob = sql(lab.paths.packed().toString() + "/**/*.parquet");
    try (Statement s = duck.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select filename, count(*) from read_parquet('"
                    + glob
                    + "', filename = true, union_by_name = true, hive_partitioning = false) group by filename")) {
      while (rs.next()) {
        counts.put(
            lab.paths.data().relativize(Path.of(rs.getString(1))).toString().replace('\\', '/'),
            rs.getLong(2));
      }
    }

    assertThat(counts).hasSize(lab.manifest.size());
    for (ManifestEntry e : lab.manifest) {
      assertThat(counts.get(e.path())).as(e.path()).isEqualTo(e.rows());
    }
  }

  @Test
  void seesUtcTimestampsInMicrosForOptionsAndNanosForSpotAndFutures() throws SQLException {
    assertThat(timestampType(lab.entries(ManifestEntry.Kind.OPTION).get(0)))
        .isEqualTo("TIMESTAMP WITH TIME ZONE");
    assertThat(timestampType(lab.entries(ManifestEntry.Kind.SPOT).get(0)))
        .isEqualTo("TIMESTAMPTZ_NS");
    assertThat(timestampType(lab.entries(ManifestEntry.Kind.FUTURES).get(0)))
        .isEqualTo("TIMESTAMPTZ_NS");
  }

  @Test
  void timestampsAreIstSessionSecondsAndMatchTheManifestRange() throws SQLException {
    for (ManifestEntry e :
        java.util.List.of(
            lab.entries(ManifestEntry.Kind.OPTION).get(0),
            lab.entries(ManifestEntry.Kind.SPOT).get(0),
            lab.entries(ManifestEntry.Kind.FUTURES).get(0))) {
      String epochNs =
          e.kind() == ManifestEntry.Kind.OPTION
              ? "epoch_us(timestamp) * 1000"
              : "epoch_ns(timestamp)";
      String q =
          "select min("
              + epochNs
              + "), max("
              + epochNs
              + "), "
              + "min((("
              + epochNs
              + ") // 1000000000 + 19800) % 86400), max((("
              + epochNs
              + ") // 1000000000 + 19800) % 86400) "
              + "from read_parquet('"
              + sql(lab.file(e).toString())
              + "')";
      try (Statement s = duck.createStatement();
          ResultSet rs = s.executeQuery(q)) {
        rs.next();
        assertThat(rs.getLong(1)).as(e.path()).isEqualTo(e.tminNanos());
        assertThat(rs.getLong(2)).as(e.path()).isEqualTo(e.tmaxNanos());
        assertThat(rs.getLong(3)).as(e.path()).isGreaterThanOrEqualTo(9 * 3600 + 15 * 60);
        assertThat(rs.getLong(4)).as(e.path()).isLessThanOrEqualTo(15 * 3600 + 30 * 60);
      }
    }
  }

  @Test
  void readsTheTruthSidecar() throws SQLException {
    String file = sql(lab.paths.meta().resolve(SyntheticMarket.TRUTH_FILE).toString());
    try (Statement s = duck.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select count(*), min(iv), max(iv), min(model_price) from read_parquet('"
                    + file
                    + "')")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(lab.report.truthRows());
      assertThat(rs.getDouble(2)).isPositive();
      assertThat(rs.getDouble(3)).isLessThan(3);
      assertThat(rs.getDouble(4)).isGreaterThanOrEqualTo(0);
    }
  }

  private static String timestampType(ManifestEntry e) throws SQLException {
    try (Statement s = duck.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select typeof(timestamp) from read_parquet('"
                    + sql(lab.file(e).toString())
                    + "') limit 1")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String sql(String text) {
    return text.replace("'", "''");
  }
}
