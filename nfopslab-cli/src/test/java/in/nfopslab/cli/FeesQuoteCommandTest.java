package in.nfopslab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nfops fees quote} prints a contract note's charges: rupees in a table, unrounded in JSON.
 */
class FeesQuoteCommandTest {
  private final CliRun cli = new CliRun();
  @TempDir Path lab;

  @Test
  void theTableShowsEachChargePerOrderAndTheLotSizeOfTheContract() {
    int code =
        quote("--date 2025-03-03 --symbol BANKNIFTY --product option --buy 2489.75 --sell 2614.75");
    assertThat(code).as(cli.err()).isZero();
    String table = cli.out();
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
    int code = quote("--date 2025-03-03 --symbol BANKNIFTY --buy 2489.75 --sell 2614.75 --json");
    assertThat(code).as(cli.err()).isZero();
    String json = cli.out().strip();
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
    int code = quote("--date 2025-03-03 --symbol NIFTY --sell 100 --lots 2 --lot-size 50 --json");
    assertThat(code).as(cli.err()).isZero();
    // 2 x 50 = 100 units; stt 0.10% x 100 x 100 = 10
    assertThat(cli.out()).contains("\"lot_size\":50,\"quantity\":100,\"expiry\":null");
    assertThat(number(cli.out(), "\"sell\":\\{\"price\":100.0,\"value\":10000.0,\"stt\":"))
        .isCloseTo(10.0, within(1e-12));
  }

  @Test
  void aScheduleFileReplacesTheLabsRates() throws Exception {
    Path file = lab.resolve("flat.csv");
    Files.writeString(
        file,
        "effective_from,product,component,basis,side,rate_pct,note\n2000-01-01,option,stt,premium,sell,1,\n");
    int code =
        quote(
            "--date 2025-03-03 --symbol NIFTY --sell 100 --lot-size 75 --json",
            "--schedule",
            file.toString());
    assertThat(code).as(cli.err()).isZero();
    // only a 1% stt: 0.01 x 100 x 75 = 75
    assertThat(number(cli.out(), "\"total\":\\{\"stt\":")).isCloseTo(75.0, within(1e-12));
    assertThat(number(cli.out(), "\"exchange\":", cli.out().indexOf("\"total\":{"))).isZero();
  }

  @Test
  void badInputIsOneLineOnStderrAndExitCode2() {
    assertThat(quote("--date 2025-03-03 --symbol NIFTY")).isEqualTo(2);
    assertThat(cli.err()).contains("nothing to quote");
    assertThat(quote("--date 2025-03-03 --symbol NIFTY --buy 1 --product swap")).isEqualTo(2);
    assertThat(cli.err()).contains("invalid product 'swap'");
  }

  /** Runs {@code fees quote} on the lab with these options (separated by spaces) and more. */
  private int quote(String options, String... more) {
    List<String> args = new ArrayList<>(List.of("fees", "quote", "--root", lab.toString()));
    args.addAll(List.of(options.split(" ")));
    args.addAll(List.of(more));
    return cli.run(args.toArray(String[]::new));
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
