package in.nfopslab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code nfops fees quote} prints a contract note's charges: rupees in a table, unrounded in JSON.
 */
class FeesQuoteCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  @TempDir Path lab;

  @Test
  void theTableShowsEachChargePerOrderAndTheLotSizeOfTheContract() {
    int code =
        run(
            "fees",
            "quote",
            "--root",
            lab.toString(),
            "--date",
            "2025-03-03",
            "--symbol",
            "BANKNIFTY",
            "--product",
            "option",
            "--buy",
            "2489.75",
            "--sell",
            "2614.75");
    assertThat(code).as(err.toString()).isZero();
    String table = out.toString();
    // BANKNIFTY on 2025-03-03: the nearest contract is the 2025-03-27 monthly, created after
    // 2024-11-20: lot 30
    assertThat(table)
        .contains("1 lot x 30 = 30 units")
        .contains("monthly contract expiring 2025-03-27");
    // stt 0.10% x 2614.75 x 30 = 78.4425 -> 78.44 on the sell side only
    assertThat(line(table, "stt")).matches("stt\\s+0\\.00\\s+78\\.44\\s+78\\.44");
    // total 33.644041545 + 111.422394045 = 145.06643559 (docs/FEES.md worked example)
    assertThat(line(table, "total")).matches("total\\s+33\\.64\\s+111\\.42\\s+145\\.07");
    // gross (2614.75 - 2489.75) x 30 = 3750; net 3750 - 145.06643559 = 3604.93356441
    assertThat(table).contains("gross 3750.00, charges 145.07, net 3604.93");
  }

  @Test
  void jsonCarriesTheUnroundedValues() {
    int code =
        run(
            "fees",
            "quote",
            "--root",
            lab.toString(),
            "--date",
            "2025-03-03",
            "--symbol",
            "BANKNIFTY",
            "--buy",
            "2489.75",
            "--sell",
            "2614.75",
            "--json");
    assertThat(code).as(err.toString()).isZero();
    String json = out.toString().strip();
    assertThat(json)
        .startsWith(
            "{\"date\":\"2025-03-03\",\"symbol\":\"BANKNIFTY\",\"product\":\"option\",\"lots\":1,\"lot_size\":30");
    assertThat(number(json, "\"total\":\\{\"stt\":")).isCloseTo(78.4425, within(1e-9));
    assertThat(number(json, "\"gst\":", json.indexOf("\"total\":{")))
        .isCloseTo(9.82116009, within(1e-9));
    assertThat(number(json, "\"net_pnl\":")).isCloseTo(3604.93356441, within(1e-9));
  }

  @Test
  void aGivenLotSizeAndLotsOverrideTheTable() {
    int code =
        run(
            "fees",
            "quote",
            "--root",
            lab.toString(),
            "--date",
            "2025-03-03",
            "--symbol",
            "NIFTY",
            "--sell",
            "100",
            "--lots",
            "2",
            "--lot-size",
            "50",
            "--json");
    assertThat(code).as(err.toString()).isZero();
    // 2 x 50 = 100 units; stt 0.10% x 100 x 100 = 10
    assertThat(out.toString()).contains("\"lot_size\":50,\"quantity\":100,\"expiry\":null");
    assertThat(number(out.toString(), "\"sell\":\\{\"price\":100.0,\"value\":10000.0,\"stt\":"))
        .isCloseTo(10.0, within(1e-12));
  }

  @Test
  void aScheduleFileReplacesTheLabsRates() throws Exception {
    Path file = lab.resolve("flat.csv");
    Files.writeString(
        file,
        "effective_from,product,component,basis,side,rate_pct,note\n2000-01-01,option,stt,premium,sell,1,\n");
    int code =
        run(
            "fees",
            "quote",
            "--root",
            lab.toString(),
            "--date",
            "2025-03-03",
            "--symbol",
            "NIFTY",
            "--sell",
            "100",
            "--lot-size",
            "75",
            "--schedule",
            file.toString(),
            "--json");
    assertThat(code).as(err.toString()).isZero();
    // only a 1% stt: 0.01 x 100 x 75 = 75
    assertThat(number(out.toString(), "\"total\":\\{\"stt\":")).isCloseTo(75.0, within(1e-12));
    assertThat(number(out.toString(), "\"exchange\":", out.toString().indexOf("\"total\":{")))
        .isZero();
  }

  @Test
  void badInputIsOneLineOnStderrAndExitCode2() {
    assertThat(
            run(
                "fees",
                "quote",
                "--root",
                lab.toString(),
                "--date",
                "2025-03-03",
                "--symbol",
                "NIFTY"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("nothing to quote");
    assertThat(
            run(
                "fees",
                "quote",
                "--root",
                lab.toString(),
                "--date",
                "2025-03-03",
                "--symbol",
                "NIFTY",
                "--buy",
                "1",
                "--product",
                "swap"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("invalid product 'swap'");
  }

  private int run(String... args) {
    CommandLine cl = Nfops.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private static String line(String text, String start) {
    return text.lines().filter(l -> l.startsWith(start + " ")).findFirst().orElseThrow().strip();
  }

  private static double number(String json, String after) {
    return number(json, after, 0);
  }

  private static double number(String json, String after, int from) {
    Matcher m = Pattern.compile(after + "(-?[0-9.Ee+-]+)").matcher(json);
    assertThat(m.find(from)).as(after + " in " + json).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
