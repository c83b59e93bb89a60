package in.nfopslab.fees;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.instrument.LotSizes;
import in.nfopslab.core.io.AtomicFiles;
import in.nfopslab.data.meta.LotSizeCsv;
import in.nfopslab.data.meta.MetaTables;
import in.nfopslab.data.trades.ResultKind;
import in.nfopslab.data.trades.StanceParquet;
import in.nfopslab.data.trades.TradeParquet;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code nfops fees}: reads a symbol's trade files from backtests/results, charges every order
 * (India F&O fees at each order's date, each contract's own lot size), and writes the per-strategy,
 * per-year summary CSV, the Markdown summary, the charts and the self-contained HTML report. The
 * entry point for the CLI and the demo is {@link #run(FeesConfig)}.
 */
public final class FeesPostProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(FeesPostProcessor.class);

  /**
   * {@code ..._{START}_{END}.parquet} (dates as YYYY-MM-DD or YYYYMMDD), the run's span in the
   * orchestrator's names.
   */
  private static final Pattern SPAN =
      Pattern.compile(
          "_(\\d{4}-?\\d{2}-?\\d{2})_(\\d{4}-?\\d{2}-?\\d{2})(?:_[A-Za-z]+)?\\.parquet$");

  private static final String STATUS_PREFIX = "run_all_status_";

  private FeesPostProcessor() {}

  /**
   * Summarises the symbol's results and writes the outputs; see {@link FeesRun} for what is
   * returned.
   *
   * @throws IllegalArgumentException when there is nothing to summarise or an input is not a result
   *     file
   * @throws IOException when a file cannot be read or written
   */
  public static FeesRun run(FeesConfig config) throws IOException {
    requireNonNull(config, "config is null");
    List<Path> inputs = config.runs().isEmpty() ? discover(config) : config.runs();
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException(
          "no result files for "
              + config.symbol()
              + " in "
              + config.lab().results()
              + " (expected *_"
              + config.symbol()
              + "_*.parquet from nfops run; or name files with --run)");
    }
    MetaTables meta = MetaTables.load(config.lab().meta());
    FeeSchedule schedule =
        config.scheduleFile() != null
            ? FeeSchedule.read(config.scheduleFile())
            : FeeSchedule.load(config.lab().meta());
    Supplier<LotSizes> lots = memoize(() -> LotSizeCsv.load(meta));
    Ledger ledger = new Ledger(config.symbol(), schedule, config.brokeragePerOrder(), lots);
    List<String> warnings = new ArrayList<>();
    List<Path> read = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      Path f = inputs.get(i);
      if (!Files.isRegularFile(f)) {
        throw new IllegalArgumentException("result file " + f + " does not exist");
      }
      LocalDate[] span = span(f);
      switch (ResultKind.of(f)) {
        case TRADE_LEGS:
          ledger.addTrades(i, f, TradeParquet.read(f), span);
          read.add(f);
          break;
        case STANCE:
          ledger.addStances(f, StanceParquet.read(f), span);
          read.add(f);
          break;
        default:
          if (!config.runs().isEmpty()) {
            throw new IllegalArgumentException(f + " holds neither trade legs nor stance rows");
          }
          LOG.debug("skipping {}: neither trade legs nor stance rows", f);
      }
    }
    if (ledger.isEmpty()) {
      throw new IllegalArgumentException(
          "no "
              + config.symbol()
              + " trades or stances in "
              + read.size()
              + " result file(s) under "
              + config.lab().results());
    }
    SymbolSummary summary = ledger.summarise(meta.calendar());
    warnings.addAll(ledger.warnings());

    Path results = config.lab().results();
    Path summaryCsv = results.resolve(SummaryCsv.summaryFileName(summary.symbol()));
    SummaryCsv.writeSummary(summaryCsv, summary.rows());
    Path stanceCsv = results.resolve(SummaryCsv.stanceFileName(summary.symbol()));
    if (!summary.stances().isEmpty()) {
      SummaryCsv.writeStances(stanceCsv, summary.stances());
    } else {
      // a stale stance summary from an earlier run would reappear in the report
      Files.deleteIfExists(stanceCsv);
      stanceCsv = null;
    }

    Path docs = config.docsResults();
    List<Path> charts = new ArrayList<>();
    if (config.charts() && !summary.series().isEmpty()) {
      try {
        charts.addAll(Charts.render(summary, docs.resolve(Charts.DIR)));
      } catch (RuntimeException | LinkageError | java.awt.AWTError e) {
        warnings.add(chartFailure(e));
      } catch (Error e) {
        // the JDK's font manager reports a machine without fonts as an Error; anything else is not
        // ours to handle
        if (e.getMessage() == null
            || !e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("font")) {
          throw e;
        }
        warnings.add(chartFailure(e));
      }
    }

    Map<String, ReportTables> all = allSymbols(results);
    Map<String, List<String>> chartLinks = new TreeMap<>();
    for (String s : all.keySet()) {
      chartLinks.put(s, ResultsMarkdown.existingCharts(docs, s));
    }
    String scheduleNote =
        "Fee schedule used for " + summary.symbol() + ": " + describe(config, schedule) + ".";
    Path md = docs.resolve(ResultsMarkdown.FILE_NAME);
    AtomicFiles.writeString(md, ResultsMarkdown.render(all, chartLinks, scheduleNote));
    Path html = docs.resolve(HtmlReport.FILE_NAME);
    AtomicFiles.writeString(html, HtmlReport.render(all, chartLinks, docs, scheduleNote));

    for (String w : warnings) {
      LOG.warn(w);
    }
    int strategies =
        summary.series().size()
            + (int) summary.stances().stream().map(StanceCount::key).distinct().count();
    return new FeesRun(summaryCsv, stanceCsv, md, html, charts, read, strategies, warnings);
  }

  /**
   * Every {@code *_{SYMBOL}_*.parquet} in the results folder but the run status files, sorted by
   * name.
   */
  static List<Path> discover(FeesConfig config) throws IOException {
    Path dir = config.lab().results();
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    String marker = "_" + config.symbol().name() + "_";
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.parquet")) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (name.contains(marker)
            && !name.startsWith(STATUS_PREFIX)
            && !AtomicFiles.isTemporary(f)
            && Files.isRegularFile(f)) {
          out.add(f);
        }
      }
    }
    out.sort(null);
    return out;
  }

  /** The run's first and last day from the file name, or null when the name does not carry them. */
  static LocalDate[] span(Path file) {
    Matcher m = SPAN.matcher(file.getFileName().toString());
    if (!m.find()) {
      return null;
    }
    try {
      LocalDate a = date(m.group(1));
      LocalDate b = date(m.group(2));
      return a.isAfter(b) ? null : new LocalDate[] {a, b};
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static LocalDate date(String s) {
    return s.contains("-")
        ? LocalDate.parse(s)
        : LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE);
  }

  /** The summaries of every symbol in the results folder, from their CSVs, by symbol. */
  private static Map<String, ReportTables> allSymbols(Path results) throws IOException {
    Map<String, ReportTables> out = new TreeMap<>();
    Map<String, List<SummaryRow>> rows = new TreeMap<>();
    Map<String, List<StanceCount>> stances = new TreeMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(results, "*_summary_*.csv")) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (name.startsWith("strategy_summary_")) {
          rows.put(
              name.substring("strategy_summary_".length(), name.length() - 4),
              SummaryCsv.readSummary(f));
        } else if (name.startsWith("stance_summary_")) {
          stances.put(
              name.substring("stance_summary_".length(), name.length() - 4),
              SummaryCsv.readStances(f));
        }
      }
    }
    java.util.Set<String> symbols = new java.util.TreeSet<>(rows.keySet());
    symbols.addAll(stances.keySet());
    for (String s : symbols) {
      out.put(
          s, new ReportTables(rows.getOrDefault(s, List.of()), stances.getOrDefault(s, List.of())));
    }
    return out;
  }

  private static String describe(FeesConfig config, FeeSchedule schedule) {
    String brokerage =
        config.brokeragePerOrder() > 0
            ? String.format(
                java.util.Locale.ROOT, ", brokerage Rs %.2f per order", config.brokeragePerOrder())
            : ", no brokerage";
    // a path inside the lab is shown relative to it, so the summary reads the same wherever the lab
    // lives
    String source = schedule.source();
    try {
      Path p = Path.of(source).toAbsolutePath().normalize();
      if (p.startsWith(config.lab().root())) {
        source = config.lab().root().relativize(p).toString();
      }
    } catch (java.nio.file.InvalidPathException e) {
      // "bundled meta/fee_schedule.csv" is not a path; keep it as it is
    }
    return source + brokerage;
  }

  private static String chartFailure(Throwable e) {
    return "charts not rendered ("
        + e
        + "); headless Java needs fontconfig and at least one font"
        + " (Debian: apt-get install fontconfig fonts-dejavu-core)";
  }

  private static <T> Supplier<T> memoize(Supplier<T> s) {
    return new Supplier<>() {
      private T value;

      @Override
      public T get() {
        if (value == null) {
          value = s.get();
        }
        return value;
      }
    };
  }
}
