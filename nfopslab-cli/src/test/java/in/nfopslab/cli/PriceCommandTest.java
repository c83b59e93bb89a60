package in.nfopslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.pricing.Black76;
import in.nfopslab.core.pricing.BlackScholes;
import org.junit.jupiter.api.Test;

/**
 * {@code nfops price} prints the model's price and greeks, as a table or JSON, and refuses bad
 * input with code 2.
 */
class PriceCommandTest {
  private final CliRun cli = new CliRun();

  @Test
  void printsPriceAndGreeksAsAnAlignedTable() {
    int code =
        cli.line(
            "price --model bs --type call --spot 24000 --strike 24200 --t 0.0192 --rate 0.10"
                + " --div 0.01 --vol 0.13");

    assertThat(code).as(cli.err()).isZero();
    String[] lines = cli.out().split(System.lineSeparator());
    assertThat(lines).hasSize(6);
    double price = BlackScholes.price(true, 24000, 24200, 0.0192, 0.1, 0.01, 0.13);
    double delta = BlackScholes.delta(true, 24000, 24200, 0.0192, 0.1, 0.01, 0.13);
    assertThat(lines[0]).startsWith("price").endsWith(Numbers.plain(price));
    assertThat(lines[1]).startsWith("delta").endsWith(Numbers.plain(delta));
    assertThat(lines[2]).startsWith("gamma");
    assertThat(lines[3]).startsWith("vega").endsWith("per 1.00 vol");
    assertThat(lines[4]).startsWith("theta").endsWith("per year");
    assertThat(lines[5]).startsWith("rho").endsWith("per 1.00 rate");
    // Values end in one column.
    assertThat(lines[0].length()).isEqualTo(lines[1].length()).isEqualTo(lines[2].length());
  }

  @Test
  void jsonIsOneObjectWithInputsAndFullPrecisionResults() {
    int code =
        cli.line(
            "price --type put --forward 24000 --strike 24200 --t 0.0192 --rate 0.065 --vol 0.13"
                + " --json");

    assertThat(code).as(cli.err()).isZero();
    String json = cli.out();
    assertThat(json.lines()).hasSize(1);
    assertThat(json.strip())
        .startsWith(
            "{\"model\":\"black76\",\"type\":\"put\",\"forward\":24000.0,\"strike\":24200.0,\"t\":0.0192,")
        .contains("\"vol\":0.13")
        .contains("\"price\":" + Black76.price(false, 24000, 24200, 0.0192, 0.065, 0.13))
        .contains("\"vega\":" + Black76.vega(false, 24000, 24200, 0.0192, 0.065, 0.13))
        .contains("\"rho\":" + Black76.rho(false, 24000, 24200, 0.0192, 0.065, 0.13))
        .doesNotContain("\"div\"")
        .endsWith("}");
  }

  @Test
  void atExpiryThePriceIsIntrinsic() {
    int code =
        cli.line("price --type put --spot 100 --strike 110 --t 0 --rate 0.1 --vol 0.2 --json");

    assertThat(code).as(cli.err()).isZero();
    assertThat(cli.out()).contains("\"price\":10.0,\"delta\":-1.0,\"gamma\":0.0");
  }

  @Test
  void spotAndForwardTogetherIsAnInputError() {
    cli.assertInputError(
        "give either --spot or --forward, not both",
        "price --type call --spot 100 --forward 101 --strike 100 --t 0.1 --rate 0.1 --vol 0.2");
  }

  @Test
  void negativeStrikeIsAnInputError() {
    cli.assertInputError(
        "--strike must be > 0",
        "price --type call --spot 100 --strike -100 --t 0.1 --rate 0.1 --vol 0.2");
  }

  @Test
  void missingVolIsAnInputError() {
    cli.assertInputError(
        "Missing required option: '--vol=V'",
        "price --type call --spot 100 --strike 100 --t 0.1 --rate 0.1");
  }

  @Test
  void modelAndUnderlyingMustMatch() {
    cli.assertInputError(
        "--model black76 prices on the forward",
        "price --model black76 --type call --spot 100 --strike 100 --t 0.1 --rate 0.1 --vol 0.2");
    cli.assertInputError(
        "--div applies to --model bs only",
        "price --type call --forward 100 --div 0.01 --strike 100 --t 0.1 --rate 0.1 --vol 0.2");
    cli.assertInputError(
        "expected bs or black76",
        "price --model heston --type call --spot 100 --strike 100 --t 0.1 --rate 0.1 --vol 0.2");
  }

  @Test
  void negativeTimeVolOrNonFiniteNumbersAreInputErrors() {
    cli.assertInputError(
        "--t must be >= 0",
        "price --type call --spot 100 --strike 100 --t -0.1 --rate 0.1 --vol 0.2");
    cli.assertInputError(
        "--vol must be >= 0",
        "price --type call --spot 100 --strike 100 --t 0.1 --rate 0.1 --vol -0.2");
    cli.assertInputError(
        "--rate must be a finite number",
        "price --type call --spot 100 --strike 100 --t 0.1 --rate NaN --vol 0.2");
  }
}
