package in.nfopslab.cli;

import in.nfopslab.cli.OptionContract.PricingModel;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The option contract and market flags shared by {@code nfops price} and {@code nfops iv}. */
final class ContractOptions {
  /** Option type as spelled on the command line. */
  enum OptionKind {
    CALL,
    PUT
  }

  @Option(
      names = "--model",
      paramLabel = "bs|black76",
      converter = ModelConverter.class,
      description =
          "bs: Black-Scholes-Merton on --spot with --div; black76: Black-76 on --forward. "
              + "Default: bs with --spot, black76 with --forward.")
  PricingModel model;

  @Option(names = "--type", required = true, paramLabel = "call|put", description = "Option type.")
  OptionKind type;

  @Option(names = "--spot", paramLabel = "S", description = "Spot (index) value, for --model bs.")
  Double spot;

  @Option(
      names = "--forward",
      paramLabel = "F",
      description = "Forward or futures price, for --model black76.")
  Double forward;

  @Option(names = "--strike", required = true, paramLabel = "K", description = "Strike.")
  double strike;

  @Option(
      names = "--t",
      required = true,
      paramLabel = "YEARS",
      description =
          "Time to expiry in years, ACT/365 to 15:30 IST on expiry (one hour = 0.000114155).")
  double years;

  @Option(
      names = "--rate",
      required = true,
      paramLabel = "R",
      description = "Continuous risk-free rate as a decimal (NSE's option chain uses 0.10).")
  double rate;

  @Option(
      names = "--div",
      paramLabel = "Q",
      description = "Continuous dividend yield as a decimal (bs only; default 0).")
  Double div;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  /**
   * Checks the flags together and makes the contract; a problem is one error line and exit code 2.
   */
  OptionContract contract(boolean allowExpired) {
    if (spot != null && forward != null) {
      throw invalid("give either --spot or --forward, not both");
    }
    if (spot == null && forward == null) {
      throw invalid("give --spot (Black-Scholes) or --forward (Black-76)");
    }
    PricingModel m = model != null ? model : spot != null ? PricingModel.BS : PricingModel.BLACK76;
    if (m == PricingModel.BS && spot == null) {
      throw invalid("--model bs prices on the spot: give --spot, not --forward");
    }
    if (m == PricingModel.BLACK76 && forward == null) {
      throw invalid("--model black76 prices on the forward: give --forward, not --spot");
    }
    if (m == PricingModel.BLACK76 && div != null) {
      throw invalid("--div applies to --model bs only (a forward already carries the dividend)");
    }
    double underlying = m == PricingModel.BS ? spot : forward;
    positive(m == PricingModel.BS ? "--spot" : "--forward", underlying);
    positive("--strike", strike);
    finite("--t", years);
    if (allowExpired ? years < 0 : years <= 0) {
      throw invalid("--t must be " + (allowExpired ? ">= 0" : "> 0") + " years, got " + years);
    }
    finite("--rate", rate);
    double q = div == null ? 0 : div;
    finite("--div", q);
    return new OptionContract(m, type == OptionKind.CALL, underlying, strike, years, rate, q);
  }

  static void positive(String name, double v) {
    finite(name, v);
    if (!(v > 0)) {
      throw invalid(name + " must be > 0, got " + v);
    }
  }

  static void finite(String name, double v) {
    if (!Double.isFinite(v)) {
      throw invalid(name + " must be a finite number, got " + v);
    }
  }

  // Reported by ErrorHandler as "nfops <command>: <message>", exit code 2; picocli's own parse
  // errors (a missing
  // required flag, a malformed number) keep picocli's message and usage text, also with exit code
  // 2.
  static IllegalArgumentException invalid(String message) {
    return new IllegalArgumentException(message);
  }

  /** Reads bs / black76 in any case. */
  static final class ModelConverter implements CommandLine.ITypeConverter<PricingModel> {
    @Override
    public PricingModel convert(String value) {
      for (PricingModel m : PricingModel.values()) {
        if (m.cliName.equalsIgnoreCase(value)) {
          return m;
        }
      }
      throw new CommandLine.TypeConversionException("expected bs or black76, got '" + value + "'");
    }
  }
}
