package in.nfopslab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nfops iv}: the implied volatility of one European option price. No solution (a price
 * outside the no-arbitrage bounds) is one line on stderr and exit code 1, so scripts can tell it
 * from bad input (exit code 2).
 */
@Command(
    name = "iv",
    mixinStandardHelpOptions = true,
    description = {
      "Implied volatility of a European option price (Black-Scholes-Merton on a spot, or Black-76 on a forward).",
      "Prints the volatility per year as a decimal. Exit code 1 when no volatility gives the price."
    },
    footer = {
      "",
      "Example (NSE option-chain convention: r = 10%, q = 0, spot = index value):",
      "  nfops iv --model bs --type put --spot 24000 --strike 23800 \\",
      "      --t 0.0192 --rate 0.10 --price 85.5"
    })
final class IvCommand implements Callable<Integer> {
  static final int NO_SOLUTION = 1;

  /** What to solve, validated. */
  record Config(OptionContract contract, double price, boolean json) {}

  @Spec CommandSpec spec;

  @Mixin ContractOptions options;

  @Option(
      names = "--price",
      required = true,
      paramLabel = "P",
      description = "Option price (premium).")
  double price;

  @Override
  public Integer call() {
    Config config = config();
    double iv = config.contract().impliedVol(config.price());
    if (Double.isNaN(iv)) {
      spec.commandLine()
          .getErr()
          .println(
              "nfops iv: no implied volatility: "
                  + config.contract().noSolutionReason(config.price()));
      spec.commandLine().getErr().flush();
      return NO_SOLUTION;
    }
    PricingReport report =
        new PricingReport(config.contract()).input("price", config.price()).result("iv", iv, null);
    spec.commandLine().getOut().print(report.render(config.json()));
    spec.commandLine().getOut().flush();
    return 0;
  }

  private Config config() {
    OptionContract contract = options.contract(false);
    ContractOptions.finite("--price", price);
    if (price < 0) {
      throw ContractOptions.invalid("--price must be >= 0, got " + price);
    }
    return new Config(contract, price, options.json);
  }
}
