package in.nfopslab.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import in.nfopslab.core.trade.Side;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Round trips (one buy, one sell order) worked by hand from the bundled schedule, one date in each
 * fee regime of reference/fees_india_fo.csv. Rates in percent; GST is 18% of exchange + IPFT + SEBI
 * (no brokerage).
 */
class ContractNotesByFeeRegimeTest {
  private static final double TOL = 1e-9;
  private final FeeModel fees = new IndiaFoFees(FeeSchedule.bundled());

  @Test
  void banknifty2025UsesTheOctober2024Rates() {
    // 2025-03-03 BANKNIFTY option, 1 lot of 30 (the docs/FEES.md quote example): buy 2489.75, sell
    // 2614.75.
    // buy value = 2489.75 x 30 = 74,692.50; sell value = 2614.75 x 30 = 78,442.50
    LocalDate d = LocalDate.of(2025, 3, 3);
    FeeBreakdown buy = fees.fees(FeeParameters.of(d, Product.OPTION, Side.BUY, 2489.75, 30));
    FeeBreakdown sell = fees.fees(FeeParameters.of(d, Product.OPTION, Side.SELL, 2614.75, 30));
    // stt 0.10% of the sell value only: 78,442.50 x 0.001 = 78.4425
    assertThat(buy.stt()).isZero();
    assertThat(sell.stt()).isCloseTo(78.4425, within(TOL));
    // stamp 0.003% of the buy value only: 74,692.50 x 0.00003 = 2.240775
    assertThat(buy.stamp()).isCloseTo(2.240775, within(TOL));
    assertThat(sell.stamp()).isZero();
    FeeBreakdown t = buy.plus(sell);
    // exchange 0.03503% of both: 153,135 x 0.0003503 = 53.6431905
    assertThat(t.exchange()).isCloseTo(53.6431905, within(TOL));
    // ipft 0.0005%: 153,135 x 0.000005 = 0.765675; sebi 0.0001%: 153,135 x 0.000001 = 0.153135
    assertThat(t.ipft()).isCloseTo(0.765675, within(TOL));
    assertThat(t.sebi()).isCloseTo(0.153135, within(TOL));
    // gst 18% of (53.6431905 + 0.765675 + 0.153135) = 0.18 x 54.5620005 = 9.82116009
    assertThat(t.gst()).isCloseTo(9.82116009, within(TOL));
    // total = 78.4425 + 53.6431905 + 0.765675 + 0.153135 + 2.240775 + 9.82116009 = 145.06643559
    assertThat(t.total()).isCloseTo(145.06643559, within(TOL));
    assertThat(t.brokerage()).isZero();
  }

  @Test
  void nifty2023UsesTheApril2023Rates() {
    // 2023-06-14 NIFTY option, 2 lots of 50 = 100 units: buy 120.50, sell 98.25 (a losing long).
    // buy value 12,050; sell value 9,825; both 21,875
    LocalDate d = LocalDate.of(2023, 6, 14);
    FeeBreakdown t =
        fees.fees(FeeParameters.of(d, Product.OPTION, Side.BUY, 120.50, 100))
            .plus(fees.fees(FeeParameters.of(d, Product.OPTION, Side.SELL, 98.25, 100)));
    // stt 0.0625% x 9,825 = 6.140625; stamp 0.003% x 12,050 = 0.3615
    assertThat(t.stt()).isCloseTo(6.140625, within(TOL));
    assertThat(t.stamp()).isCloseTo(0.3615, within(TOL));
    // exchange 0.0495% x 21,875 = 10.828125; ipft 0.0005% x 21,875 = 0.109375; sebi 0.0001% x
    // 21,875 = 0.021875
    assertThat(t.exchange()).isCloseTo(10.828125, within(TOL));
    assertThat(t.ipft()).isCloseTo(0.109375, within(TOL));
    assertThat(t.sebi()).isCloseTo(0.021875, within(TOL));
    // gst 0.18 x (10.828125 + 0.109375 + 0.021875) = 0.18 x 10.959375 = 1.9726875
    assertThat(t.gst()).isCloseTo(1.9726875, within(TOL));
    // total = 6.140625 + 10.828125 + 0.109375 + 0.021875 + 0.3615 + 1.9726875 = 19.4341875
    assertThat(t.total()).isCloseTo(19.4341875, within(TOL));
  }

