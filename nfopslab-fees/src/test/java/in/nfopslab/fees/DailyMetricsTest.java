package in.nfopslab.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary metrics of a strategy, worked by hand on five trading days and four trades. */
class DailyMetricsTest {
  private static final LocalDate D1 = LocalDate.of(2024, 3, 4);
  private static final List<LocalDate> DAYS =
      List.of(D1, D1.plusDays(1), D1.plusDays(2), D1.plusDays(3), D1.plusDays(4));

  private static TradeOutcome trade(LocalDate d, double gross, double fees, int legs) {
    return new TradeOutcome(d, gross / 25, gross, new FeeBreakdown(fees, 0, 0, 0, 0, 0, 0), legs);
  }

  // net per trade: D1 +1000 (1100 - 100) and -200 (-150 - 50), D3 +500 (520 - 20), D4 -800 (-790 -
  // 10)
  private static final List<TradeOutcome> TRADES =
      List.of(
          trade(D1, 1100, 100, 2),
          trade(D1, -150, 50, 2),
          trade(D1.plusDays(2), 520, 20, 1),
          trade(D1.plusDays(3), -790, 10, 1));

  private final SummaryRow row =
      Metrics.compute(
          "NIFTY",
          new StrategyKey("s", "p"),
          new Period(Period.ALL, D1, D1.plusDays(4)),
          TRADES,
          DAYS);

  @Test
  void countsAndSumsAreOverTrades() {
    assertThat(row.trades()).isEqualTo(4);
    assertThat(row.legs()).isEqualTo(6);
    // gross 1100 - 150 + 520 - 790 = 680; fees 100 + 50 + 20 + 10 = 180; net 500; 500 / 4 = 125 per
    // trade
    assertThat(row.grossInr()).isCloseTo(680, within(1e-9));
    assertThat(row.feesInr()).isCloseTo(180, within(1e-9));
    assertThat(row.netInr()).isCloseTo(500, within(1e-9));
    assertThat(row.avgNetPerTrade()).isCloseTo(125, within(1e-9));
    // points are gross / 25 here: 680 / 25 = 27.2
    assertThat(row.grossPoints()).isCloseTo(27.2, within(1e-9));
    // wins: +1000 and +500 of 4 trades; profit factor (1000 + 500) / (200 + 800) = 1.5
    assertThat(row.winRate()).isEqualTo(0.5);
    assertThat(row.profitFactor()).isCloseTo(1.5, within(1e-12));
  }

  @Test
  void dailyFiguresCountDaysWithoutTradesAsZero() {
    // daily net: [800, 0, 500, -800, 0]; cumulative 800, 800, 1300, 500, 500: drawdown 1300 - 500 =
    // 800
    assertThat(row.tradingDays()).isEqualTo(5);
    assertThat(row.activeDays()).isEqualTo(3);
    assertThat(row.maxDrawdownInr()).isCloseTo(800, within(1e-9));
    // mean 500 / 5 = 100; sample variance (700^2 + 100^2 + 400^2 + 900^2 + 100^2) / 4 = 1,480,000 /
    // 4 = 370,000;
    // sd 608.276253029822; Sharpe 100 / 608.276253029822 x sqrt(252) = 2.6097530172050405
    assertThat(row.sharpe()).isCloseTo(2.6097530172050405, within(1e-12));
    // downside deviation sqrt(800^2 / 5) = 357.77087639996637; Sortino 100 / 357.7708764 x
    // sqrt(252) = 4.437059837324712
    assertThat(row.sortino()).isCloseTo(4.437059837324712, within(1e-12));
    assertThat(row.bestDay()).isEqualTo(D1);
    assertThat(row.bestDayInr()).isCloseTo(800, within(1e-9));
    assertThat(row.worstDay()).isEqualTo(D1.plusDays(3));
    assertThat(row.worstDayInr()).isCloseTo(-800, within(1e-9));
  }

  @Test
  void aPeriodWithoutTradesHasZeroSumsAndUndefinedRatios() {
    SummaryRow empty =
        Metrics.compute(
            "NIFTY",
            new StrategyKey("s", "p"),
            new Period("2023", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31)),
            TRADES,
            DAYS);
    assertThat(empty.trades()).isZero();
    assertThat(empty.netInr()).isZero();
    assertThat(empty.winRate()).isNaN();
    assertThat(empty.profitFactor()).isNaN();
    assertThat(empty.sharpe()).isNaN();
    assertThat(empty.firstDay()).isNull();
  }

  @Test
  void nothingLostMeansAnUnboundedProfitFactorAndNoSortino() {
    SummaryRow allWins =
        Metrics.compute(
            "NIFTY",
            new StrategyKey("s", "p"),
            new Period(Period.ALL, D1, D1.plusDays(4)),
            List.of(trade(D1, 100, 0, 1), trade(D1.plusDays(1), 50, 0, 1)),
            DAYS);
    assertThat(allWins.profitFactor()).isInfinite();
    assertThat(allWins.sortino()).isNaN();
    assertThat(allWins.maxDrawdownInr()).isZero();
  }

  @Test
  void periodsAreTheYearsOfTheRunThenAllThenTheLastYearClippedToTheRun() {
    Period lastYear =
        new Period(Period.LAST_YEAR, LocalDate.of(2024, 4, 1), LocalDate.of(2025, 3, 31));
    List<Period> p = Ledger.periods(LocalDate.of(2023, 6, 15), LocalDate.of(2025, 1, 31), lastYear);
    assertThat(p)
        .containsExactly(
            new Period("2023", LocalDate.of(2023, 6, 15), LocalDate.of(2023, 12, 31)),
            new Period("2024", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)),
            new Period("2025", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31)),
            new Period(Period.ALL, LocalDate.of(2023, 6, 15), LocalDate.of(2025, 1, 31)),
            new Period(Period.LAST_YEAR, LocalDate.of(2024, 4, 1), LocalDate.of(2025, 1, 31)));
  }
}
