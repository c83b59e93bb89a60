package in.nfopslab.cli;

import in.nfopslab.core.calendar.Session;
import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.core.market.SecondBars;
import in.nfopslab.data.catalog.PackedCatalog;
import in.nfopslab.data.meta.MetaTables;
import in.nfopslab.data.read.BarReader;
import in.nfopslab.data.read.DataWarning;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code nfops data bars}: the per-second bars of one instrument on one day, as CSV. */
@Command(
    name = "bars",
    mixinStandardHelpOptions = true,
    description =
        "Print the per-second bars (ts,close,volume,ticks[,oi]) of spot, futures or one option on one day.")
final class DataBarsCommand implements Callable<Integer> {
  /** Which instrument. */
  enum Kind {
    spot,
    futures,
    option
  }

  /** The command's inputs. */
  record Config(
      LabPaths paths,
      Symbol symbol,
      LocalDate date,
      Kind kind,
      LocalDate expiry,
      OptionType type,
      Integer strike,
      boolean onlyTrades) {}

  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin LabOptions lab;

  @Option(
      names = "--symbol",
      required = true,
      converter = SymbolConverter.class,
      description = "NIFTY or BANKNIFTY.")
  Symbol symbol;

  @Option(names = "--date", required = true, description = "Trade date, YYYY-MM-DD.")
  LocalDate date;

  @Option(
      names = "--kind",
      defaultValue = "spot",
      description = "spot, futures or option (default: ${DEFAULT-VALUE}).")
  Kind kind;

  @Option(
      names = "--expiry",
      description = "Expiry (required for option; futures default: the nearest).")
  LocalDate expiry;

  @Option(names = "--type", description = "CE or PE (option).")
  String type;

  @Option(names = "--strike", description = "Strike (option).")
  Integer strike;

  @Option(names = "--only-trades", description = "Print only seconds with at least one trade.")
  boolean onlyTrades;

  @Override
  public Integer call() throws Exception {
    Config c = config();
    MetaTables meta = MetaTables.load(c.paths().meta());
    Session session = meta.sessions().sessionFor(c.date());
    Path file = file(c);
    if (file == null || !Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "no "
              + c.kind()
              + " file for "
              + c.symbol()
              + " on "
              + c.date()
              + (file == null ? "" : " (looked for " + file + ")"));
    }
    List<DataWarning> warnings = new ArrayList<>();
    SecondBars bars = new BarReader().readDay(file, session, warnings);
    for (DataWarning w : warnings) {
      spec.commandLine().getErr().println("warning: " + w);
    }
    PrintWriter out = spec.commandLine().getOut();
    List<String> header = new ArrayList<>(List.of("ts", "close", "volume", "ticks"));
    if (bars.hasOi()) {
      header.add("oi");
    }
    try (CSVPrinter csv =
        new CSVPrinter(
            out,
            CSVFormat.DEFAULT
                .builder()
                .setHeader(header.toArray(String[]::new))
                .setRecordSeparator('\n')
                .get())) {
      for (int s = 0; s < bars.length(); s++) {
        if (c.onlyTrades() && bars.ticks(s) == 0) {
          continue;
        }
        double close = bars.close(s);
        String ts = TS.format(session.timeAt(s).atDate(c.date()));
        if (bars.hasOi()) {
          csv.printRecord(
              ts, Double.isNaN(close) ? "" : close, bars.volume(s), bars.ticks(s), bars.oi(s));
        } else {
          csv.printRecord(ts, Double.isNaN(close) ? "" : close, bars.volume(s), bars.ticks(s));
        }
      }
    }
    out.flush();
    return 0;
  }

  private Config config() {
    OptionType t = null;
    if (kind == Kind.option) {
      if (expiry == null || type == null || strike == null) {
        throw new ParameterException(
            spec.commandLine(), "--kind option needs --expiry, --type and --strike");
      }
      try {
        t = OptionType.parse(type);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    return new Config(lab.paths(), symbol, date, kind, expiry, t, strike, onlyTrades);
  }

  private static Path file(Config c) {
    switch (c.kind()) {
      case spot:
        return c.paths().spotFile(c.symbol(), c.date());
      case futures:
        return c.expiry() != null
            ? c.paths().futuresFile(c.symbol(), c.expiry())
            : PackedCatalog.load(c.paths(), c.symbol()).nearestFutures(c.date());
      default:
        return c.paths().optionFile(c.symbol(), c.expiry(), c.type(), c.strike());
    }
  }
}
