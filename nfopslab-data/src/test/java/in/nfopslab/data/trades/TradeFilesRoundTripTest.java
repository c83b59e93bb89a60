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

  private static List<TradeLeg> mixedLegs() {
    return List.of(
        leg(1, 0, "CE", Side.SELL, LocalDate.of(2024, 12, 12), Map.of("iv_at_entry", 0.1432)),
        leg(1, 1, "PE", Side.BUY, LocalDate.of(2024, 12, 12), Map.of()),
        leg(2, 0, "FUT", Side.BUY, null, Map.of("hedge_delta", -0.37, "iv_at_entry", -1.5)));
  }

  @Test
  void legsWithoutExtraKeysAndZeroLegsRoundTrip() throws Exception {
    Path plain = dir.resolve("plain.parquet");
    List<TradeLeg> legs =
        List.of(leg(3, 0, "CE", Side.BUY, D, Map.of()), leg(3, 1, "PE", Side.SELL, null, Map.of()));
    TradeParquet.write(plain, legs);
    assertThat(TradeParquet.read(plain)).isEqualTo(legs);
    assertThat(ParquetColumns.footer(plain).getSchema().getFieldCount())
        .isEqualTo(TradeLeg.COLUMNS.size());

    Path empty = dir.resolve("empty.parquet");
    TradeParquet.write(empty, List.of());
    assertThat(TradeParquet.read(empty)).isEmpty();
    assertThat(ResultKind.of(empty)).isEqualTo(ResultKind.TRADE_LEGS);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from read_parquet('" + empty + "')")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isZero();
    }
  }

  @Test
  void duckDbReadsEveryColumnOfAWrittenTradeFileWithItsNulls() throws Exception {
    List<TradeLeg> legs = mixedLegs();
    Path file = dir.resolve("t.parquet");
    TradeParquet.write(file, legs);
    java.time.format.DateTimeFormatter micros =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select strategy, params_id, symbol, trade_id, leg, strftime(trade_date, '%Y-%m-%d'),"
                    + " strftime(expiry, '%Y-%m-%d'), opt_type, strike, side, lots, lot_size,"
                    + " strftime(signal_ts, '%Y-%m-%d %H:%M:%S.%f'), strftime(entry_ts, '%Y-%m-%d %H:%M:%S.%f'),"
                    + " entry_price, strftime(exit_ts, '%Y-%m-%d %H:%M:%S.%f'), exit_price, exit_reason,"
                    + " pnl_points, pnl_inr, hedge_delta, iv_at_entry from read_parquet('"
                    + file
                    + "')")) {
      for (TradeLeg l : legs) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo(l.strategy());
        assertThat(rs.getString(2)).isEqualTo(l.paramsId());
        assertThat(rs.getString(3)).isEqualTo(l.symbol());
        assertThat(rs.getLong(4)).isEqualTo(l.tradeId());
        assertThat(rs.getInt(5)).isEqualTo(l.leg());
        assertThat(rs.getString(6)).isEqualTo(l.tradeDate().toString());
        assertThat(rs.getString(7)).isEqualTo(l.expiry() == null ? null : l.expiry().toString());
        assertThat(rs.getString(8)).isEqualTo(l.optType());
        assertThat(rs.getInt(9)).isEqualTo(l.strike());
        assertThat(rs.getString(10)).isEqualTo(l.side().name());
        assertThat(rs.getInt(11)).isEqualTo(l.lots());
        assertThat(rs.getInt(12)).isEqualTo(l.lotSize());
        assertThat(rs.getString(13)).isEqualTo(micros.format(l.signalTs()));
        assertThat(rs.getString(14)).isEqualTo(micros.format(l.entryTs()));
        assertThat(rs.getDouble(15)).isEqualTo(l.entryPrice());
        assertThat(rs.getString(16)).isEqualTo(micros.format(l.exitTs()));
        assertThat(rs.getDouble(17)).isEqualTo(l.exitPrice());
        assertThat(rs.getString(18)).isEqualTo(l.exitReason());
        assertThat(rs.getDouble(19)).isEqualTo(l.pnlPoints());
        assertThat(rs.getDouble(20)).isEqualTo(l.pnlInr());
        assertThat(rs.getObject(21)).isEqualTo(l.extra().get("hedge_delta"));
        assertThat(rs.getObject(22)).isEqualTo(l.extra().get("iv_at_entry"));
      }
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void stringColumnsHaveADictionaryAndEveryColumnIsZstd() throws Exception {
    Path file = dir.resolve("t.parquet");
    TradeParquet.write(file, mixedLegs());
    try (org.apache.parquet.hadoop.ParquetFileReader r =
        org.apache.parquet.hadoop.ParquetFileReader.open(
            new org.apache.parquet.io.LocalInputFile(file), ParquetColumns.options())) {
      var chunks = r.getFooter().getBlocks().get(0).getColumns();
      assertThat(chunks).hasSize(TradeLeg.COLUMNS.size() + 2);
      for (var chunk : chunks) {
        String name = chunk.getPath().toDotString();
        boolean dictionary =
            chunk.getEncodings().contains(org.apache.parquet.column.Encoding.RLE_DICTIONARY);
        assertThat(chunk.getCodec())
            .as(name)
            .isEqualTo(org.apache.parquet.hadoop.metadata.CompressionCodecName.ZSTD);
        boolean binary =
            chunk.getPrimitiveType().getPrimitiveTypeName()
                == org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
        if (!binary) {
          assertThat(dictionary).as(name).isFalse();
        } else if (List.of("strategy", "params_id", "symbol").contains(name)) {
          // the same value on every row (parquet-java falls back to plain where a dictionary
          // would not be smaller, as in opt_type here)
          assertThat(dictionary).as(name).isTrue();
        }
      }
    }
    assertThat(ParquetColumns.footer(file).getKeyValueMetaData())
        .containsExactly(Map.entry(ParquetColumns.KIND_KEY, TradeParquet.KIND));
  }

  @Test
  void footerKeyValuesAreWrittenNextToTheKindAndReadBackWithTheLegs() throws Exception {
    List<TradeLeg> legs = mixedLegs();
    Path file = dir.resolve("part.parquet");
    Map<String, String> footer = Map.of("a.key", "line one\nline two", "b.key", "");
    TradeParquet.write(file, legs, footer);

    TradeParquet.Contents c = TradeParquet.readWithFooter(file);
    assertThat(c.legs()).isEqualTo(legs);
    assertThat(c.footer())
        .containsOnly(
            Map.entry("a.key", "line one\nline two"),
            Map.entry("b.key", ""),
            Map.entry(ParquetColumns.KIND_KEY, TradeParquet.KIND));
    assertThat(c.footer()).isEqualTo(ParquetColumns.footer(file).getKeyValueMetaData());
    assertThat(ResultKind.of(file)).isEqualTo(ResultKind.TRADE_LEGS);
    // without extra keys the footer is the kind alone, as before
    Path plain = dir.resolve("plain.parquet");
    TradeParquet.write(plain, legs);
    assertThat(TradeParquet.readWithFooter(plain).footer())
        .containsExactly(Map.entry(ParquetColumns.KIND_KEY, TradeParquet.KIND));
  }

  @Test
  void theKindKeyCannotBeOverriddenByExtraFooterKeys() {
    assertThatThrownBy(
            () ->
                TradeParquet.write(
                    dir.resolve("x.parquet"),
                    mixedLegs(),
                    Map.of(ParquetColumns.KIND_KEY, StanceParquet.KIND)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(ParquetColumns.KIND_KEY);
    assertThat(dir.resolve("x.parquet")).doesNotExist();
  }

  @Test
  void aTradeFileWrittenThroughParquetJavasRecordPathIsStillRead() throws Exception {
    List<TradeLeg> legs = mixedLegs();
    MessageType schema = TradeParquet.schema(List.of("hedge_delta", "iv_at_entry"));
    Path file = dir.resolve("old.parquet");
    try (org.apache.parquet.hadoop.ParquetWriter<org.apache.parquet.example.data.Group> w =
        org.apache.parquet.hadoop.example.ExampleParquetWriter.builder(
                new org.apache.parquet.io.LocalOutputFile(file))
            .withConf(new org.apache.parquet.conf.PlainParquetConfiguration())
            .withType(schema)
            .withDictionaryEncoding(true)
            .withExtraMetaData(footerWithAKeyWithoutValue())
            .build()) {
      for (TradeLeg l : legs) {
        var g = new org.apache.parquet.example.data.simple.SimpleGroup(schema);
        g.add("strategy", l.strategy());
        g.add("params_id", l.paramsId());
        g.add("symbol", l.symbol());
        g.add("trade_id", l.tradeId());
        g.add("leg", l.leg());
        g.add("trade_date", (int) l.tradeDate().toEpochDay());
        if (l.expiry() != null) {
          g.add("expiry", (int) l.expiry().toEpochDay());
        }
        g.add("opt_type", l.optType());
        g.add("strike", l.strike());
        g.add("side", l.side().name());
        g.add("lots", l.lots());
        g.add("lot_size", l.lotSize());
        g.add("signal_ts", ParquetColumns.micros(l.signalTs()));
        g.add("entry_ts", ParquetColumns.micros(l.entryTs()));
        g.add("entry_price", l.entryPrice());
        g.add("exit_ts", ParquetColumns.micros(l.exitTs()));
        g.add("exit_price", l.exitPrice());
        g.add("exit_reason", l.exitReason());
        g.add("pnl_points", l.pnlPoints());
        g.add("pnl_inr", l.pnlInr());
        for (Map.Entry<String, Double> e : l.extra().entrySet()) {
          g.add(e.getKey(), e.getValue());
        }
        w.write(g);
      }
    }
    assertThat(TradeParquet.read(file)).isEqualTo(legs);
    assertThat(TradeParquet.readWithFooter(file).footer())
        .containsEntry("written.by", "another tool")
        .containsKey("no.value");
  }

  /** Footer metadata another tool might write: Parquet allows a key without a value. */
  private static Map<String, String> footerWithAKeyWithoutValue() {
    Map<String, String> m = new java.util.HashMap<>();
    m.put("written.by", "another tool");
    m.put("no.value", null);
    return m;
  }

  private static StanceRow stance(
      LocalDate day, String stance, String note, Map<String, Double> values) {
    return new StanceRow(
        "dispersion",
        "default",
        "NIFTY",
        day,
        day.atTime(10, 0),
        stance,
        note,
        new TreeMap<>(values));
  }

  @Test
  void stanceRowsWithoutValuesAndZeroStanceRowsRoundTrip() throws Exception {
    List<StanceRow> rows = List.of(stance(D, "neutral", "", Map.of()));
    Path file = dir.resolve("s.parquet");
    StanceParquet.write(file, rows);
    assertThat(StanceParquet.read(file)).isEqualTo(rows);
    Path empty = dir.resolve("s0.parquet");
    StanceParquet.write(empty, List.of());
    assertThat(StanceParquet.read(empty)).isEmpty();
    assertThat(ResultKind.of(empty)).isEqualTo(ResultKind.STANCE);
  }

  @Test
  void stanceRowsRoundTripAndAreToldApartFromTradeFiles() throws Exception {
    List<StanceRow> rows =
        List.of(
            stance(
                D,
                "long_dispersion",
                "",
                Map.of(
                    "index_iv",
                    0.14,
                    "index_rv",
                    0.11,
                    "basket_rv",
                    0.12,
                    "implied_corr_proxy",
                    1.36)),
            stance(
                D.plusDays(1),
                "no_data",
                "no basket configured",
                Map.of("index_iv", 0.15, "index_rv", 0.10)));
    Path file = dir.resolve("dispersion_NIFTY_2024-12-01_2024-12-31.parquet");
    StanceParquet.write(file, rows);
    assertThat(StanceParquet.read(file)).isEqualTo(rows);
    assertThat(ResultKind.of(file)).isEqualTo(ResultKind.STANCE);
  }

  @Test
  void aDamagedPageIsAnErrorNamingTheFile() throws Exception {
    Path file = dir.resolve("damaged.parquet");
    List<TradeLeg> legs = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      legs.add(leg(i, 0, "CE", Side.BUY, D, Map.of("iv_at_entry", i / 7.0)));
    }
    TradeParquet.write(file, legs);
    byte[] bytes = Files.readAllBytes(file);
    // flip bytes in the middle of the pages (the footer is at the end)
    for (int i = bytes.length / 4; i < bytes.length / 4 + 16; i++) {
      bytes[i] ^= (byte) 0x5a;
    }
    Files.write(file, bytes);
    assertThatThrownBy(() -> TradeParquet.read(file))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining(file.toString());
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
