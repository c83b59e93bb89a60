package in.nfopslab.data.check;

import static in.nfopslab.data.check.Rows.ist;
import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.data.check.Finding.Severity;
import in.nfopslab.data.meta.MetaTables;
import in.nfopslab.data.read.TickReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each invariant of {@code nfops data check} on a hand-made file that breaks it, and clean files
 * that break none.
 */
class DataCheckerTest {
  static final Symbol NIFTY = new Symbol("NIFTY");
  static final LocalDate TUE = LocalDate.of(2024, 1, 2);
  static final LocalDate WED = LocalDate.of(2024, 1, 3);
  static final LocalDate EXP = LocalDate.of(2024, 1, 4);
  static final int K = 21_000;

  @TempDir Path dir;
  LabPaths paths;
  DataChecker checker;

  @BeforeEach
  void setUp() {
    paths = LabPaths.of(dir);
    checker = new DataChecker(MetaTables.bundled(), new TickReader());
  }

  private Path optionPath() {
    return paths.optionFile(NIFTY, EXP, OptionType.CE, K);
  }

  private List<Finding> checkOption(List<Rows.Row> rows) throws Exception {
    Path f = Rows.writeOption(optionPath(), rows);
    return checker.checkFile(PackedFile.option(NIFTY, f, EXP, OptionType.CE, K));
  }

  private static List<Rows.Row> twoCleanDays() {
    List<Rows.Row> rows = new ArrayList<>(Rows.optionDay(TUE, OptionType.CE, K, EXP, 200));
    rows.addAll(Rows.optionDay(WED, OptionType.CE, K, EXP, 200));
    return rows;
  }

  private static Finding only(List<Finding> findings, String check) {
    assertThat(findings).as("findings").extracting(Finding::check).containsOnlyOnce(check);
    return findings.stream().filter(f -> f.check().equals(check)).findFirst().orElseThrow();
  }

  @Test
  void cleanFilesHaveNoFindings() throws Exception {
    assertThat(checkOption(twoCleanDays())).isEmpty();
    Path spot =
        Rows.writeSpot(
            paths.spotFile(NIFTY, TUE),
            TUE,
            "NIFTY",
            List.of(ist(TUE, "09:15:00"), ist(TUE, "12:00:00"), ist(TUE, "15:30:00")));
    assertThat(checker.checkFile(PackedFile.spot(NIFTY, spot, TUE))).isEmpty();
  }

