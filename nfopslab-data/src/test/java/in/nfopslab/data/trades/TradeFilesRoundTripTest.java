package in.nfopslab.data.trades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.nfopslab.core.trade.Side;
import in.nfopslab.core.trade.StanceRow;
import in.nfopslab.core.trade.TradeLeg;
import in.nfopslab.data.parquet.ParquetColumns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trade legs and stance rows survive a write and a read unchanged, in the documented schema. */
class TradeFilesRoundTripTest {
  @TempDir Path dir;

  private static final LocalDate D = LocalDate.of(2024, 12, 10);

  private static TradeLeg leg(
      long id, int no, String type, Side side, LocalDate expiry, Map<String, Double> extra) {
    return new TradeLeg(
        "iron_condor",
        "short2_wing2",
        "NIFTY",
        id,
        no,
        D,
        expiry,
        type,
        24300 + 100 * no,
        side,
        1,
        25,
        LocalDateTime.of(D, java.time.LocalTime.of(10, 0)),
        LocalDateTime.of(2024, 12, 10, 10, 0, 1, 123_456_000),
        101.35,
        LocalDateTime.of(2024, 12, 10, 15, 15, 0),
        88.05,
        "eod",
        side.sign() * (88.05 - 101.35),
        side.sign() * (88.05 - 101.35) * 25,
        new TreeMap<>(extra));
  }

