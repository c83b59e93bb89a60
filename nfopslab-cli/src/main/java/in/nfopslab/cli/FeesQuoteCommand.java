package in.nfopslab.cli;

import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.fees.FeeBreakdown;
import in.nfopslab.fees.FeeComponent;
import in.nfopslab.fees.FeeQuote;
import in.nfopslab.fees.Product;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nfops fees quote}: the charges of a buy and/or a sell of one contract on one day, to check
 * against a contract note. Rupees to 2 decimals in the table, unrounded in --json.
 */
@Command(
    name = "quote",
    mixinStandardHelpOptions = true,
    description = {
      "Quote the India F&O charges (STT, exchange, IPFT, SEBI, stamp duty, GST, brokerage) of a buy and/or a sell.",
      "Rates are those in force on --date (meta/fee_schedule.csv, or --schedule); the lot size is that of the "
          + "contract (--expiry, default the nearest) from meta/lot_sizes.csv unless --lot-size is given."
    })
final class FeesQuoteCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LabOptions lab;

  @Option(
      names = "--date",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "Trade date: the rates in force on it apply.")
  LocalDate date;

  @Option(
      names = "--symbol",
      required = true,
      paramLabel = "SYMBOL",
      description = "Underlying, e.g. NIFTY or BANKNIFTY.")
  String symbol;

  @Option(
      names = "--product",
      defaultValue = "option",
      paramLabel = "PRODUCT",
      description =
          "option (premium), future (turnover) or option_exercised (intrinsic value). Default: ${DEFAULT-VALUE}.")
  String product;

  @Option(names = "--buy", paramLabel = "PRICE", description = "Buy price per unit.")
  Double buy;

  @Option(names = "--sell", paramLabel = "PRICE", description = "Sell price per unit.")
  Double sell;

  @Option(
      names = "--lots",
      defaultValue = "1",
      paramLabel = "N",
      description = "Lots per order. Default: ${DEFAULT-VALUE}.")
  int lots;

  @Option(
      names = "--lot-size",
      paramLabel = "L",
      description = "Units per lot (default: from meta/lot_sizes.csv).")
  Integer lotSize;

  @Option(
      names = "--expiry",
      paramLabel = "YYYY-MM-DD",
      description =
          "The contract's expiry, for its lot size (default: the nearest on or after --date).")
  LocalDate expiry;

  @Option(
      names = "--brokerage",
      defaultValue = "0",
      paramLabel = "RS",
      description =
          "Brokerage per order in rupees (part of GST's base). Default: ${DEFAULT-VALUE}.")
  double brokerage;

  @Option(
      names = "--schedule",
      paramLabel = "FILE",
      description =
          "A fee schedule with the columns of meta/fee_schedule.csv, replacing the lab's.")
  Path schedule;

  @Option(names = "--json", description = "One JSON object with unrounded values.")
  boolean json;

  @Override
  public Integer call() {
    FeeQuote.Request request =
        new FeeQuote.Request(
            date,
            Symbol.parse(symbol),
            Product.parse(product),
            buy,
            sell,
            lots,
            lotSize,
            expiry,
            brokerage,
            schedule == null ? null : schedule.toAbsolutePath().normalize(),
            lab.paths().meta());
    FeeQuote.Result result = FeeQuote.quote(request);
    spec.commandLine().getOut().print(json ? json(result) : table(result));
    spec.commandLine().getOut().flush();
    return 0;
  }

  private static final String[] NAMES = {
    "stt", "exchange", "ipft", "sebi", "stamp", "gst", "brokerage", "total"
  };

  private static double[] values(FeeBreakdown f) {
    return new double[] {
      f.stt(), f.exchange(), f.ipft(), f.sebi(), f.stamp(), f.gst(), f.brokerage(), f.total()
    };
  }

  static String table(FeeQuote.Result r) {
    String nl = System.lineSeparator();
    FeeQuote.Request q = r.request();
    StringBuilder sb = new StringBuilder();
    sb.append(q.symbol())
        .append(' ')
        .append(q.product().label())
        .append(" on ")
        .append(q.date())
        .append(": ")
        .append(q.lots())
        .append(q.lots() == 1 ? " lot x " : " lots x ")
        .append(r.lotSize())
        .append(" = ")
        .append(r.quantity())
        .append(" units (lot_size ")
        .append(r.lotSize())
        .append(": ")
        .append(r.lotSizeSource())
        .append(')')
        .append(nl);
    sb.append("rates: ").append(r.schedule()).append(nl);
    List<String> heads = new ArrayList<>();
    List<double[]> cols = new ArrayList<>();
    List<Double> prices = new ArrayList<>();
    if (r.buy() != null) {
      heads.add("buy");
      cols.add(values(r.buy()));
      prices.add(q.buy());
    }
    if (r.sell() != null) {
      heads.add("sell");
      cols.add(values(r.sell()));
      prices.add(q.sell());
    }
    heads.add("total");
    cols.add(values(r.total()));
    int w = 12;
    sb.append(nl).append(pad("", 10));
    for (String h : heads) {
      sb.append(left(h, w));
    }
    sb.append(nl).append(pad("value", 10));
    double totalValue = 0;
    for (double p : prices) {
      totalValue += p * r.quantity();
      sb.append(left(rupees(p * r.quantity()), w));
    }
    sb.append(left(rupees(totalValue), w)).append(nl);
    for (int i = 0; i < NAMES.length; i++) {
      sb.append(pad(NAMES[i], 10));
      for (double[] c : cols) {
        sb.append(left(rupees(c[i]), w));
      }
      sb.append(nl);
    }
    if (!Double.isNaN(r.grossPnl())) {
      sb.append(nl)
          .append("gross ")
          .append(rupees(r.grossPnl()))
          .append(", charges ")
          .append(rupees(r.total().total()))
          .append(", net ")
          .append(rupees(r.netPnl()))
          .append(nl);
    }
    if (!r.notInForce().isEmpty()) {
      sb.append("note: no rate in force on ")
          .append(q.date())
          .append(" for ")
          .append(labels(r))
          .append(" (charged 0)")
          .append(nl);
    }
    return sb.toString();
  }

  static String json(FeeQuote.Result r) {
    FeeQuote.Request q = r.request();
    StringBuilder sb = new StringBuilder("{");
    sb.append("\"date\":\"").append(q.date()).append('"');
    sb.append(",\"symbol\":\"").append(q.symbol()).append('"');
    sb.append(",\"product\":\"").append(q.product().label()).append('"');
    sb.append(",\"lots\":").append(q.lots());
    sb.append(",\"lot_size\":").append(r.lotSize());
    sb.append(",\"quantity\":").append(r.quantity());
    sb.append(",\"expiry\":").append(r.expiry() == null ? "null" : "\"" + r.expiry() + "\"");
    sb.append(",\"lot_size_source\":").append(string(r.lotSizeSource()));
    sb.append(",\"schedule\":").append(string(r.schedule()));
    sb.append(",\"brokerage_per_order\":").append(Numbers.json(q.brokeragePerOrder()));
    if (r.buy() != null) {
      sb.append(",\"buy\":").append(order(q.buy(), r.quantity(), r.buy()));
    }
    if (r.sell() != null) {
      sb.append(",\"sell\":").append(order(q.sell(), r.quantity(), r.sell()));
    }
    sb.append(",\"total\":").append(breakdown(r.total()));
    if (!Double.isNaN(r.grossPnl())) {
      sb.append(",\"gross_pnl\":").append(Numbers.json(r.grossPnl()));
      sb.append(",\"net_pnl\":").append(Numbers.json(r.netPnl()));
    }
    sb.append(",\"not_in_force\":[");
    int i = 0;
    for (FeeComponent c : r.notInForce()) {
      sb.append(i++ > 0 ? "," : "").append('"').append(c.label()).append('"');
    }
    return sb.append("]}").append(System.lineSeparator()).toString();
  }

  private static String order(double price, long quantity, FeeBreakdown f) {
    String b = breakdown(f);
    return "{\"price\":"
        + Numbers.json(price)
        + ",\"value\":"
        + Numbers.json(price * quantity)
        + ","
        + b.substring(1);
  }

  private static String breakdown(FeeBreakdown f) {
    double[] v = values(f);
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < NAMES.length; i++) {
      sb.append(i > 0 ? "," : "")
          .append('"')
          .append(NAMES[i])
          .append("\":")
          .append(Numbers.json(v[i]));
    }
    return sb.append('}').toString();
  }

  private static String labels(FeeQuote.Result r) {
    List<String> l = new ArrayList<>();
    r.notInForce().forEach(c -> l.add(c.label()));
    return String.join(", ", l);
  }

  /** A JSON string: paths may hold quotes, backslashes or control characters. */
  private static String string(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  private static String rupees(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String pad(String s, int w) {
    return s + " ".repeat(Math.max(1, w - s.length()));
  }

  private static String left(String s, int w) {
    return " ".repeat(Math.max(1, w - s.length())) + s;
  }
}