  @Test
  void contentThatDisagreesWithThePathIsAnErrorPerColumnWithTheRowCount() throws Exception {
    // every row wrong: settled from the row-group statistics
    List<Rows.Row> wrong =
        twoCleanDays().stream()
            .map(r -> r.identity("BANKNIFTY", "PE", 21_050, EXP.plusDays(7)))
            .toList();
    List<Finding> all = checkOption(wrong);
    assertThat(all)
        .extracting(Finding::check)
        .containsExactlyInAnyOrder(
            "symbol_mismatch", "type_mismatch", "strike_mismatch", "expiry_mismatch");
    assertThat(all)
        .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR))
        .allSatisfy(f -> assertThat(f.count()).isEqualTo(400));
    assertThat(only(all, "strike_mismatch").detail())
        .isEqualTo("400 rows have strike '21050', the path says 21000");
    assertThat(only(all, "symbol_mismatch").detail())
        .contains("'BANKNIFTY'")
        .contains("the path says NIFTY");

    // some rows wrong: the statistics cannot settle it, the column is read
    List<Rows.Row> mixed = new ArrayList<>(twoCleanDays());
    for (int i = 10; i < 13; i++) {
      mixed.set(i, mixed.get(i).identity("NIFTY", "CE", 21_050, EXP));
    }
    Finding strike = only(checkOption(mixed), "strike_mismatch");
    assertThat(strike.count()).isEqualTo(3);
    assertThat(strike.detail()).contains("'21050'");
  }

  @Test
  void spotRowsOfAnotherDayAndAWrongTradeDateColumnAreErrors() throws Exception {
    Path spot =
        Rows.writeSpot(
            paths.spotFile(NIFTY, TUE),
            WED,
            "NIFTY",
            List.of(ist(TUE, "10:00:00"), ist(WED, "10:00:00"), ist(WED, "10:00:01")));
    List<Finding> f = checker.checkFile(PackedFile.spot(NIFTY, spot, TUE));
    assertThat(only(f, "date_mismatch").count()).isEqualTo(2); // the rows on Wednesday
    assertThat(only(f, "trade_date_mismatch").detail())
        .isEqualTo("3 rows have trade_date '2024-01-03', the path says 2024-01-02");
  }

  @Test
  void timestampsOutsideTheSessionOnHolidaysAfterExpiryOrIn1970AreFlagged() throws Exception {
    List<Rows.Row> rows = twoCleanDays();
    Rows.Row r = rows.get(0);
    rows.add(0, r.at(ist(TUE, "09:07:30"))); // pre-open: a warning
    rows.add(r.at(ist(LocalDate.of(2024, 1, 6), "10:00:00"))); // a Saturday, after the expiry too
    rows.add(r.at(5_000_000_000L)); // 1970-01-01
    rows.add(r.at(6_000_000_000L));
    List<Finding> f = checkOption(rows);
    assertThat(only(f, "outside_session"))
        .satisfies(
            x -> {
              assertThat(x.severity()).isEqualTo(Severity.WARNING);
              assertThat(x.count()).isEqualTo(1);
              assertThat(x.detail()).contains("2024-01-02T09:07:30");
            });
    assertThat(only(f, "non_trading_day").severity()).isEqualTo(Severity.WARNING);
    assertThat(only(f, "after_expiry"))
        .satisfies(
            x -> {
              assertThat(x.severity()).isEqualTo(Severity.ERROR);
              assertThat(x.detail()).contains("2024-01-06T10:00");
            });
    assertThat(only(f, "epoch_timestamps"))
        .satisfies(
            x -> {
              assertThat(x.severity()).isEqualTo(Severity.ERROR);
              assertThat(x.count()).isEqualTo(2);
            });
  }

  @Test
  void aFileWhoseEveryTimestampIsIn1970IsOneFileLevelError() throws Exception {
    List<Rows.Row> rows =
        Rows.optionDay(TUE, OptionType.CE, K, EXP, 50).stream()
            .map(r -> r.at(r.epochNanos() - ist(TUE, "00:00:00")))
            .toList();
    Finding f = only(checkOption(rows), "epoch_timestamps");
    assertThat(f.count()).isEqualTo(1);
    assertThat(f.detail()).startsWith(optionPath().toString()).contains("before 2000");
  }

  @Test
  void rowsOutOfOrderAndDuplicatesAreCounted() throws Exception {
    List<Rows.Row> rows = twoCleanDays();
    Rows.Row a = rows.get(5);
    rows.add(6, a); // an exact copy: error
    rows.add(
        7, a.with(a.open(), a.high() + 1, a.low(), a.close())); // same time, other values: warning
    rows.add(rows.get(100)); // a copy, and out of order at the end
    List<Finding> f = checkOption(rows);
    assertThat(only(f, "duplicate_rows").count()).isEqualTo(2);
    assertThat(only(f, "duplicate_timestamps"))
        .satisfies(
            x -> {
              assertThat(x.count()).isEqualTo(1);
              assertThat(x.severity()).isEqualTo(Severity.WARNING);
            });
    assertThat(only(f, "out_of_order").count()).isEqualTo(1);
  }

  @Test
  void ohlcThatDoesNotHoldNonPositivePricesAndNegativeVolumeAreErrors() throws Exception {
    List<Rows.Row> rows = twoCleanDays();
    Rows.Row r = rows.get(20);
    rows.set(20, r.with(r.open(), r.high(), r.close() + 1, r.close())); // low above close
    r = rows.get(21);
    rows.set(21, r.with(r.open(), r.close() - 1, r.low(), r.close())); // high below close
    r = rows.get(22);
    rows.set(22, r.with(0, r.high(), r.low(), r.close())); // open zero
    r = rows.get(23);
    rows.set(23, r.with(r.open(), r.high(), r.low(), -1)); // close negative (dropped by the reader)
    rows.set(24, rows.get(24).vol(-5)); // a volume counter reset
    List<Finding> f = checkOption(rows);
    assertThat(only(f, "ohlc").count()).isEqualTo(2);
    assertThat(only(f, "non_positive_ohlc").count()).isEqualTo(1);
    assertThat(only(f, "non_positive_price").count()).isEqualTo(1);
    assertThat(only(f, "negative_volume").count()).isEqualTo(1);
    assertThat(f).allSatisfy(x -> assertThat(x.severity()).isEqualTo(Severity.ERROR));
  }

  @Test
  void anOptionWhoseCloseNeverMovesOnADayWhileVolumeTradesIsAWarning() throws Exception {
    List<Rows.Row> rows = new ArrayList<>(Rows.optionDay(TUE, OptionType.CE, K, EXP, 100));
    for (Rows.Row r : Rows.optionDay(WED, OptionType.CE, K, EXP, 100)) {
      rows.add(
          r.with(
              r.open(), 120, 90,
              101.25)); // Wednesday: the previous close all day, while volume trades
    }
    Finding f = only(checkOption(rows), "stale_close");
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.count()).isEqualTo(1);
    assertThat(f.detail())
        .contains("2024-01-03 (close 101.25, 100 ticks with volume)")
        .doesNotContain("2024-01-02");

    // a constant close without volume is an illiquid option, not a stale file
    List<Rows.Row> quiet =
        Rows.optionDay(TUE, OptionType.CE, K, EXP, 50).stream()
            .map(r -> r.with(101.25, 101.25, 101.25, 101.25).vol(0))
            .toList();
    assertThat(checkOption(quiet)).extracting(Finding::check).doesNotContain("stale_close");
  }

  @Test
  void filesTheReaderCannotUseAreOneErrorNamingTheFault() throws Exception {
    Path good = Rows.writeOption(optionPath(), twoCleanDays());
    byte[] bytes = Files.readAllBytes(good);

    Files.write(good, Arrays.copyOf(bytes, bytes.length / 2));
    assertThat(
            only(
                    checker.checkFile(PackedFile.option(NIFTY, good, EXP, OptionType.CE, K)),
                    "not_parquet")
                .detail())
        .contains("truncated");

    Files.writeString(good, "this is not parquet, just text with a .parquet name");
    assertThat(checker.checkFile(PackedFile.option(NIFTY, good, EXP, OptionType.CE, K)))
        .extracting(Finding::check)
        .containsExactly("not_parquet");

    Files.write(good, new byte[0]);
    assertThat(checker.checkFile(PackedFile.option(NIFTY, good, EXP, OptionType.CE, K)))
        .extracting(Finding::check)
        .containsExactly("not_parquet");

    Files.delete(good);
    try (ParquetWriter<Group> w =
        ExampleParquetWriter.builder(new LocalOutputFile(good))
            .withConf(new PlainParquetConfiguration())
            .withType(Rows.OPTION)
            .build()) {
      // zero rows
    }
    assertThat(checker.checkFile(PackedFile.option(NIFTY, good, EXP, OptionType.CE, K)))
        .extracting(Finding::check)
        .containsExactly("empty");

    Files.delete(good);
    var noClose =
        MessageTypeParser.parseMessageType(
            "message o { required int64 timestamp (TIMESTAMP(MICROS,true)); required double price; }");
    try (ParquetWriter<Group> w =
        ExampleParquetWriter.builder(new LocalOutputFile(good))
            .withConf(new PlainParquetConfiguration())
            .withType(noClose)
            .build()) {
      w.write(
          new org.apache.parquet.example.data.simple.SimpleGroupFactory(noClose)
              .newGroup()
              .append("timestamp", ist(TUE, "10:00:00") / 1000)
              .append("price", 1.0));
    }
    Finding wrongSchema =
        only(
            checker.checkFile(PackedFile.option(NIFTY, good, EXP, OptionType.CE, K)),
            "missing_column");
    assertThat(wrongSchema.severity()).isEqualTo(Severity.ERROR);
    assertThat(wrongSchema.detail()).contains("'close'").contains("timestamp, price");
  }

  @Test
  void theRangeSelectsSpotByDateAndOptionsByExpiryAndStrayFilesAreReported() throws Exception {
    Rows.writeSpot(paths.spotFile(NIFTY, TUE), TUE, "NIFTY", List.of(ist(TUE, "10:00:00")));
    Rows.writeSpot(paths.spotFile(NIFTY, WED), WED, "NIFTY", List.of(ist(WED, "10:00:00")));
    Rows.writeOption(optionPath(), twoCleanDays());
    LocalDate farExpiry = LocalDate.of(2024, 3, 28);
    Rows.writeOption(paths.optionFile(NIFTY, farExpiry, OptionType.PE, K), List.of());
    Path stray = optionPath().resolveSibling("strike=21000.0.parquet");
    Files.copy(optionPath(), stray);

    CheckReport wed = checker.check(new DataChecker.Config(paths, List.of(), WED, WED, 2));
    assertThat(wed.filesByKind())
        .containsEntry(PackedFile.Kind.SPOT, 1)
        .containsEntry(PackedFile.Kind.OPTION, 1);
    assertThat(wed.findings()).extracting(Finding::check).containsExactly("not_in_layout");
    assertThat(wed.findings().get(0).file()).isEqualTo(stray);
    assertThat(wed.hasErrors()).isFalse();

    CheckReport all = checker.check(new DataChecker.Config(paths, List.of(NIFTY), null, null, 1));
    assertThat(all.files()).isEqualTo(4);
    assertThat(all.findings())
        .extracting(Finding::check)
        .containsExactlyInAnyOrder("not_in_layout", "empty");
    assertThat(all.hasErrors()).isTrue();
  }
}
