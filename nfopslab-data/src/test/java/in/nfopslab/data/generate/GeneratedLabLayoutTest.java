package in.nfopslab.data.generate;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.calendar.ExpiryCalendar;
import in.nfopslab.core.calendar.ExpiryEntry;
import in.nfopslab.core.calendar.ExpiryType;
import in.nfopslab.core.calendar.Session;
import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.core.time.Ist;
import in.nfopslab.data.meta.ExpiryCalendarCsv;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GeneratedLabLayoutTest {
  private static TinyLab lab;

  @BeforeAll
  static void generate() {
    lab = TinyLab.get();
  }

  @Test
  void manifestListsExactlyTheFilesUnderPacked() throws IOException {
    Set<String> onDisk;
    try (Stream<Path> walk = Files.walk(lab.paths.packed())) {
      onDisk =
          walk.filter(Files::isRegularFile)
              .map(p -> lab.paths.data().relativize(p).toString().replace(File.separatorChar, '/'))
              .collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> listed =
        lab.manifest.stream()
            .map(ManifestEntry::path)
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(onDisk).isNotEmpty().isEqualTo(listed);
    assertThat(lab.manifest).hasSize(lab.report.files());
  }

  @Test
  void everyFileSitsWhereLabPathsPutsIt() {
    LabPaths p = lab.paths;
    for (ManifestEntry e : lab.manifest) {
      Path expected =
          switch (e.kind()) {
            case SPOT -> p.spotFile(e.symbol(), tradeDateOf(e));
            case FUTURES -> p.futuresFile(e.symbol(), e.expiry());
            case OPTION -> p.optionFile(e.symbol(), e.expiry(), e.optType(), e.strike());
          };
      assertThat(lab.file(e)).as(e.path()).isEqualTo(expected);
    }
    assertThat(lab.entries(ManifestEntry.Kind.OPTION).get(0).path())
        .matches(
            "packed/options/[A-Z]+/\\d{6}/exp=\\d{4}-\\d\\d-\\d\\d/type=(CE|PE)/strike=\\d+\\.parquet");
  }

  @Test
  void spotHasOneFilePerSymbolAndTradingDay() {
    Set<String> got =
        lab.entries(ManifestEntry.Kind.SPOT).stream()
            .map(e -> e.symbol() + " " + tradeDateOf(e))
            .collect(Collectors.toSet());
    List<LocalDate> days = lab.meta.calendar().tradingDays(lab.config.start(), lab.config.end());

    assertThat(days).hasSize(3);
    assertThat(got).hasSize(lab.config.symbols().size() * days.size());
    for (Symbol s : lab.config.symbols()) {
      for (LocalDate d : days) {
        assertThat(got).contains(s + " " + d);
      }
    }
  }

  @Test
  void optionSchemaHasTheDesignsColumnsAndTypes() throws IOException {
    MessageType schema =
        ParquetTable.schema(lab.file(lab.entries(ManifestEntry.Kind.OPTION).get(0)));

    assertThat(schema.getFields().stream().map(f -> f.getName()).toList())
        .containsExactly(
            "timestamp",
            "symbol",
            "opt_type",
            "strike",
            "open",
            "high",
            "low",
            "close",
            "vol_delta",
            "expiry",
            "expiry_type",
            "is_monthly",
            "is_weekly",
            "oi");
    assertTimestamp(schema, TimeUnit.MICROS);
    assertString(schema, "symbol");
    assertString(schema, "opt_type");
    assertString(schema, "expiry_type");
    assertPrimitive(schema, "strike", PrimitiveTypeName.INT32, null);
    for (String c : List.of("open", "high", "low", "close")) {
      assertPrimitive(schema, c, PrimitiveTypeName.DOUBLE, null);
    }
    assertPrimitive(schema, "vol_delta", PrimitiveTypeName.INT64, null);
    assertPrimitive(schema, "oi", PrimitiveTypeName.INT64, null);
    assertPrimitive(schema, "expiry", PrimitiveTypeName.INT32, LogicalTypeAnnotation.dateType());
    assertPrimitive(
        schema, "is_monthly", PrimitiveTypeName.INT32, LogicalTypeAnnotation.intType(8, true));
    assertPrimitive(
        schema, "is_weekly", PrimitiveTypeName.INT32, LogicalTypeAnnotation.intType(8, true));
  }

  @Test
  void spotAndFuturesSchemasUseNanosecondUtcTimestamps() throws IOException {
    MessageType spot = ParquetTable.schema(lab.file(lab.entries(ManifestEntry.Kind.SPOT).get(0)));
    MessageType futures =
        ParquetTable.schema(lab.file(lab.entries(ManifestEntry.Kind.FUTURES).get(0)));

    assertThat(spot.getFields().stream().map(f -> f.getName()).toList())
        .containsExactly(
            "timestamp", "symbol", "trade_date", "open", "high", "low", "close", "vol_delta");
    assertTimestamp(spot, TimeUnit.NANOS);
    assertPrimitive(spot, "trade_date", PrimitiveTypeName.INT32, LogicalTypeAnnotation.dateType());
    assertThat(futures.getFields().stream().map(f -> f.getName()).toList())
        .containsExactly(
            "timestamp", "symbol", "expiry", "open", "high", "low", "close", "vol_delta", "oi");
    assertTimestamp(futures, TimeUnit.NANOS);
  }

  @Test
  void everyTimestampIsASessionSecondInIstAndRowsAreSorted() throws IOException {
    for (ManifestEntry e : sample()) {
      ParquetTable t = ParquetTable.read(lab.file(e));
      long nanosPerUnit = e.kind() == ManifestEntry.Kind.OPTION ? 1_000L : 1L;
      long previous = Long.MIN_VALUE;
      for (long raw : t.longs("timestamp")) {
        long nanos = raw * nanosPerUnit;
        LocalDateTime wall = Ist.wallClock(nanos);
        Session session = lab.meta.sessions().sessionFor(wall.toLocalDate());
        assertThat(lab.meta.calendar().isTradingDay(wall.toLocalDate())).as(e.path()).isTrue();
        assertThat(session.indexOf(wall.toLocalTime()))
            .as(e.path() + " at " + wall)
            .isNotNegative();
        assertThat(nanos).as(e.path()).isGreaterThanOrEqualTo(previous);
        previous = nanos;
      }
    }
  }

  @Test
  void manifestRowCountsAndTimeRangesMatchTheFiles() throws IOException {
    for (ManifestEntry e : sample()) {
      ParquetTable t = ParquetTable.read(lab.file(e));
      long nanosPerUnit = e.kind() == ManifestEntry.Kind.OPTION ? 1_000L : 1L;
      long[] ts = t.longs("timestamp");

      assertThat(e.rows()).as(e.path()).isEqualTo(t.size()).isPositive();
      assertThat(e.tminNanos()).as(e.path()).isEqualTo(ts[0] * nanosPerUnit);
      assertThat(e.tmaxNanos()).as(e.path()).isEqualTo(ts[ts.length - 1] * nanosPerUnit);
    }
    long total = lab.manifest.stream().mapToLong(ManifestEntry::rows).sum();
    assertThat(total).isEqualTo(lab.report.packedRows());
  }

  @Test
  void optionFilesCarryTheirContractInEveryRow() throws IOException {
    ExpiryCalendar calendar = lab.meta.expiryCalendar();
    for (ManifestEntry e : sample()) {
      if (e.kind() != ManifestEntry.Kind.OPTION) {
        continue;
      }
      ParquetTable t = ParquetTable.read(lab.file(e));
      ExpiryType type = calendar.entry(e.symbol(), e.expiry()).type();
      for (int i = 0; i < t.size(); i++) {
        var row = t.rows.get(i);
        assertThat(row.getString("symbol", 0)).isEqualTo(e.symbol().name());
        assertThat(row.getString("opt_type", 0)).isEqualTo(e.optType().name());
        assertThat(row.getInteger("strike", 0)).isEqualTo(e.strike());
        assertThat(LocalDate.ofEpochDay(row.getInteger("expiry", 0))).isEqualTo(e.expiry());
        assertThat(row.getString("expiry_type", 0)).isEqualTo(type.label());
        assertThat(row.getInteger("is_monthly", 0)).isEqualTo(type == ExpiryType.MONTHLY ? 1 : 0);
        assertThat(row.getInteger("is_weekly", 0)).isEqualTo(type == ExpiryType.WEEKLY ? 1 : 0);
        assertThat(row.getLong("oi", 0)).isPositive();
        assertThat(row.getLong("vol_delta", 0)).isPositive();
      }
    }
  }

  @Test
  void everyDayListsNearestNextAndMonthlyExpiriesWithStrikesAroundTheOpen() {
    ExpiryCalendar calendar = lab.meta.expiryCalendar();
    for (Symbol s : lab.config.symbols()) {
      int step = lab.meta.strikeStep(s);
      for (LocalDate d : lab.meta.calendar().tradingDays(lab.config.start(), lab.config.end())) {
        // the spot file's open is rounded to 0.05, so the generator's ATM may be one step away:
        // check one step less
        double open = firstSpot(s, d);
        int atm = (int) Math.round(open / step) * step;
        int n = lab.config.sizes().strikesEachSide() - 1;
        for (LocalDate expiry :
            List.of(calendar.nearest(s, d), calendar.next(s, d), calendar.nearestMonthly(s, d))) {
          for (int k = -n; k <= n; k++) {
            for (OptionType type : OptionType.values()) {
              Path f = lab.paths.optionFile(s, expiry, type, atm + k * step);
              assertThat(f).as(s + " " + d + " " + expiry + " " + (atm + k * step) + type).exists();
            }
          }
        }
      }
    }
  }

  @Test
  void futuresAreTheNearestMonthlyContract() {
    ExpiryCalendar calendar = lab.meta.expiryCalendar();
    for (ManifestEntry e : lab.entries(ManifestEntry.Kind.FUTURES)) {
      assertThat(calendar.entry(e.symbol(), e.expiry()).type()).isEqualTo(ExpiryType.MONTHLY);
      assertThat(e.expiry()).isEqualTo(calendar.nearestMonthly(e.symbol(), lab.config.start()));
    }
    assertThat(lab.entries(ManifestEntry.Kind.FUTURES)).hasSize(lab.config.symbols().size());
  }

  @Test
  void writesTheExpiryCalendarItUsed() {
    List<ExpiryEntry> written = ExpiryCalendarCsv.read(lab.paths.expiryCalendarCsv());

    assertThat(written).isEqualTo(lab.meta.expiryCalendar().entries());
    assertThat(written)
        .anyMatch(
            x ->
                x.finalExpiry().equals(LocalDate.of(2024, 1, 25))
                    && x.type() == ExpiryType.MONTHLY);
  }

  @Test
  void truthSidecarHasOneRowPerContractDayAndMinute() throws IOException {
    Path truth = lab.paths.meta().resolve(SyntheticMarket.TRUTH_FILE);
    MessageType schema = ParquetTable.schema(truth);

    assertThat(schema.getFields().stream().map(f -> f.getName()).toList())
        .containsExactly(
            "symbol",
            "trade_date",
            "expiry",
            "opt_type",
            "strike",
            "ts",
            "spot",
            "t_years",
            "rate",
            "dividend",
            "iv",
            "model_price");
    assertTimestamp(schema, "ts", TimeUnit.MICROS);

    ParquetTable t = ParquetTable.read(truth);
    java.util.Map<String, Integer> perContractDay = new java.util.TreeMap<>();
    Set<String> contracts = new TreeSet<>();
    long[] ts = t.longs("ts");
    for (int i = 0; i < t.size(); i++) {
      var r = t.rows.get(i);
      String contract =
          r.getString("symbol", 0)
              + " "
              + LocalDate.ofEpochDay(r.getInteger("expiry", 0))
              + " "
              + r.getString("opt_type", 0)
              + " "
              + r.getInteger("strike", 0);
      LocalDate day = LocalDate.ofEpochDay(r.getInteger("trade_date", 0));
      contracts.add(contract);
      perContractDay.merge(contract + " " + day, 1, Integer::sum);
      LocalDateTime wall = Ist.wallClock(ts[i] * 1_000L);
      assertThat(wall.toLocalDate()).isEqualTo(day);
      assertThat(wall.getSecond()).isZero();
    }
    int minutes = lab.meta.sessions().sessionFor(lab.config.start()).seconds() / 60 + 1;
    Set<String> optionFiles =
        lab.entries(ManifestEntry.Kind.OPTION).stream()
            .map(e -> e.symbol() + " " + e.expiry() + " " + e.optType() + " " + e.strike())
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(contracts).isEqualTo(optionFiles);
    assertThat(perContractDay.values()).containsOnly(minutes);
    assertThat((long) t.size()).isEqualTo(lab.report.truthRows());
  }

  private static double firstSpot(Symbol s, LocalDate d) {
    try {
      return ParquetTable.read(lab.paths.spotFile(s, d)).doubles("close")[0];
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * All spot and futures files and every fifth option file: enough to catch a layout fault, fast to
   * read.
   */
  private static List<ManifestEntry> sample() {
    List<ManifestEntry> out = new java.util.ArrayList<>();
    int i = 0;
    for (ManifestEntry e : lab.manifest) {
      if (e.kind() != ManifestEntry.Kind.OPTION || i++ % 5 == 0) {
        out.add(e);
      }
    }
    return out;
  }

  private static LocalDate tradeDateOf(ManifestEntry e) {
    return Ist.wallClock(e.tminNanos()).toLocalDate();
  }

  private static void assertTimestamp(MessageType schema, TimeUnit unit) {
    assertTimestamp(schema, "timestamp", unit);
  }

  private static void assertTimestamp(MessageType schema, String column, TimeUnit unit) {
    PrimitiveType t = schema.getType(column).asPrimitiveType();
    assertThat(t.getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT64);
    assertThat(t.getLogicalTypeAnnotation())
        .isEqualTo(LogicalTypeAnnotation.timestampType(true, unit));
  }

  private static void assertString(MessageType schema, String column) {
    assertPrimitive(schema, column, PrimitiveTypeName.BINARY, LogicalTypeAnnotation.stringType());
  }

  private static void assertPrimitive(
      MessageType schema, String column, PrimitiveTypeName type, LogicalTypeAnnotation logical) {
    PrimitiveType t = schema.getType(column).asPrimitiveType();
    assertThat(t.getPrimitiveTypeName()).as(column).isEqualTo(type);
    assertThat(t.getLogicalTypeAnnotation()).as(column).isEqualTo(logical);
  }
}