  @Test
  void legsComeBackEqualWithTheirExtraColumnsAndNullsWhereAbsent() throws Exception {
    List<TradeLeg> legs =
        List.of(
            leg(1, 0, "CE", Side.SELL, LocalDate.of(2024, 12, 12), Map.of("iv_at_entry", 0.1432)),
            leg(1, 1, "PE", Side.BUY, LocalDate.of(2024, 12, 12), Map.of()),
            leg(
                2,
                0,
                "FUT",
                Side.BUY,
                null,
                Map.of("hedge_delta", -0.37, "iv_at_entry", Double.NaN)));
    Path file = dir.resolve("iron_condor_NIFTY_2024-12-01_2024-12-31.parquet");
    TradeParquet.write(file, legs);

    assertThat(TradeParquet.read(file)).isEqualTo(legs);
    assertThat(ResultKind.of(file)).isEqualTo(ResultKind.TRADE_LEGS);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file); // no temporary file left behind
    }
  }

  @Test
  void theSchemaIsTheUniformColumnsInOrderThenOneDoublePerExtraKey() throws Exception {
    Path file = dir.resolve("t.parquet");
    TradeParquet.write(
        file, List.of(leg(1, 0, "CE", Side.BUY, D, Map.of("z_score", 1.0, "iv_at_entry", 0.2))));
    MessageType schema = ParquetColumns.footer(file).getSchema();
    List<String> names = new ArrayList<>();
    schema.getFields().forEach(f -> names.add(f.getName()));
    List<String> expected = new ArrayList<>(TradeLeg.COLUMNS);
    expected.addAll(List.of("iv_at_entry", "z_score"));
    assertThat(names).isEqualTo(expected);
    LogicalTypeAnnotation ts = schema.getType("entry_ts").getLogicalTypeAnnotation();
    assertThat(ts)
        .isEqualTo(
            LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS));
    assertThat(schema.getType("trade_date").getLogicalTypeAnnotation())
        .isEqualTo(LogicalTypeAnnotation.dateType());
    assertThat(schema.getType("strategy").getLogicalTypeAnnotation())
        .isEqualTo(LogicalTypeAnnotation.stringType());
    assertThat(
            schema
                .getType("z_score")
                .isRepetition(org.apache.parquet.schema.Type.Repetition.OPTIONAL))
        .isTrue();
  }

  @Test
  void anotherToolReadsTheTimestampsAsTheIstWallClock() throws Exception {
    Path file = dir.resolve("t.parquet");
    TradeParquet.write(file, List.of(leg(7, 0, "CE", Side.BUY, D, Map.of("iv_at_entry", 0.2))));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select strftime(entry_ts, '%Y-%m-%d %H:%M:%S.%f'), typeof(entry_ts), trade_id, iv_at_entry"
                    + " from read_parquet('"
                    + file
                    + "')")) {
      assertThat(rs.next()).isTrue();
      // 10:00:01.123456 IST is stored as naive 10:00:01.123456, not shifted by 5:30
      assertThat(rs.getString(1)).isEqualTo("2024-12-10 10:00:01.123456");
      assertThat(rs.getString(2)).isEqualTo("TIMESTAMP");
      assertThat(rs.getLong(3)).isEqualTo(7L);
      assertThat(rs.getDouble(4)).isEqualTo(0.2);
    }
  }

  @Test
  void utcAdjustedTimestampsFromOtherWritersAreConvertedToIst() throws Exception {
    Path file = dir.resolve("pandas.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("set timezone='UTC'");
      // a file another tool wrote with instants (TIMESTAMPTZ) in nanoseconds-free micros, UTC 04:30
      // = 10:00 IST
      s.execute(
          "copy (select 'orb' strategy, 'default' params_id, 'NIFTY' symbol, 1::bigint trade_id, 0 leg,"
              + " date '2024-12-10' trade_date, date '2024-12-12' expiry, 'CE' opt_type, 24300 strike, 'BUY' side,"
              + " 1 lots, 25 lot_size, timestamptz '2024-12-10 04:30:00+00' signal_ts,"
              + " timestamptz '2024-12-10 04:30:01+00' entry_ts, 100.0 entry_price,"
              + " timestamptz '2024-12-10 09:45:00+00' exit_ts, 110.0 exit_price, 'eod' exit_reason,"
              + " 10.0 pnl_points, 250.0 pnl_inr, 'x' comment) to '"
              + file
              + "' (format parquet)");
    }
    TradeLeg l = TradeParquet.read(file).get(0);
    assertThat(l.entryTs()).isEqualTo(LocalDateTime.of(2024, 12, 10, 10, 0, 1));
    assertThat(l.exitTs()).isEqualTo(LocalDateTime.of(2024, 12, 10, 15, 15, 0));
    assertThat(l.extra()).isEmpty(); // the string column is not a numeric extra
  }

  @Test
  void aFileWithoutAUniformColumnIsAnErrorNamingFileAndColumn() throws Exception {
    Path file = dir.resolve("bad.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("copy (select 'orb' strategy, 1 trade_id) to '" + file + "' (format parquet)");
    }
    assertThatThrownBy(() -> TradeParquet.read(file))
        .hasMessageContaining(file.toString())
        .hasMessageContaining("missing column 'params_id'");
    assertThat(ResultKind.of(file)).isEqualTo(ResultKind.OTHER);
    Path notParquet = dir.resolve("x.parquet");
    Files.writeString(notParquet, "not parquet");
    assertThatThrownBy(() -> TradeParquet.read(notParquet))
        .hasMessageContaining("not a readable Parquet file");
  }

  @Test
  void stanceRowsRoundTripAndAreToldApartFromTradeFiles() throws Exception {
    List<StanceRow> rows =
        List.of(
            new StanceRow(
                "dispersion",
                "default",
                "NIFTY",
                D,
                D.atTime(10, 0),
                "long_dispersion",
                "",
                new TreeMap<>(
                    Map.of(
                        "index_iv",
                        0.14,
                        "index_rv",
                        0.11,
                        "basket_rv",
                        0.12,
                        "implied_corr_proxy",
                        1.36))),
            new StanceRow(
                "dispersion",
                "default",
                "NIFTY",
                D.plusDays(1),
                D.plusDays(1).atTime(10, 0),
                "no_data",
                "no basket configured",
                new TreeMap<>(Map.of("index_iv", 0.15, "index_rv", 0.10))));
    Path file = dir.resolve("dispersion_NIFTY_2024-12-01_2024-12-31.parquet");
    StanceParquet.write(file, rows);
    assertThat(StanceParquet.read(file)).isEqualTo(rows);
    assertThat(ResultKind.of(file)).isEqualTo(ResultKind.STANCE);
  }

  @Test
  void anExtraKeyThatClashesWithAUniformColumnIsRejected() {
    assertThatThrownBy(
            () ->
                TradeParquet.write(
                    dir.resolve("t.parquet"),
                    List.of(leg(1, 0, "CE", Side.BUY, D, Map.of("strike", 1.0)))))
        .hasMessageContaining("numeric column 'strike' would clash");
    assertThat(dir.resolve("t.parquet")).doesNotExist();
  }
}
