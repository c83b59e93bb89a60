package in.nfopslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs {@code nfops} in this JVM and keeps what the last command printed on stdout and stderr, for
 * the tests of one command each.
 *
 * <pre>
 * CliRun cli = new CliRun();
 * assertThat(cli.line("price --type call --spot 100 --strike 100 --t 0.1 --rate 0.1 --vol 0.2"))
 *     .isZero();
 * </pre>
 */
final class CliRun {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** Runs the command with these arguments and returns its exit code. */
  int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cl = Nfops.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  /** Runs a command line whose arguments are separated by single spaces (none holds a space). */
  int line(String commandLine) {
    return run(commandLine.split(" "));
  }

  /**
   * Runs a command line and asserts exit code 2 with the message on stderr and nothing on stdout.
   */
  void assertInputError(String message, String commandLine) {
    assertThat(line(commandLine)).as(err()).isEqualTo(2);
    assertThat(err()).contains(message);
    assertThat(out()).isEmpty();
  }

  /** What the last command printed on stdout. */
  String out() {
    return out.toString();
  }

  /** What the last command printed on stderr. */
  String err() {
    return err.toString();
  }
}
