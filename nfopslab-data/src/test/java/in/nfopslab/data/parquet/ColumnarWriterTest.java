package in.nfopslab.data.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.data.read.ParquetArrays;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnarWriterTest {
  static final MessageType SCHEMA = MessageTypeParser.parseMessageType(
      "message t { required int32 a; required int64 b; required double c; optional int64 d; optional int64 e; }");

  @TempDir Path dir;

  @Test
  void columnsComeBackExactlyThroughTheReaderAndDuckDb() throws Exception {
    int n = 3 * ColumnarWriter.PAGE_ROWS + 123; // several pages, the last one short
    SplittableRandom r = new SplittableRandom(5);
    int[] a = new int[n];
    long[] b = new long[n];
    double[] c = new double[n];
    long[] d = new long[n];
    for (int i = 0; i < n; i++) {
      a[i] = i / 1000 - 7; // runs, negative too
      b[i] = r.nextLong(); // deltas overflow
      c[i] = Math.round(r.nextDouble() * 20_000) / 20.0;
      d[i] = 1_000_000 + r.nextInt(100) - 50;
    }
    Path f = dir.resolve("t.parquet");
    ColumnarWriter.write(f, SCHEMA, Map.of("k", "v"), n, List.of(ColumnarWriter.Column.of("a", a),
        ColumnarWriter.Column.of("b", b), ColumnarWriter.Column.of("c", c), ColumnarWriter.Column.of("d", d),
        ColumnarWriter.Column.nulls("e")));

    ParquetArrays.Result back = ParquetArrays.read(f, List.of("a", "b", "d", "e"), List.of("c"));
    assertThat(back.rows()).isEqualTo(n);
    assertThat(back.metadata()).containsEntry("k", "v");
    long[] a2 = back.longs().get("a");
    for (int i = 0; i < n; i++) {
      assertThat((int) a2[i]).isEqualTo(a[i]);
    }
    assertThat(back.longs().get("b")).containsExactly(b);
    assertThat(back.doubles().get("c")).containsExactly(c);
    assertThat(back.longs().get("d")).containsExactly(d);
    assertThat(back.nulls()).doesNotContainKey("d");
    assertThat(back.nulls().get("e")).hasSize(n).doesNotContain(false);

    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*), sum(a), sum(b::HUGEINT)::VARCHAR, sum(c), sum(d), count(e),"
            + " min(b), max(c) FROM read_parquet('" + f + "')")) {
      rs.next();
      long sumA = 0;
      java.math.BigInteger sumB = java.math.BigInteger.ZERO;
      double sumC = 0;
      long sumD = 0;
      long minB = Long.MAX_VALUE;
      double maxC = 0;
      for (int i = 0; i < n; i++) {
        sumA += a[i];
        sumB = sumB.add(java.math.BigInteger.valueOf(b[i]));
        sumC += c[i];
        sumD += d[i];
        minB = Math.min(minB, b[i]);
        maxC = Math.max(maxC, c[i]);
      }
      assertThat(rs.getLong(1)).isEqualTo(n);
      assertThat(rs.getLong(2)).isEqualTo(sumA);
      assertThat(rs.getString(3)).isEqualTo(sumB.toString());
      assertThat(rs.getDouble(4)).isCloseTo(sumC, org.assertj.core.data.Offset.offset(1e-3));
      assertThat(rs.getLong(5)).isEqualTo(sumD);
      assertThat(rs.getLong(6)).isZero();
      assertThat(rs.getLong(7)).isEqualTo(minB);
      assertThat(rs.getDouble(8)).isEqualTo(maxC);
    }
  }
}
