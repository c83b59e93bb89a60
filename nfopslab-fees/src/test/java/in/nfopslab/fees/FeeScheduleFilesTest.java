package in.nfopslab.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import in.nfopslab.core.trade.Side;
import in.nfopslab.data.meta.MetaFormatException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --schedule files, the lookup rules of a schedule, and the errors a malformed one gets. */
class FeeScheduleFilesTest {
  private static final String HEADER =
      "effective_from,product,component,basis,side,rate_pct,note\n";

  @Test
  void aUsersScheduleReplacesTheBundledOneToReproduceABrokersNote(@TempDir Path dir)
      throws Exception {
    // an older flat model: no IPFT or stamp duty, and a broker that leaves IPFT out of GST anyway
    Path file = dir.resolve("broker.csv");
    Files.writeString(
        file,
        HEADER
            + "2000-01-01,option,stt,premium,sell,0.10,\n"
            + "2000-01-01,option,exchange_txn,premium,both,0.035,\n"
            + "2000-01-01,any,sebi,turnover_or_premium,both,0.0001,\n"
            + "2000-01-01,any,gst,brokerage+exchange_txn+sebi,both,18,broker leaves IPFT out\n");
    FeeModel fees = new IndiaFoFees(FeeSchedule.read(file));
    LocalDate d = LocalDate.of(2019, 5, 10);
    // 50 units, buy 100 (value 5,000), sell 120 (value 6,000), Rs 20 brokerage per order:
    // buy:  exchange 1.75 + sebi 0.005 + brokerage 20 + gst 0.18 x 21.755 = 3.9159 -> 25.6709
    // sell: stt 6 + exchange 2.1 + sebi 0.006 + brokerage 20 + gst 0.18 x 22.106 = 3.97908 ->
    // 32.08508
    FeeBreakdown buy = fees.fees(new FeeParameters(d, Product.OPTION, Side.BUY, 100.0, 50, 20.0));
    FeeBreakdown sell = fees.fees(new FeeParameters(d, Product.OPTION, Side.SELL, 120.0, 50, 20.0));
    assertThat(buy.stamp()).isZero();
    assertThat(buy.ipft()).isZero();
    assertThat(buy.total()).isCloseTo(25.6709, within(1e-9));
    assertThat(sell.total()).isCloseTo(32.08508, within(1e-9));
  }

  @Test
  void theLatestRowOnOrBeforeTheDateIsInForceAndTheMoreSpecificWinsATie() {
    FeeSchedule s =
        parse(
            HEADER
                + "2020-01-01,any,sebi,turnover_or_premium,both,0.0001,\n"
                + "2021-01-01,any,sebi,turnover_or_premium,both,0.0002,\n"
                + "2021-01-01,future,sebi,turnover,both,0.0003,\n"
                + "2021-01-01,option,sebi,premium,sell,0.0004,\n");
    assertThat(s.ratePct(FeeComponent.SEBI, Product.OPTION, Side.BUY, LocalDate.of(2020, 12, 31)))
        .isEqualTo(0.0001);
    assertThat(s.ratePct(FeeComponent.SEBI, Product.OPTION, Side.BUY, LocalDate.of(2021, 1, 1)))
        .isEqualTo(0.0002);
    assertThat(s.ratePct(FeeComponent.SEBI, Product.FUTURE, Side.BUY, LocalDate.of(2021, 1, 1)))
        .isEqualTo(0.0003);
    assertThat(s.ratePct(FeeComponent.SEBI, Product.OPTION, Side.SELL, LocalDate.of(2021, 1, 1)))
        .isEqualTo(0.0004);
    // before its first row a charge is zero, and the schedule says so
    assertThat(s.ratePct(FeeComponent.SEBI, Product.OPTION, Side.BUY, LocalDate.of(2019, 1, 1)))
        .isZero();
    assertThat(s.notYetInForce(Product.OPTION, LocalDate.of(2019, 1, 1)))
        .containsExactly(FeeComponent.SEBI);
    assertThat(s.notYetInForce(Product.OPTION, LocalDate.of(2020, 1, 1))).isEmpty();
  }

  @Test
  void theBundledScheduleCoversEveryChargeFrom2019() {
    // meta/fee_schedule.csv carries the earliest verified exchange and stamp rates back (rows
    // marked ASSUMED)
    FeeSchedule s = FeeSchedule.bundled();
    assertThat(s.notYetInForce(Product.OPTION, LocalDate.of(2019, 1, 1))).isEmpty();
    assertThat(s.notYetInForce(Product.FUTURE, LocalDate.of(2019, 1, 1))).isEmpty();
    assertThat(
            s.inForce(FeeComponent.STAMP, Product.OPTION, Side.BUY, LocalDate.of(2019, 6, 3))
                .note())
        .startsWith("ASSUMED");
  }

  @Test
  void malformedRowsNameTheFileAndTheLine(@TempDir Path dir) throws Exception {
    assertBad(dir, "2024-13-01,option,stt,premium,sell,0.10,\n", ":2: bad date");
    assertBad(
        dir,
        "2024-10-01,option,stt,premium,sell,0.10,\n2024-10-01,option,stamps,premium,buy,0.003,\n",
        ":3: bad component 'stamps'");
    assertBad(dir, "2024-10-01,option,stt,premium,short,0.10,\n", ":2: bad side 'short'");
    assertBad(
        dir, "2024-10-01,option,stt,premium,sell,-0.10,\n", ":2: rate_pct must be a number >= 0");
    assertBad(dir, "2024-10-01,option,stt,premium,sell,ten,\n", ":2: bad number 'ten'");
    assertBad(
        dir,
        "2024-10-01,swap,stt,premium,sell,0.1,\n",
        ":2: bad product (option, future, option_exercised or any) 'swap'");
    assertBad(
        dir,
        "2024-10-01,any,gst,brokerage+vat,both,18,\n",
        ":2: bad GST basis 'brokerage+vat': 'vat' is not a charge");
    assertBad(
        dir, "2024-10-01,option,stt,notional,sell,0.1,\n", ":2: bad basis 'notional' for stt");
    assertBad(
        dir,
        "2024-10-01,option,brokerage,premium,both,0.03,\n",
        ":2: brokerage is charged per order");
    assertBad(
        dir,
        "2024-10-01,option,stt,premium,sell,0.1,\n2024-10-01,option,stt,premium,sell,0.2,\n",
        ":3: same charge and date as line 2");
    assertBad(dir, "2024-10-01,option,stt\n", ":2: row has too few fields for column");
  }

  @Test
  void aMissingColumnIsReportedOnTheHeaderLine() {
    assertThatThrownBy(
            () ->
                parse(
                    "effective_from,product,component,basis,rate_pct\n2024-10-01,option,stt,premium,0.1\n"))
        .isInstanceOf(MetaFormatException.class)
        .hasMessageStartingWith("test.csv:1: missing column 'side'");
  }

  @Test
  void aMissingScheduleFileIsAClearError(@TempDir Path dir) {
    assertThatThrownBy(() -> FeeSchedule.read(dir.resolve("nope.csv")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope.csv does not exist");
  }

  private static void assertBad(Path dir, String rows, String message) throws Exception {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, HEADER + rows);
    assertThatThrownBy(() -> FeeSchedule.read(file))
        .isInstanceOf(MetaFormatException.class)
        .hasMessageStartingWith(file + message.substring(0, message.indexOf(':', 1) + 1))
        .hasMessageContaining(message);
  }

  private static FeeSchedule parse(String csv) {
    return FeeSchedule.parse("test.csv", new StringReader(csv));
  }
}
