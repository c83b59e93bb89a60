package in.nfopslab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code nfops data} group: generate, bars, check. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description =
        "Work with packed tick data: generate a synthetic lab, print per-second bars, check files.",
    subcommands = {
      GenerateCommand.class,
      DataCalendarCommand.class,
      DataBarsCommand.class,
      DataCheckCommand.class
    })
final class DataCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
