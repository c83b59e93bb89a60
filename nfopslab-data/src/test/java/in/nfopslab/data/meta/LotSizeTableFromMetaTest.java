package in.nfopslab.data.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.nfopslab.core.calendar.ExpiryType;
import in.nfopslab.core.instrument.ExpiryClassifier;
import in.nfopslab.core.instrument.LotSizeTable;
import in.nfopslab.core.instrument.Symbol;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** meta/lot_sizes.csv as bundled, and the errors a hand-edited copy gets. */
class LotSizeTableFromMetaTest {
  private static final Symbol NIFTY = new Symbol("NIFTY");
  private static final Symbol BANKNIFTY = new Symbol("BANKNIFTY");

  private final LotSizeTable bundled =
      LotSizeCsv.load((Path) null, ExpiryClassifier.lastWeekOfMonth());

  @Test
  void bundledTableGivesTheCircularsLotsPerContract() {
    // reference/lot_sizes.csv: BANKNIFTY 25 from the 2020-07-30 expiry; the July 2020 weeklies kept
    // 20
    assertThat(
            bundled.lotSize(
                BANKNIFTY, LocalDate.of(2020, 7, 23), ExpiryType.WEEKLY, LocalDate.of(2020, 7, 20)))
        .isEqualTo(20);
    assertThat(
            bundled.lotSize(
                BANKNIFTY,
                LocalDate.of(2020, 7, 30),
                ExpiryType.MONTHLY,
                LocalDate.of(2020, 7, 20)))
        .isEqualTo(25);
    // BANKNIFTY 15 from the July 2023 monthly, weeklies from 2023-08-03
    assertThat(
            bundled.lotSize(
                BANKNIFTY, LocalDate.of(2023, 7, 20), ExpiryType.WEEKLY, LocalDate.of(2023, 7, 17)))
        .isEqualTo(25);
    assertThat(
            bundled.lotSize(
                BANKNIFTY, LocalDate.of(2023, 8, 3), ExpiryType.WEEKLY, LocalDate.of(2023, 7, 28)))
        .isEqualTo(15);
    // BANKNIFTY 35 from the 2025-07-31 monthly; the June 2025 monthly kept 30
    assertThat(
            bundled.lotSize(
                BANKNIFTY, LocalDate.of(2025, 6, 26), ExpiryType.MONTHLY, LocalDate.of(2025, 5, 5)))
        .isEqualTo(30);
    assertThat(
            bundled.lotSize(
                BANKNIFTY, LocalDate.of(2025, 7, 31), ExpiryType.MONTHLY, LocalDate.of(2025, 5, 5)))
        .isEqualTo(35);
    // NIFTY 65 from the 2026-01-06 weekly; the 2025-12-30 monthly kept 75
    assertThat(
            bundled.lotSize(
                NIFTY, LocalDate.of(2025, 12, 30), ExpiryType.MONTHLY, LocalDate.of(2025, 12, 29)))
        .isEqualTo(75);
    assertThat(
            bundled.lotSize(
                NIFTY, LocalDate.of(2026, 1, 6), ExpiryType.WEEKLY, LocalDate.of(2025, 12, 29)))
        .isEqualTo(65);
  }

  @Test
  void withTheExpiryCalendarTheInterfaceMethodKnowsWeeklyFromMonthly() {
    LotSizeTable table = LotSizeCsv.load(MetaTables.bundled());
    // 2024-04-25 is the April 2024 NIFTY monthly (last Thursday) and kept 50; the 2024-05-02 weekly
    // had 25
    assertThat(table.lotSize(NIFTY, LocalDate.of(2024, 4, 25), LocalDate.of(2024, 4, 22)))
        .isEqualTo(50);
    assertThat(table.lotSize(NIFTY, LocalDate.of(2024, 5, 2), LocalDate.of(2024, 4, 26)))
        .isEqualTo(25);
    assertThat(table.lotSize(NIFTY, LocalDate.of(2024, 5, 23), LocalDate.of(2024, 5, 20)))
        .isEqualTo(25);
  }

  @Test
  void aLabsOwnTableReplacesTheBundledOne(@TempDir Path meta) throws Exception {
    Files.writeString(
        meta.resolve(LotSizeCsv.LOT_SIZES),
        "symbol,lot_size,applies_from,first_weekly_expiry,first_monthly_expiry,all_contracts_from,rule\n"
            + "NIFTY,40,2019-01-01,2019-01-01,2019-01-01,2019-01-01,made up\n");
    LotSizeTable table = LotSizeCsv.load(meta, ExpiryClassifier.lastWeekOfMonth());
    assertThat(table.lotSize(NIFTY, LocalDate.of(2024, 5, 2), LocalDate.of(2024, 4, 26)))
        .isEqualTo(40);
    assertThat(table.symbols()).containsExactly(NIFTY);
  }

  @Test
  void badRowsNameTheFileAndLine() {
    String header =
        "symbol,lot_size,applies_from,first_weekly_expiry,first_monthly_expiry,all_contracts_from,rule\n";
    assertThatThrownBy(
            () ->
                parse(
                    header
                        + "NIFTY,75,2018-01-01,2018-01-01,2018-01-01,,\nNIFTY,0,2019-01-01,2019-01-03,2019-01-31,,\n"))
        .isInstanceOf(MetaFormatException.class)
        .hasMessageStartingWith("lots.csv:3: lot size must be positive");
    assertThatThrownBy(() -> parse(header + "NIFTY,75,2018-01-01,2018-13-01,2018-01-01,,\n"))
        .hasMessageStartingWith("lots.csv:2: bad date");
    assertThatThrownBy(
            () ->
                parse(
                    header
                        + "NIFTY,50,2021-07-29,2021-08-05,2021-07-29,,\nNIFTY,25,2024-04-26,2024-05-02,2021-06-24,,\n"))
        .hasMessageStartingWith("lots.csv:3: ")
        .hasMessageContaining("other revision on line 2");
    assertThatThrownBy(() -> parse("symbol,lot_size,applies_from\nNIFTY,75,2018-01-01\n"))
        .hasMessageContaining("missing column 'first_weekly_expiry'");
  }

  private static void parse(String csv) {
    LotSizeCsv.fromRows(
        MetaCsv.parse(
            "lots.csv",
            new StringReader(csv),
            "symbol",
            "lot_size",
            "applies_from",
            "first_weekly_expiry",
            "first_monthly_expiry"));
  }
}
