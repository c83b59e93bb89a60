package in.nfopslab.cli;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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
        "Backtest intraday strategies on NSE index options from partitioned Parquet tick data.")
public final class Nfops implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "More log output: -v for progress details, -vv for debugging.")
  void setVerbose(boolean[] verbose) {
    Logging.setVerbosity(verbose.length);
  }

  /**
   * The subcommands in the order {@code nfops --help} lists them. Each is made only when needed:
   * picocli reads a command's annotations when it is added, ~0.2 s of a fresh JVM for all of them.
   */
  private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("demo", DemoCommand::new);
    COMMANDS.put("data", DataCommand::new);
    COMMANDS.put("cache", CacheCommand::new);
    COMMANDS.put("run", RunCommand::new);
    COMMANDS.put("sweep", SweepCommand::new);
    COMMANDS.put("status", StatusCommand::new);
    COMMANDS.put("retry", RetryCommand::new);
    COMMANDS.put("strategies", StrategiesCommand::new);
    COMMANDS.put("price", PriceCommand::new);
    COMMANDS.put("iv", IvCommand::new);
    COMMANDS.put("fees", FeesCommand::new);
    COMMANDS.put("help", CommandLine.HelpCommand::new);
  }

  public static void main(String[] args) {
    System.exit(commandLine(args).execute(args));
  }

  /** The configured command line with every subcommand; tests drive it the same way main does. */
  public static CommandLine commandLine() {
    return build(COMMANDS.keySet());
  }

  /**
   * The command line for these arguments: with only the subcommand they name (its first word that
   * is not an option), or with all of them when they name none, {@code help}, or a word that is no
   * command (picocli then lists them, or suggests the nearest).
   */
  static CommandLine commandLine(String[] args) {
    for (String a : args) {
      if (!a.startsWith("-")) {
        return build(COMMANDS.containsKey(a) && !a.equals("help") ? List.of(a) : COMMANDS.keySet());
      }
    }
    return build(COMMANDS.keySet());
  }

  private static CommandLine build(Collection<String> names) {
    CommandLine cl = new CommandLine(new Nfops());
    for (String name : names) {
      cl.addSubcommand(COMMANDS.get(name).get());
    }
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
