package in.nfopslab.cli;

import in.nfopslab.core.pricing.Greeks;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nfops price}: the price and greeks of one European option under Black-Scholes-Merton or
 * Black-76.
 */
@Command(
    name = "price",
    mixinStandardHelpOptions = true,
    description = {
      "Price a European option and its greeks (Black-Scholes-Merton on a spot, or Black-76 on a forward).",
      "Vega is per 1.00 of vol, theta per year (-dV/dt), rho per 1.00 of rate. At --t 0 the price is intrinsic."
    },
    footer = {
      "",
      "Example:",
      "  nfops price --model bs --type call --spot 24000 --strike 24200 \\",
      "      --t 0.0192 --rate 0.10 --vol 0.13"
    })
final class PriceCommand implements Callable<Integer> {
  /** What to price, validated. */
  record Config(OptionContract contract, double vol, boolean json) {}

  @Spec CommandSpec spec;

  @Mixin ContractOptions options;

  @Option(
      names = "--vol",
      required = true,
      paramLabel = "V",
      description = "Volatility per year as a decimal (0.15).")
  double vol;

  @Override
  public Integer call() {
    Config config = config();
    Greeks g = config.contract().greeks(config.vol());
    PricingReport report =
        new PricingReport(config.contract())
            .input("vol", config.vol())
            .result("price", g.price(), null)
            .result("delta", g.delta(), null)
            .result("gamma", g.gamma(), null)
            .result("vega", g.vega(), "per 1.00 vol")
            .result("theta", g.theta(), "per year")
            .result("rho", g.rho(), "per 1.00 rate");
    spec.commandLine().getOut().print(report.render(config.json()));
    spec.commandLine().getOut().flush();
    return 0;
  }

  private Config config() {
    OptionContract contract = options.contract(true);
    ContractOptions.finite("--vol", vol);
    if (vol < 0) {
      throw ContractOptions.invalid("--vol must be >= 0, got " + vol);
    }
    return new Config(contract, vol, options.json);
  }
}
