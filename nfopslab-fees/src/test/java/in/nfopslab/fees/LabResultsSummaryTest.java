package in.nfopslab.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.core.trade.Side;
import in.nfopslab.core.trade.StanceRow;
import in.nfopslab.data.trades.StanceParquet;
import in.nfopslab.data.trades.TradeParquet;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nfops fees} on a small lab written here: two NIFTY strategies (one with a four-leg trade),
 * a stance-only strategy, a status file and a BANKNIFTY file that must not be read. Fees of each
 * trade as worked by hand in {@link LegOrdersAndTheirFeesTest}; trading days from the bundled
 * meta/holidays.csv.
 */
class LabResultsSummaryTest {
  @TempDir Path root;
  private LabPaths lab;

  private static LocalDate d(String s) {
    return LocalDate.parse(s);
  }

  @BeforeEach
  void writeLab() throws Exception {
    lab = LabPaths.of(root);
    Path results = lab.results();
    // orb: 2024-12-10 long CE 100 -> 110, lot 25 (net 250 - 5.0322785 = 244.9677215);
    // 2025-01-15 short PE 150 -> 120, lot 75 (net 2250 - 20.0337885 = 2229.9662115);
    // 2025-01-16 long CE 100 -> 90, lot 75 (fees: stt 6.75 + exchange 14,250 x 0.0003503 = 4.991775
    // + ipft 0.07125
    // + sebi 0.01425 + stamp 0.225 + gst 0.18 x 5.077275 = 0.9139095 -> 12.9661845; net -750 -
    // 12.9661845)
    TradeParquet.write(
        results.resolve("orb_NIFTY_2024-12-01_2025-01-31.parquet"),
        List.of(
            Legs.leg(
                "orb",
                "default",
                1,
                0,
                "CE",
                Side.BUY,
                d("2024-12-10"),
                100,
                d("2024-12-10"),
                110,
                1,
                25,
                "target"),
            Legs.leg(
                "orb",
                "default",
                2,
                0,
                "PE",
                Side.SELL,
                d("2025-01-15"),
                150,
                d("2025-01-15"),
                120,
                1,
                75,
                "target"),
            Legs.leg(
                "orb",
                "default",
                3,
                0,
                "CE",
                Side.BUY,
                d("2025-01-16"),
                100,
                d("2025-01-16"),
                90,
                1,
                75,
                "stop")));
    // iron_condor: one four-leg trade on 2025-03-05, 14.95 points x 75 = 1121.25 gross, fees
    // 18.1217804025
    LocalDate c = d("2025-03-05");
    TradeParquet.write(
        results.resolve("iron_condor_NIFTY_2025-03-01_2025-03-31.parquet"),
        List.of(
            Legs.leg(
                "iron_condor", "default", 7, 0, "CE", Side.SELL, c, 45.10, c, 30.05, 1, 75, "eod"),
            Legs.leg(
                "iron_condor", "default", 7, 1, "CE", Side.BUY, c, 20.40, c, 13.15, 1, 75, "eod"),
            Legs.leg(
                "iron_condor", "default", 7, 2, "PE", Side.SELL, c, 52.60, c, 40.00, 1, 75, "eod"),
            Legs.leg(
                "iron_condor", "default", 7, 3, "PE", Side.BUY, c, 27.35, c, 21.90, 1, 75, "eod")));
    StanceParquet.write(
        results.resolve("dispersion_NIFTY_2025-01-01_2025-01-31.parquet"),
        List.of(
            stance(d("2025-01-02"), "long_dispersion"),
            stance(d("2025-01-03"), "long_dispersion"),
            stance(d("2025-01-06"), "neutral")));
    // decoys: a status file (holding legs, so reading it would show) and another symbol's trades
    TradeParquet.write(
        results.resolve("run_all_status_NIFTY_2024-12-01_2025-03-31.parquet"),
        List.of(Legs.leg("decoy", "default", 1, 0, "CE", Side.BUY, c, 1, c, 2, 1, 75, "eod")));
    TradeParquet.write(
        results.resolve("orb_BANKNIFTY_2025-01-01_2025-01-31.parquet"),
        List.of(
            Legs.leg(
                "BANKNIFTY",
                "orb",
                "default",
                1,
                0,
                "CE",
                Side.BUY,
                c,
                300,
                c,
                330,
                1,
                30,
                "target")));
  }

  private static StanceRow stance(LocalDate day, String s) {
    return new StanceRow(
        "dispersion",
        "default",
        "NIFTY",
        day,
        day.atTime(10, 0),
        s,
        "",
        new TreeMap<>(Map.of("index_iv", 0.14)));
  }

