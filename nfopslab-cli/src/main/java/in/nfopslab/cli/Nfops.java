package in.nfopslab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code nfops} command: a thin front end that turns options into config records and calls the
 * modules.
 */
@Command(
    name = "nfops",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Backtest intraday strategies on NSE index options from partitioned Parquet tick data.",
    subcommands = {
      DemoCommand.class,
      DataCommand.class,
      CacheCommand.class,
      RunCommand.class,
      SweepCommand.class,
      StatusCommand.class,
      RetryCommand.class,
      StrategiesCommand.class,
      PriceCommand.class,
      IvCommand.class,
      FeesCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Nfops implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "More log output: -v for progress details, -vv for debugging.")
  void setVerbose(boolean[] verbose) {
    Logging.setVerbosity(verbose.length);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests drive it the same way main does. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Nfops());
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.registerConverter(java.time.LocalDate.class, new DateConverter());
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
