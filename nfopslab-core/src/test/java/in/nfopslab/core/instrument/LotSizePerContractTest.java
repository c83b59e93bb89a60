package in.nfopslab.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.nfopslab.core.calendar.ExpiryType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lot sizes belong to contracts: a revision reaches weekly and monthly expiries at different first
 * expiries.
 */
class LotSizePerContractTest {
  private static final Symbol NIFTY = new Symbol("NIFTY");
  private static final Symbol BANKNIFTY = new Symbol("BANKNIFTY");

  // A cut-down NIFTY history in the shape of meta/lot_sizes.csv (reference/lot_sizes.csv and the
  // NSE circulars it
  // cites): 50 from the 2021-07-29 monthly and the 2021-08-05 weekly; 25 from the 2024-05-02 weekly
  // and the
  // 2024-05-30 monthly; 75 for contracts created from 2024-11-20 (first weekly 2025-01-02, first
  // monthly 2025-02-27).
  private static final List<LotSizeRule> RULES =
      List.of(
          rule(NIFTY, 75, "2018-01-01", "2018-01-01", "2018-01-01", "2018-01-01"),
          rule(NIFTY, 50, "2021-07-29", "2021-08-05", "2021-07-29", null),
          rule(NIFTY, 25, "2024-04-26", "2024-05-02", "2024-05-30", null),
          rule(NIFTY, 75, "2024-11-20", "2025-01-02", "2025-02-27", null),
          rule(BANKNIFTY, 15, "2023-07-27", "2023-08-03", "2023-07-27", "2023-07-27"));

  private final LotSizeTable table = new LotSizeTable(RULES, ExpiryClassifier.lastWeekOfMonth());

  @Test
  void twoNiftyContractsTradedOnOneDayCarryDifferentLotsWhileARevisionPhasesIn() {
    LocalDate day = LocalDate.of(2024, 12, 10);
    // the 2024-12-12 weekly existed before 2024-11-20: it keeps 25; the Feb 2025 monthly was
    // created after: 75
    assertThat(table.lotSize(NIFTY, LocalDate.of(2024, 12, 12), ExpiryType.WEEKLY, day))
        .isEqualTo(25);
    assertThat(table.lotSize(NIFTY, LocalDate.of(2025, 2, 27), ExpiryType.MONTHLY, day))
        .isEqualTo(75);
    // the Jan 2025 monthly was listed before the revision and kept 25 until it expired
    assertThat(
            table.lotSize(
                NIFTY, LocalDate.of(2025, 1, 30), ExpiryType.MONTHLY, LocalDate.of(2025, 1, 20)))
        .isEqualTo(25);
    // while the 2025-01-02 weekly, listed after 2024-11-20, traded with 75
    assertThat(
            table.lotSize(
                NIFTY, LocalDate.of(2025, 1, 2), ExpiryType.WEEKLY, LocalDate.of(2024, 12, 30)))
        .isEqualTo(75);
  }

  @Test
  void theMonthlyThatStartsARevisionCarriesTheNewLotButTheWeekliesOfItsMonthDoNot() {
    LocalDate day = LocalDate.of(2021, 7, 20);
    assertThat(table.lotSize(NIFTY, LocalDate.of(2021, 7, 22), ExpiryType.WEEKLY, day))
        .isEqualTo(75);
    assertThat(table.lotSize(NIFTY, LocalDate.of(2021, 7, 29), ExpiryType.MONTHLY, day))
        .isEqualTo(50);
    assertThat(table.lotSize(NIFTY, LocalDate.of(2021, 8, 5), ExpiryType.WEEKLY, day))
        .isEqualTo(50);
  }

  @Test
  void theInterfaceMethodAsksTheClassifierWhetherAnExpiryIsWeeklyOrMonthly() {
    LotSizes lots = table;
    // 2021-07-22 + 7 days is still July: weekly (75); 2021-07-29 + 7 days is August: monthly (50)
    assertThat(lots.lotSize(NIFTY, LocalDate.of(2021, 7, 22), LocalDate.of(2021, 7, 20)))
        .isEqualTo(75);
    assertThat(lots.lotSize(NIFTY, LocalDate.of(2021, 7, 29), LocalDate.of(2021, 7, 20)))
        .isEqualTo(50);
  }

  @Test
  void allContractsFromAppliesTheLotToEveryContractTradedFromThatDay() {
    // BANKNIFTY's only row has all_contracts_from 2023-07-27: a weekly expiring before its first
    // weekly expiry
    // (2023-08-03) still gets 15 when traded from 2023-07-27, and nothing before that day
    assertThat(
            table.lotSize(
                BANKNIFTY, LocalDate.of(2023, 7, 27), ExpiryType.WEEKLY, LocalDate.of(2023, 7, 27)))
        .isEqualTo(15);
    assertThatThrownBy(
            () ->
                table.lotSize(
                    BANKNIFTY,
                    LocalDate.of(2023, 7, 20),
                    ExpiryType.WEEKLY,
                    LocalDate.of(2023, 7, 19)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no lot size for the weekly BANKNIFTY contract expiring 2023-07-20");
  }

  @Test
  void unknownSymbolsAndTradesAfterExpiryAreErrors() {
    assertThatThrownBy(
            () ->
                table.lotSize(
                    new Symbol("FINNIFTY"), LocalDate.of(2024, 1, 30), LocalDate.of(2024, 1, 2)))
        .hasMessageContaining("no lot sizes for FINNIFTY");
    assertThatThrownBy(
            () -> table.lotSize(NIFTY, LocalDate.of(2024, 1, 4), LocalDate.of(2024, 1, 5)))
        .hasMessageContaining("after its expiry");
  }

  @Test
  void aRevisionWhoseFirstExpiryGoesBackInTimeIsRejected() {
    List<LotSizeRule> bad =
        List.of(
            rule(NIFTY, 50, "2021-07-29", "2021-08-05", "2021-07-29", null),
            rule(NIFTY, 25, "2024-04-26", "2021-01-07", "2024-05-30", null));
    assertThatThrownBy(() -> new LotSizeTable(bad, ExpiryClassifier.lastWeekOfMonth()))
        .hasMessageContaining("first expiries must not go back in time");
  }

  @Test
  void theLastWeekOfMonthRuleCallsTheLastExpiryOfAMonthMonthly() {
    ExpiryClassifier c = ExpiryClassifier.lastWeekOfMonth();
    assertThat(c.typeOf(NIFTY, LocalDate.of(2024, 5, 30))).isEqualTo(ExpiryType.MONTHLY);
    // a last-Thursday monthly moved back a day by a holiday (Wed 2024-03-27 for Thu 2024-03-28) is
    // still monthly
    assertThat(c.typeOf(NIFTY, LocalDate.of(2024, 3, 27))).isEqualTo(ExpiryType.MONTHLY);
    assertThat(c.typeOf(NIFTY, LocalDate.of(2024, 5, 23))).isEqualTo(ExpiryType.WEEKLY);
  }

  private static LotSizeRule rule(
      Symbol s, int lot, String from, String weekly, String monthly, String all) {
    return new LotSizeRule(
        s,
        lot,
        LocalDate.parse(from),
        LocalDate.parse(weekly),
        LocalDate.parse(monthly),
        all == null ? null : LocalDate.parse(all),
        "");
  }
}
