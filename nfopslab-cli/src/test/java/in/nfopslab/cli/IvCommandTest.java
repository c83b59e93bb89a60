package in.nfopslab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import in.nfopslab.core.pricing.BlackScholes;
import org.junit.jupiter.api.Test;

/**
 * {@code nfops iv} prints the implied vol; a price no vol can give is one stderr line and exit code
 * 1, bad input is exit code 2.
 */
class IvCommandTest {
  private final CliRun cli = new CliRun();

  @Test
  void printsTheVolatilityThatGaveThePrice() {
    double price = BlackScholes.price(false, 24_000, 23_800, 0.0192, 0.10, 0, 0.1234);

    int code =
        cli.line(
            "iv --model bs --type put --spot 24000 --strike 23800 --t 0.0192 --rate 0.10 --price "
                + price);

    assertThat(code).as(cli.err()).isZero();
    String out = cli.out().strip();
    assertThat(out).startsWith("iv");
    assertThat(Double.parseDouble(out.substring(2).strip())).isCloseTo(0.1234, within(1e-11));
  }

  @Test
  void jsonCarriesTheInputsAndTheFullPrecisionVol() {
    double price = BlackScholes.price(true, 100, 120, 2, 0.05, 0.02, 0.75);

    int code =
        cli.line(
            "iv --type call --spot 100 --strike 120 --t 2 --rate 0.05 --div 0.02 --price "
                + price
                + " --json");

    assertThat(code).as(cli.err()).isZero();
    String json = cli.out().strip();
    assertThat(json)
        .startsWith(
            "{\"model\":\"bs\",\"type\":\"call\",\"spot\":100.0,\"strike\":120.0,\"t\":2.0,")
        .contains("\"div\":0.02,\"price\":" + price + ",\"iv\":");
    double iv = Double.parseDouble(json.substring(json.indexOf("\"iv\":") + 5, json.length() - 1));
    assertThat(iv).isCloseTo(0.75, within(1e-13));
  }

  @Test
  void priceBelowIntrinsicHasNoSolution() {
    int code =
        cli.line("iv --type call --spot 24000 --strike 23800 --t 0.0192 --rate 0.10 --price 100");

    assertThat(code).isEqualTo(1);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err().lines())
        .containsExactly(
            "nfops iv: no implied volatility: price 100 is below the lower bound 245.652159902 "
                + "(discounted intrinsic value of the forward)");
  }

  @Test
  void priceAtTheUpperBoundHasNoSolution() {
    int code =
        cli.line(
            "iv --model black76 --type put --forward 24000 --strike 23800 --t 0.5 --rate 0"
                + " --price 23800");

    assertThat(code).isEqualTo(1);
    assertThat(cli.err())
        .startsWith("nfops iv: no implied volatility: price 23800 is at or above the upper bound");
  }

  @Test
  void zeroTimeOrNegativePriceIsAnInputError() {
    cli.assertInputError(
        "--t must be > 0", "iv --type call --spot 100 --strike 100 --t 0 --rate 0.1 --price 1");
    cli.assertInputError(
        "--price must be >= 0",
        "iv --type call --spot 100 --strike 100 --t 0.1 --rate 0.1 --price -1");
  }
}
