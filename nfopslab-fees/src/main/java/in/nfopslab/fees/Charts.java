package in.nfopslab.fees;

import in.nfopslab.core.io.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * The PNG charts of one symbol's results, rendered with JFreeChart off screen (no display needed):
 * cumulative net PnL per strategy, its drawdown, and net PnL by year. A sweep can hold hundreds of
 * parameter sets, which no chart can show; the {@value #MAX_SERIES} with the best whole-run net PnL
 * are drawn and the subtitle says so.
 */
final class Charts {
  static final String DIR = "charts";
  static final int WIDTH = 1200;
  static final int HEIGHT = 600;
  static final int MAX_SERIES = 12;

  /**
   * Tableau 10 plus two: distinct on white and for the common colour blindnesses as far as 12
   * colours can be.
   */
  private static final Color[] PALETTE = {
    new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2),
        new Color(0x59A14F),
    new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F),
        new Color(0xBAB0AC),
    new Color(0x1F3A5F), new Color(0x8CD17D)
  };

  private static final String CUMULATIVE = "cumulative_net_";
  private static final String DRAWDOWN = "drawdown_";
  private static final String BY_YEAR = "net_by_year_";

  private Charts() {}

  static List<String> fileNames(String symbol) {
    return List.of(
        CUMULATIVE + symbol + ".png", DRAWDOWN + symbol + ".png", BY_YEAR + symbol + ".png");
  }

  /**
   * A chart's title from its file name (charts/cumulative_net_NIFTY.png -> "Cumulative net PnL,
   * NIFTY").
   */
  static String title(String file) {
    String name = Path.of(file).getFileName().toString().replace(".png", "");
    if (name.startsWith(CUMULATIVE)) {
      return "Cumulative net PnL, " + name.substring(CUMULATIVE.length());
    }
    if (name.startsWith(DRAWDOWN)) {
      return "Drawdown of cumulative net PnL, " + name.substring(DRAWDOWN.length());
    }
    if (name.startsWith(BY_YEAR)) {
      return "Net PnL by year, " + name.substring(BY_YEAR.length());
    }
    return name;
  }

  static boolean isByYear(String file) {
    return Path.of(file).getFileName().toString().startsWith(BY_YEAR);
  }

  /** Renders the three charts of {@code s} into {@code dir}; returns the files written. */
  static List<Path> render(SymbolSummary s, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<StrategyKey> shown = shown(s);
    String note =
        shown.size() < s.series().size()
            ? "the "
                + shown.size()
                + " of "
                + s.series().size()
                + " strategies with the best whole-run net PnL"
            : null;
    List<String> names = fileNames(s.symbol());
    List<Path> out = new ArrayList<>();
    out.add(write(dir.resolve(names.get(0)), cumulative(s, shown, note)));
    out.add(write(dir.resolve(names.get(1)), drawdown(s, shown, note)));
    out.add(write(dir.resolve(names.get(2)), byYear(s, shown, note)));
    return out;
  }

  private static List<StrategyKey> shown(SymbolSummary s) {
    Map<StrategyKey, Double> net = new java.util.HashMap<>();
    for (SummaryRow r : s.rows()) {
      if (r.period().equals(Period.ALL)) {
        net.put(r.key(), r.netInr());
      }
    }
    List<StrategyKey> keys = new ArrayList<>(s.series().keySet());
    keys.sort(
        Comparator.comparing((StrategyKey k) -> -net.getOrDefault(k, 0.0)).thenComparing(k -> k));
    return keys.subList(0, Math.min(MAX_SERIES, keys.size()));
  }

  private static JFreeChart cumulative(SymbolSummary s, List<StrategyKey> shown, String note) {
    return dailyLines(
        s,
        shown,
        note,
        "Cumulative net PnL after fees, " + s.symbol(),
        "Net PnL (INR)",
        DailySeries::cumulative);
  }

  private static JFreeChart drawdown(SymbolSummary s, List<StrategyKey> shown, String note) {
    return dailyLines(
        s,
        shown,
        note,
        "Drawdown of cumulative net PnL, " + s.symbol(),
        "Below running peak (INR)",
        DailySeries::drawdown);
  }

  /** One line a shown strategy over the trading days, of the daily values {@code values} gives. */
  private static JFreeChart dailyLines(
      SymbolSummary s,
      List<StrategyKey> shown,
      String note,
      String title,
      String axis,
      Function<DailySeries, double[]> values) {
    TimeSeriesCollection data = new TimeSeriesCollection();
    for (StrategyKey k : shown) {
      DailySeries d = s.series().get(k);
      data.addSeries(timeSeries(s.labels().get(k), d.days(), values.apply(d)));
    }
    JFreeChart chart =
        ChartFactory.createTimeSeriesChart(title, null, axis, data, true, false, false);
    styleXy(chart, note);
    return chart;
  }

  private static JFreeChart byYear(SymbolSummary s, List<StrategyKey> shown, String note) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (StrategyKey k : shown) {
      for (SummaryRow r : s.rows()) {
        if (Period.isYear(r.period()) && r.key().equals(k)) {
          data.addValue(r.netInr(), s.labels().get(k), r.period());
        }
      }
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            "Net PnL by year after fees, " + s.symbol(),
            null,
            "Net PnL (INR)",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    style(chart, note);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setRangeGridlinePaint(new Color(0xDDDDDD));
    plot.setRangeZeroBaselineVisible(true);
    plot.setRangeZeroBaselinePaint(Color.DARK_GRAY);
    ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(new DecimalFormat("#,##0"));
    CategoryAxis x = plot.getDomainAxis();
    x.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
    BarRenderer bars = (BarRenderer) plot.getRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setItemMargin(0.05);
    for (int i = 0; i < shown.size(); i++) {
      bars.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
    }
    return chart;
  }

  private static TimeSeries timeSeries(String name, List<LocalDate> days, double[] values) {
    TimeSeries ts = new TimeSeries(name);
    for (int i = 0; i < values.length; i++) {
      LocalDate d = days.get(i);
      ts.add(new Day(d.getDayOfMonth(), d.getMonthValue(), d.getYear()), values[i]);
    }
    return ts;
  }

  private static void styleXy(JFreeChart chart, String note) {
    style(chart, note);
    XYPlot plot = chart.getXYPlot();
    plot.setDomainGridlinePaint(new Color(0xDDDDDD));
    plot.setRangeGridlinePaint(new Color(0xDDDDDD));
    plot.setRangeZeroBaselineVisible(true);
    plot.setRangeZeroBaselinePaint(Color.DARK_GRAY);
    ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(new DecimalFormat("#,##0"));
    ((DateAxis) plot.getDomainAxis()).setLowerMargin(0.01);
    XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
      lines.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
      lines.setSeriesStroke(i, new BasicStroke(2.0f));
    }
    plot.setRenderer(lines);
  }

  private static void style(JFreeChart chart, String note) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
    if (note != null) {
      chart.addSubtitle(new TextTitle(note, new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
    }
    chart.getPlot().setBackgroundPaint(Color.WHITE);
    chart.getPlot().setOutlineVisible(false);
    if (chart.getLegend() != null) {
      chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
    }
  }

  private static Path write(Path target, JFreeChart chart) throws IOException {
    AtomicFiles.write(
        target,
        tmp -> {
          try (OutputStream os = Files.newOutputStream(tmp)) {
            ChartUtils.writeChartAsPNG(os, chart, WIDTH, HEIGHT);
          }
        });
    return target;
  }
}
