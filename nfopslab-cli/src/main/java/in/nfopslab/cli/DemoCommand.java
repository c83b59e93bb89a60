package in.nfopslab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code nfops demo}: generate a sample lab and run everything the project can do on it. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Generate a small sample lab (default ./demo-lab) and run every stage on it.")
final class DemoCommand implements Callable<Integer> {
  @Mixin LabOptions lab;

  @Override
  public Integer call() {
    System.out.println("demo: nothing to run yet");
    return 0;
  }
}
