package in.nfopslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line main builds: only the subcommand the arguments name, or all of them. */
class NfopsTest {
  private static final String[] ALL = {
    "demo",
    "data",
    "cache",
    "run",
    "sweep",
    "status",
    "retry",
    "strategies",
    "price",
    "iv",
    "fees",
    "help"
  };

  @Test
  void theArgumentsNamingASubcommandGetOnlyThatOne() {
    assertThat(Nfops.commandLine(new String[] {"-v", "run", "--symbol", "NIFTY"}).getSubcommands())
        .containsOnlyKeys("run");
    assertThat(Nfops.commandLine(new String[] {"data", "generate"}).getSubcommands())
        .containsOnlyKeys("data");
    // the nested commands of the one chosen are all there
    assertThat(
            Nfops.commandLine(new String[] {"data"}).getSubcommands().get("data").getSubcommands())
        .containsKeys("generate", "check");
  }

  @Test
  void helpNoCommandOrAWordThatIsNoCommandGetThemAll() {
    for (String[] args :
        new String[][] {{}, {"--help"}, {"-V"}, {"help"}, {"help", "run"}, {"rnu"}, {"-v"}}) {
      assertThat(Nfops.commandLine(args).getSubcommands().keySet())
          .as(String.join(" ", args))
          .containsExactly(ALL);
    }
    assertThat(Nfops.commandLine().getSubcommands().keySet()).containsExactly(ALL);
  }

  @Test
  void aCommandRunsTheSameWhicheverWayItWasBuilt(@TempDir Path lab) {
    String[] status = {"-v", "status", "--root", lab.toString(), "--field", "state"};
    assertThat(execute(Nfops.commandLine(status), status)).isEqualTo("0 none");
    assertThat(execute(Nfops.commandLine(), status)).isEqualTo("0 none");
    // a typo is still told the nearest command, since all are there to be suggested
    String[] typo = {"rnu", "--symbol", "NIFTY"};
    CommandLine cl = Nfops.commandLine(typo);
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    assertThat(cl.execute(typo)).isEqualTo(2);
    assertThat(err.toString()).contains("rnu").contains("run");
  }

  private static String execute(CommandLine cl, String[] args) {
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    int code = cl.execute(args);
    return code + " " + out.toString().strip();
  }
}
