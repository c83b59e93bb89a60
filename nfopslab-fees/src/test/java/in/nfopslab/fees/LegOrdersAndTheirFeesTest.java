package in.nfopslab.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import in.nfopslab.core.trade.Side;
import in.nfopslab.core.trade.TradeLeg;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A trade leg is two orders, each charged by its own side and date; rates from the bundled
 * schedule.
 */
class LegOrdersAndTheirFeesTest {
  private static final double TOL = 1e-9;
  private final FeeModel fees = new IndiaFoFees(FeeSchedule.bundled());

  @Test
  void aShortLegPaysSttOnItsEntryAndStampDutyOnItsExit() {
    // 2025-01-15 NIFTY, sell a PE at 150, buy it back at 120, 1 lot of 75
    LocalDate d = LocalDate.of(2025, 1, 15);
    TradeLeg shortPut = Legs.leg("PE", Side.SELL, d, 150.0, d, 120.0, 1, 75, "target");
    LegFees.Orders o = LegFees.orders(shortPut, 75, 0.0);
    assertThat(o.entry().side()).isEqualTo(Side.SELL);
    assertThat(o.exit().side()).isEqualTo(Side.BUY);
    FeeBreakdown entry = fees.fees(o.entry());
    FeeBreakdown exit = fees.fees(o.exit());
    // entry: sell value 150 x 75 = 11,250 -> stt 0.10% = 11.25, no stamp
    assertThat(entry.stt()).isCloseTo(11.25, within(TOL));
    assertThat(entry.stamp()).isZero();
    // exit: buy value 120 x 75 = 9,000 -> no stt, stamp 0.003% = 0.27
    assertThat(exit.stt()).isZero();
    assertThat(exit.stamp()).isCloseTo(0.27, within(TOL));
    // entry total = 11.25 + 3.940875 + 0.05625 + 0.01125 + 0.18 x 4.008375 = 15.9798825
    // exit total = 3.1527 + 0.045 + 0.009 + 0.27 + 0.18 x 3.2067 = 4.053906; together 20.0337885
    assertThat(LegFees.fees(shortPut, fees, 0.0).total())
        .isCloseTo(15.9798825 + 4.053906, within(TOL));
  }

  @Test
  void aFourLegTradeIsChargedOrderByOrder() {
    // 2025-03-05 NIFTY iron condor, 1 lot of 75 per leg:
    // sell CE 45.10 -> buy 30.05; buy CE 20.40 -> sell 13.15; sell PE 52.60 -> buy 40.00; buy PE
    // 27.35 -> sell 21.90
    LocalDate d = LocalDate.of(2025, 3, 5);
    List<TradeLeg> condor =
        List.of(
            Legs.leg("CE", Side.SELL, d, 45.10, d, 30.05, 1, 75, "eod"),
            Legs.leg("CE", Side.BUY, d, 20.40, d, 13.15, 1, 75, "eod"),
            Legs.leg("PE", Side.SELL, d, 52.60, d, 40.00, 1, 75, "eod"),
            Legs.leg("PE", Side.BUY, d, 27.35, d, 21.90, 1, 75, "eod"));
    FeeBreakdown t = FeeBreakdown.ZERO;
    for (TradeLeg l : condor) {
      t = t.plus(LegFees.fees(l, fees, 0.0));
    }
    // sell orders: (45.10 + 52.60 + 13.15 + 21.90) x 75 = 132.75 x 75 = 9,956.25
    // buy orders:  (20.40 + 27.35 + 30.05 + 40.00) x 75 = 117.80 x 75 = 8,835.00; all orders
    // 18,791.25
    // stt 0.001 x 9,956.25 = 9.95625; stamp 0.00003 x 8,835 = 0.26505
    assertThat(t.stt()).isCloseTo(9.95625, within(TOL));
    assertThat(t.stamp()).isCloseTo(0.26505, within(TOL));
    // exchange 0.0003503 x 18,791.25 = 6.582574875; ipft 0.09395625; sebi 0.01879125
    assertThat(t.exchange()).isCloseTo(6.582574875, within(TOL));
    // gst 0.18 x (6.582574875 + 0.09395625 + 0.01879125) = 1.2051580275
    assertThat(t.gst()).isCloseTo(1.2051580275, within(TOL));
    // total = 9.95625 + 6.582574875 + 0.09395625 + 0.01879125 + 0.26505 + 1.2051580275 =
    // 18.1217804025
    assertThat(t.total()).isCloseTo(18.1217804025, within(TOL));
  }