  @Test
  void banknifty2020UsesTheSebiReliefAndTheNewStampDuty() {
    // 2020-09-15 BANKNIFTY option, 1 lot of 25: buy 350.00, sell 412.40.
    // buy value 8,750; sell value 10,310; both 19,060
    LocalDate d = LocalDate.of(2020, 9, 15);
    FeeBreakdown t =
        fees.fees(FeeParameters.of(d, Product.OPTION, Side.BUY, 350.00, 25))
            .plus(fees.fees(FeeParameters.of(d, Product.OPTION, Side.SELL, 412.40, 25)));
    // stt 0.05% x 10,310 = 5.155; stamp 0.003% (national rate from 2020-07-01) x 8,750 = 0.2625
    assertThat(t.stt()).isCloseTo(5.155, within(TOL));
    assertThat(t.stamp()).isCloseTo(0.2625, within(TOL));
    // exchange 0.05% x 19,060 = 9.53; ipft Rs 0.01/crore = 0.0000001% x 19,060 = 0.00001906;
    // sebi Rs 5/crore (relief from 2020-06-01) = 0.00005% x 19,060 = 0.00953
    assertThat(t.exchange()).isCloseTo(9.53, within(TOL));
    assertThat(t.ipft()).isCloseTo(0.00001906, within(1e-12));
    assertThat(t.sebi()).isCloseTo(0.00953, within(TOL));
    // gst 0.18 x (9.53 + 0.00001906 + 0.00953) = 0.18 x 9.53954906 = 1.7171188308
    assertThat(t.gst()).isCloseTo(1.7171188308, within(TOL));
    // total = 5.155 + 9.53 + 0.00001906 + 0.00953 + 0.2625 + 1.7171188308 = 16.6741678908
    assertThat(t.total()).isCloseTo(16.6741678908, within(TOL));
  }

  @Test
  void brokerageIsPerOrderAndPartOfTheGstBase() {
    // the 2025 buy order above with Rs 20 brokerage: gst = 0.18 x (20 + 26.16478275 + 0.3734625 +
    // 0.0746925)
    // = 0.18 x 46.61293775 = 8.390328795; total = 33.644041545 + 20 + 0.18 x 20 = 57.244041545
    FeeBreakdown b =
        fees.fees(
            new FeeParameters(
                LocalDate.of(2025, 3, 3), Product.OPTION, Side.BUY, 2489.75, 30, 20.0));
    assertThat(b.brokerage()).isEqualTo(20.0);
    assertThat(b.gst()).isCloseTo(8.390328795, within(TOL));
    assertThat(b.total()).isCloseTo(57.244041545, within(TOL));
  }

  @Test
  void futuresPayOnTurnoverAtTheFuturesRates() {
    // 2025-03-05 NIFTY futures, 1 lot of 75: buy 22,000, sell 22,050.
    // buy value 1,650,000; sell value 1,653,750; both 3,303,750
    LocalDate d = LocalDate.of(2025, 3, 5);
    FeeBreakdown t =
        fees.fees(FeeParameters.of(d, Product.FUTURE, Side.BUY, 22000, 75))
            .plus(fees.fees(FeeParameters.of(d, Product.FUTURE, Side.SELL, 22050, 75)));
    // stt 0.02% x 1,653,750 = 330.75; stamp 0.002% x 1,650,000 = 33
    assertThat(t.stt()).isCloseTo(330.75, within(TOL));
    assertThat(t.stamp()).isCloseTo(33.0, within(TOL));
    // exchange 0.00173% x 3,303,750 = 57.154875; ipft 0.0001% = 3.30375; sebi 0.0001% = 3.30375
    assertThat(t.exchange()).isCloseTo(57.154875, within(TOL));
    assertThat(t.ipft()).isCloseTo(3.30375, within(TOL));
    assertThat(t.sebi()).isCloseTo(3.30375, within(TOL));
    // gst 0.18 x (57.154875 + 3.30375 + 3.30375) = 0.18 x 63.762375 = 11.4772275
    // total = 330.75 + 57.154875 + 3.30375 + 3.30375 + 33 + 11.4772275 = 438.9896025
    assertThat(t.total()).isCloseTo(438.9896025, within(TOL));
  }
}