  @Test
  void theSummaryCsvHasARowPerStrategyAndPeriodWithTheHandWorkedNumbers() throws Exception {
    FeesRun run = FeesPostProcessor.run(FeesConfig.of(lab, new Symbol("NIFTY")));

    assertThat(run.summaryCsv()).isEqualTo(lab.results().resolve("strategy_summary_NIFTY.csv"));
    assertThat(run.inputs()).hasSize(3);
    assertThat(run.warnings()).isEmpty();
    List<SummaryRow> rows = SummaryCsv.readSummary(run.summaryCsv());
    assertThat(rows)
        .extracting(r -> r.strategy() + "/" + r.period())
        .containsExactly(
            "iron_condor/2025",
            "iron_condor/all",
            "iron_condor/last_1y",
            "orb/2024",
            "orb/2025",
            "orb/all",
            "orb/last_1y");

    SummaryRow orb = row(rows, "orb", "all");
    assertThat(orb.trades()).isEqualTo(3);
    // 2024-12-01..2025-01-31: 21 + 23 weekdays less Christmas 2024-12-25 = 44 trading days
    assertThat(orb.tradingDays()).isEqualTo(44);
    assertThat(orb.activeDays()).isEqualTo(3);
    assertThat(orb.winRate()).isCloseTo(2.0 / 3, within(1e-4));
    // gross 250 + 2250 - 750 = 1750; points 10 + 30 - 10 = 30
    assertThat(orb.grossInr()).isCloseTo(1750, within(0.005));
    assertThat(orb.grossPoints()).isCloseTo(30, within(0.005));
    // fees 5.0322785 + 20.0337885 + 12.9661845 = 38.0322515; net 1711.9677485
    assertThat(orb.feesInr()).isCloseTo(38.03, within(0.005));
    assertThat(orb.netInr()).isCloseTo(1711.97, within(0.005));
    // profit factor (244.9677215 + 2229.9662115) / 762.9661845 = 3.2438317494
    assertThat(orb.profitFactor()).isCloseTo(3.2438, within(5e-5));
    // the fall after the 2025-01-15 peak: 762.9661845
    assertThat(orb.maxDrawdownInr()).isCloseTo(762.97, within(0.005));
    // over the 44 days (41 of them zero): Sharpe 1.7194864668, Sortino 5.3698755524
    assertThat(orb.sharpe()).isCloseTo(1.7195, within(5e-5));
    assertThat(orb.sortino()).isCloseTo(5.3699, within(5e-5));
    assertThat(orb.bestDay()).isEqualTo(d("2025-01-15"));
    assertThat(orb.worstDay()).isEqualTo(d("2025-01-16"));
    assertThat(orb.fees().stt()).isCloseTo(0.001 * 2750 + 11.25 + 6.75, within(0.005));

    assertThat(row(rows, "orb", "2024").netInr()).isCloseTo(244.97, within(0.005));
    // 2229.9662115 - 762.9661845 = 1467.000027
    assertThat(row(rows, "orb", "2025").netInr()).isCloseTo(1467.00, within(0.005));
    // the last year ends with the symbol's last run day 2025-03-31: it covers orb's whole run
    assertThat(row(rows, "orb", "last_1y").netInr()).isEqualTo(orb.netInr());

    SummaryRow condor = row(rows, "iron_condor", "all");
    assertThat(condor.trades()).isEqualTo(1);
    assertThat(condor.legs()).isEqualTo(4);
    // 1121.25 - 18.1217804025 = 1103.1282195975
    assertThat(condor.netInr()).isCloseTo(1103.13, within(0.005));
  }

  @Test
  void stanceOnlyStrategiesAreCountedByStanceNotShownAsZeroPnl() throws Exception {
    FeesRun run = FeesPostProcessor.run(FeesConfig.of(lab, new Symbol("NIFTY")));
    assertThat(SummaryCsv.readSummary(run.summaryCsv()))
        .noneMatch(r -> r.strategy().equals("dispersion"));
    assertThat(SummaryCsv.readStances(run.stanceCsv()))
        .contains(
            new StanceCount("NIFTY", "dispersion", "default", "all", "long_dispersion", 2),
            new StanceCount("NIFTY", "dispersion", "default", "all", "neutral", 1));
    String md = Files.readString(run.resultsMarkdown());
    assertThat(md)
        .contains("### Stance-only strategies")
        .contains("| dispersion | all | 3 | long_dispersion 2, neutral 1 |");
    assertThat(run.strategies()).isEqualTo(3);
  }

  @Test
  void theMarkdownSummaryHasTheTablesTheLastYearAndLinksToTheCharts() throws Exception {
    FeesRun run = FeesPostProcessor.run(FeesConfig.of(lab, new Symbol("NIFTY")));
    assertThat(run.resultsMarkdown()).isEqualTo(root.resolve("docs/results/RESULTS_SUMMARY.md"));
    String md = Files.readString(run.resultsMarkdown());
    assertThat(md)
        .contains("## NIFTY")
        // trading days: 2024-12-01 is a Sunday, 2025-03-31 a holiday (meta/holidays.csv)
        .contains("Run: 2024-12-02 to 2025-03-28.")
        .contains("### Whole run")
        .contains("### Last year: 2024-12-02 to 2025-03-28")
        .contains("### By year")
        .contains(
            "| orb | 3 | 66.7% | 1,750 | 38 | 1,712 | 571 | 3.24 | 763 | 1.72 | 5.37 | 2,230 (2025-01-15) | -763 (2025-01-16) |")
        .contains("![Cumulative net PnL, NIFTY](charts/cumulative_net_NIFTY.png)")
        .contains("![Net PnL by year, NIFTY](charts/net_by_year_NIFTY.png)")
        .contains("[report.html](report.html)")
        .doesNotContain("decoy")
        .doesNotContain("BANKNIFTY");
  }

