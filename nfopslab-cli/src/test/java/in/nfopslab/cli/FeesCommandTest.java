package in.nfopslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.core.trade.Side;
import in.nfopslab.core.trade.TradeLeg;
import in.nfopslab.data.trades.TradeParquet;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code nfops fees --symbol S} summarises a lab's results and says where it wrote them. */
class FeesCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  @TempDir Path root;

  @Test
  void summarisesTheSymbolsTradeFilesAndPrintsWhereTheOutputsAre() throws Exception {
    LocalDate d = LocalDate.of(2025, 3, 5);
    double points = 110.0 - 100.0;
    TradeLeg leg =
        new TradeLeg(
            "orb",
            "default",
            "NIFTY",
            1,
            0,
            d,
            LocalDate.of(2025, 3, 6),
            "CE",
            22500,
            Side.BUY,
            1,
            75,
            d.atTime(9, 45),
            d.atTime(9, 45, 1),
            100.0,
            d.atTime(10, 30),
            110.0,
            "target",
            points,
            points * 75,
            null);
    TradeParquet.write(
        LabPaths.of(root).results().resolve("orb_NIFTY_2025-03-01_2025-03-31.parquet"),
        List.of(leg));

    int code = run("fees", "--root", root.toString(), "--symbol", "nifty", "--no-charts");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("fees: NIFTY: 1 strategies from 1 result file(s)")
        .contains("summary   backtests/results/strategy_summary_NIFTY.csv")
        .contains("markdown  docs/results/RESULTS_SUMMARY.md")
        .contains("report    docs/results/report.html")
        .doesNotContain("charts ");
    assertThat(root.resolve("backtests/results/strategy_summary_NIFTY.csv")).isRegularFile();
    assertThat(Files.readString(root.resolve("docs/results/RESULTS_SUMMARY.md")))
        .contains("| orb | 1 |");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void withoutASymbolOrSubcommandItIsAUsageError() {
    assertThat(run("fees", "--root", root.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--symbol");
  }

  @Test
  void aLabWithoutResultsIsOneLineAndExitCode2() {
    assertThat(run("fees", "--root", root.toString(), "--symbol", "NIFTY")).isEqualTo(2);
    assertThat(err.toString()).contains("nfops fees: no result files for NIFTY");
  }

  private int run(String... args) {
    CommandLine cl = Nfops.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }
}
