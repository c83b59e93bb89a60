package in.nfopslab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code nfops fees} group: {@code quote} prices one order or round trip. */
@Command(
    name = "fees",
    mixinStandardHelpOptions = true,
    description = "India F&O charges: quote a contract note.",
    subcommands = {FeesQuoteCommand.class})
final class FeesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