  @Test
  void chartsAreValidPngsOfTheExpectedSizeAndTheReportEmbedsThem() throws Exception {
    FeesRun run = FeesPostProcessor.run(FeesConfig.of(lab, new Symbol("NIFTY")));
    // on a machine without fonts the warning says so (headless Java needs fontconfig and one font)
    assertThat(run.charts())
        .as("charts written; warnings: %s", run.warnings())
        .extracting(p -> p.getFileName().toString())
        .containsExactly("cumulative_net_NIFTY.png", "drawdown_NIFTY.png", "net_by_year_NIFTY.png");
    for (Path png : run.charts()) {
      byte[] bytes = Files.readAllBytes(png);
      assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
      BufferedImage image = ImageIO.read(png.toFile());
      assertThat(image).as(png.toString()).isNotNull();
      assertThat(image.getWidth()).isEqualTo(Charts.WIDTH);
      assertThat(image.getHeight()).isEqualTo(Charts.HEIGHT);
      assertThat(distinctColours(image)).as("a chart, not a blank canvas").isGreaterThan(20);
    }
    String html = Files.readString(run.report());
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<h2>NIFTY</h2>")
        .doesNotContain("src=\"charts/");
    Matcher m = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
    int images = 0;
    while (m.find()) {
      BufferedImage embedded =
          ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
      assertThat(embedded.getWidth()).isEqualTo(Charts.WIDTH);
      images++;
    }
    assertThat(images).isEqualTo(3);
  }

  @Test
  void summarisingASecondSymbolKeepsTheFirstInTheMarkdown() throws Exception {
    FeesPostProcessor.run(FeesConfig.of(lab, new Symbol("NIFTY")));
    FeesRun bn = FeesPostProcessor.run(FeesConfig.of(lab, new Symbol("BANKNIFTY")));
    assertThat(bn.inputs())
        .containsExactly(lab.results().resolve("orb_BANKNIFTY_2025-01-01_2025-01-31.parquet"));
    String md = Files.readString(bn.resultsMarkdown());
    assertThat(md.indexOf("## BANKNIFTY")).isPositive().isLessThan(md.indexOf("## NIFTY"));
    assertThat(Files.readString(bn.report()))
        .contains("<h2>BANKNIFTY</h2>")
        .contains("<h2>NIFTY</h2>");
  }

  @Test
  void namedRunFilesReplaceDiscoveryAndMustHoldResults() throws Exception {
    Path condor = lab.results().resolve("iron_condor_NIFTY_2025-03-01_2025-03-31.parquet");
    FeesRun run =
        FeesPostProcessor.run(
            new FeesConfig(lab, new Symbol("NIFTY"), List.of(condor), null, 20.0, false));
    List<SummaryRow> rows = SummaryCsv.readSummary(run.summaryCsv());
    assertThat(rows).extracting(SummaryRow::strategy).containsOnly("iron_condor");
    // Rs 20 brokerage on each of 8 orders plus 18% GST on it: 18.1217804025 + 8 x 23.6 =
    // 206.9217804025
    assertThat(row(rows, "iron_condor", "all").feesInr()).isCloseTo(206.92, within(0.005));
    assertThat(run.charts()).isEmpty();

    Path csv = lab.results().resolve("strategy_summary_NIFTY.csv");
    assertThatThrownBy(
            () ->
                FeesPostProcessor.run(
                    new FeesConfig(lab, new Symbol("NIFTY"), List.of(csv), null, 0, false)))
        .hasMessageContaining("not a readable Parquet file");
  }

  @Test
  void aLabWithoutResultsIsAClearError(@TempDir Path empty) {
    assertThatThrownBy(
            () -> FeesPostProcessor.run(FeesConfig.of(LabPaths.of(empty), new Symbol("NIFTY"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no result files for NIFTY")
        .hasMessageContaining("--run");
  }

  @Test
  void theRunSpanComesFromTheOrchestratorsFileNames() {
    assertThat(FeesPostProcessor.span(Path.of("orb_NIFTY_2024-12-01_2025-01-31.parquet")))
        .containsExactly(d("2024-12-01"), d("2025-01-31"));
    assertThat(FeesPostProcessor.span(Path.of("orb_NIFTY_20241201_20250131.parquet")))
        .containsExactly(d("2024-12-01"), d("2025-01-31"));
    assertThat(FeesPostProcessor.span(Path.of("my_trades.parquet"))).isNull();
  }

  private static SummaryRow row(List<SummaryRow> rows, String strategy, String period) {
    return rows.stream()
        .filter(r -> r.strategy().equals(strategy) && r.period().equals(period))
        .findFirst()
        .orElseThrow();
  }

  private static int distinctColours(BufferedImage image) {
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