  @Test
  void twoContractsTradedOnOneDayAreChargedOnTheirOwnLotSizes() {
    // 2024-12-10: the 2024-12-12 NIFTY weekly still had lots of 25, the Feb 2025 monthly 75
    // (meta/lot_sizes.csv).
    // Same prices, buy 100 -> sell 110, 1 lot each.
    LocalDate d = LocalDate.of(2024, 12, 10);
    TradeLeg weekly = Legs.leg("CE", Side.BUY, d, 100.0, d, 110.0, 1, 25, "eod");
    TradeLeg monthly = Legs.leg("CE", Side.BUY, d, 100.0, d, 110.0, 1, 75, "eod");
    // weekly: buy 2,500, sell 2,750 -> stt 2.75 + exchange 0.0003503 x 5,250 = 1.839075 + ipft
    // 0.02625
    // + sebi 0.00525 + stamp 0.075 + gst 0.18 x 1.870575 = 0.3367035 -> 5.0322785
    assertThat(LegFees.fees(weekly, fees, 0.0).total()).isCloseTo(5.0322785, within(TOL));
    // monthly: every charge is linear in the value, 3 x the weekly's: 15.0968355
    assertThat(LegFees.fees(monthly, fees, 0.0).total()).isCloseTo(15.0968355, within(TOL));
  }

  @Test
  void aLegOpenedBeforeARateChangeAndClosedAfterItPaysEachOrderAtItsOwnDatesRates() {
    // buy 2024-09-30 at 200, sell 2024-10-01 at 220, 1 lot of 25 (not possible intraday; the rule
    // is per order)
    TradeLeg leg =
        Legs.leg(
            "CE",
            Side.BUY,
            LocalDate.of(2024, 9, 30),
            200.0,
            LocalDate.of(2024, 10, 1),
            220.0,
            1,
            25,
            "time");
    LegFees.Orders o = LegFees.orders(leg, 25, 0.0);
    FeeBreakdown entry = fees.fees(o.entry());
    FeeBreakdown exit = fees.fees(o.exit());
    // entry, April 2023 rates on 5,000: exchange 0.0495% = 2.475, ipft 0.025, sebi 0.005, stamp
    // 0.15,
    // gst 0.18 x 2.505 = 0.4509; total 3.1059
    assertThat(entry.exchange()).isCloseTo(2.475, within(TOL));
    assertThat(entry.total()).isCloseTo(3.1059, within(TOL));
    // exit, October 2024 rates on 5,500: stt 0.10% = 5.5 (0.0625% the day before), exchange
    // 0.03503% = 1.92665,
    // ipft 0.0275, sebi 0.0055, gst 0.18 x 1.95965 = 0.352737; total 7.812387
    assertThat(exit.stt()).isCloseTo(5.5, within(TOL));
    assertThat(exit.exchange()).isCloseTo(1.92665, within(TOL));
    assertThat(exit.total()).isCloseTo(7.812387, within(TOL));
  }

  @Test
  void aLongOptionSettledAtExpiryPaysSttOnItsIntrinsicValueAndAShortOneNothingMore() {
    // bought at 20 on 2025-03-27 and held to settlement at an intrinsic value of 35, 1 lot of 75
    LocalDate d = LocalDate.of(2025, 3, 27);
    TradeLeg longCall = Legs.leg("CE", Side.BUY, d, 20.0, d, 35.0, 1, 75, "settlement");
    LegFees.Orders o = LegFees.orders(longCall, 75, 20.0);
    assertThat(o.exit().product()).isEqualTo(Product.OPTION_EXERCISED);
    FeeBreakdown exit = fees.fees(o.exit());
    // stt on exercise 0.125% x 35 x 75 = 0.00125 x 2,625 = 3.28125; sebi 0.0001% = 0.002625;
    // no exchange charge, stamp or brokerage; gst 0.18 x 0.002625 = 0.0004725; total 3.2843475
    assertThat(exit.stt()).isCloseTo(3.28125, within(TOL));
    assertThat(exit.total()).isCloseTo(3.2843475, within(TOL));
    TradeLeg shortCall = Legs.leg("CE", Side.SELL, d, 20.0, d, 35.0, 1, 75, "settlement");
    assertThat(LegFees.orders(shortCall, 75, 20.0).exit()).isNull();
  }

  @Test
  void futLegsAreChargedAsFuturesOnTurnover() {
    LocalDate d = LocalDate.of(2025, 3, 5);
    TradeLeg hedge = Legs.leg("FUT", Side.BUY, d, 22000.0, d, 22050.0, 1, 75, "eod");
    assertThat(LegFees.orders(hedge, 75, 0.0).entry().product()).isEqualTo(Product.FUTURE);
    // as in ContractNotesByFeeRegimeTest: 438.9896025
    assertThat(LegFees.fees(hedge, fees, 0.0).total()).isCloseTo(438.9896025, within(TOL));
  }
}
