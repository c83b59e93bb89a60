package in.nfopslab.fees;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.trade.Side;
import in.nfopslab.data.meta.MetaCsv;
import in.nfopslab.data.meta.MetaFormatException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The India F&O charge rates by effective date: meta/fee_schedule.csv (the lab's copy, else the
 * bundled one), or a user's file given with --schedule, with the same columns {@code
 * effective_from, product, component, basis, side, rate_pct, note}. A row is in force from its date
 * until a later row for the same charge; a date before a charge's first row charges nothing for it.
 * {@code product} may be {@code any} and {@code side} {@code both}; the more specific row wins a
 * tie on the date. Rates are percent of the basis: of the order's value (premium, turnover or
 * intrinsic value x quantity) for every charge except GST, whose basis names the charges it is
 * levied on ({@code brokerage+exchange_txn+ipft+sebi}).
 */
public final class FeeSchedule {
  public static final String FILE_NAME = "fee_schedule.csv";

  /** Bases that mean "the order's value" (the table spells them by product). */
  private static final Set<String> VALUE_BASES =
      Set.of(
          "premium",
          "turnover",
          "turnover_or_premium",
          "intrinsic_value",
          "settlement_value",
          "value");

  private static final String[] COLUMNS = {
    "effective_from", "product", "component", "basis", "side", "rate_pct"
  };

  /**
   * One row of the schedule.
   *
   * @param product null for {@code any}
   * @param side null for {@code both}
   * @param gstBase for a GST row, the charges GST is levied on; empty otherwise
   */
  public record Rate(
      LocalDate effectiveFrom,
      Product product,
      FeeComponent component,
      String basis,
      Side side,
      double ratePct,
      Set<FeeComponent> gstBase,
      String note,
      String source,
      long line) {
    public Rate {
      requireNonNull(effectiveFrom, "effectiveFrom is null");
      requireNonNull(component, "component is null");
      requireNonNull(basis, "basis is null");
      gstBase =
          gstBase == null || gstBase.isEmpty()
              ? Set.of()
              : Collections.unmodifiableSet(EnumSet.copyOf(gstBase));
      note = note == null ? "" : note;
    }

    boolean appliesTo(Product p, Side s) {
      return (product == null || product == p) && (side == null || side == s);
    }

    int specificity() {
      return (product == null ? 0 : 2) + (side == null ? 0 : 1);
    }

    String where() {
      return source + ":" + line;
    }
  }

  private final String source;
  private final List<Rate> rates;
  private final Map<FeeComponent, List<Rate>> byComponent;

  private FeeSchedule(String source, List<Rate> rates) {
    this.source = source;
    this.rates = List.copyOf(rates);
    Map<FeeComponent, List<Rate>> m = new EnumMap<>(FeeComponent.class);
    for (Rate r : rates) {
      m.computeIfAbsent(r.component(), c -> new ArrayList<>()).add(r);
    }
    this.byComponent = m;
  }

  /** The schedule bundled with the project (a copy of meta/fee_schedule.csv). */
  public static FeeSchedule bundled() {
    return fromRows("bundled meta/" + FILE_NAME, MetaCsv.readBundled(FILE_NAME, COLUMNS));
  }

  /**
   * The lab's meta/fee_schedule.csv, or the bundled one when the lab has none ({@code metaDir} may
   * be null).
   */
  public static FeeSchedule load(Path metaDir) {
    List<MetaCsv.Row> rows = MetaCsv.read(metaDir, FILE_NAME, COLUMNS);
    String src =
        MetaCsv.isInLab(metaDir, FILE_NAME)
            ? metaDir.resolve(FILE_NAME).toString()
            : "bundled meta/" + FILE_NAME;
    return fromRows(src, rows);
  }

  /** A user's schedule (--schedule FILE) that replaces the lab's and the bundled one. */
  public static FeeSchedule read(Path file) {
    requireNonNull(file, "file is null");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "fee schedule " + file + " does not exist or is not a file");
    }
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(file.toString(), r);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read fee schedule " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses a schedule; {@code source} names it in errors. */
  public static FeeSchedule parse(String source, Reader reader) {
    return fromRows(source, MetaCsv.parse(source, reader, COLUMNS));
  }

  private static FeeSchedule fromRows(String source, List<MetaCsv.Row> rows) {
    List<Rate> rates = new ArrayList<>();
    for (MetaCsv.Row row : rows) {
      Rate rate = toRate(row);
      for (Rate other : rates) {
        if (other.effectiveFrom().equals(rate.effectiveFrom())
            && other.component() == rate.component()
            && other.product() == rate.product()
            && other.side() == rate.side()) {
          throw new MetaFormatException(
              row.source(),
              row.line(),
              "same charge and date as line " + other.line() + " (" + describe(rate) + ")");
        }
      }
      rates.add(rate);
    }
    if (rates.isEmpty()) {
      throw new MetaFormatException(source, 0, "the fee schedule has no rows");
    }
    return new FeeSchedule(source, rates);
  }

  private static Rate toRate(MetaCsv.Row row) {
    LocalDate from = row.date("effective_from");
    String productText = row.get("product").toLowerCase(Locale.ROOT);
    Product product =
        productText.equals("any")
            ? null
            : row.parse(
                "product", "product (option, future, option_exercised or any)", Product::parse);
    FeeComponent component = row.parse("component", "component", FeeComponent::parse);
    if (component == FeeComponent.BROKERAGE) {
      throw new MetaFormatException(
          row.source(),
          row.line(),
          "brokerage is charged per order (--brokerage), not by a schedule row");
    }
    String sideText = row.get("side").toLowerCase(Locale.ROOT);
    Side side;
    switch (sideText) {
      case "both":
        side = null;
        break;
      case "buy":
        side = Side.BUY;
        break;
      case "sell":
        side = Side.SELL;
        break;
      default:
        throw new MetaFormatException(
            row.source(),
            row.line(),
            "bad side '" + row.get("side") + "': expected buy, sell or both");
    }
    double pct = row.decimal("rate_pct");
    if (!(pct >= 0) || Double.isInfinite(pct)) {
      throw new MetaFormatException(
          row.source(), row.line(), "rate_pct must be a number >= 0, got " + row.get("rate_pct"));
    }
    String basis = row.get("basis").toLowerCase(Locale.ROOT);
    Set<FeeComponent> gstBase = EnumSet.noneOf(FeeComponent.class);
    if (component == FeeComponent.GST) {
      if (pct > 100) {
        throw new MetaFormatException(
            row.source(), row.line(), "a GST rate over 100% (" + pct + ") is surely a typo");
      }
      for (String part : basis.split("\\+")) {
        FeeComponent c;
        try {
          c = FeeComponent.parse(part);
        } catch (IllegalArgumentException e) {
          throw new MetaFormatException(
              row.source(),
              row.line(),
              "bad GST basis '"
                  + row.get("basis")
                  + "': '"
                  + part.trim()
                  + "' is not a charge (use e.g. brokerage+exchange_txn+ipft+sebi)",
              e);
        }
        if (c == FeeComponent.GST) {
          throw new MetaFormatException(row.source(), row.line(), "GST cannot be levied on itself");
        }
        gstBase.add(c);
      }
    } else if (!VALUE_BASES.contains(basis)) {
      throw new MetaFormatException(
          row.source(),
          row.line(),
          "bad basis '"
              + row.get("basis")
              + "' for "
              + component.label()
              + ": expected premium, turnover, turnover_or_premium or intrinsic_value");
    }
    return new Rate(
        from,
        product,
        component,
        basis,
        side,
        pct,
        gstBase,
        row.getOrEmpty("note"),
        row.source(),
        row.line());
  }

  private static String describe(Rate r) {
    return r.component().label()
        + " "
        + (r.product() == null ? "any" : r.product().label())
        + " "
        + (r.side() == null ? "both" : r.side().name().toLowerCase(Locale.ROOT))
        + " from "
        + r.effectiveFrom();
  }

  /** Where the rows came from: a file path or "bundled meta/fee_schedule.csv". */
  public String source() {
    return source;
  }

  public List<Rate> rates() {
    return rates;
  }

  /**
   * The row in force for a charge on an order of {@code product} and {@code side} on {@code date}:
   * the latest one dated on or before it, the more specific one on a tie; null when none is (the
   * charge is then zero).
   */
  public Rate inForce(FeeComponent component, Product product, Side side, LocalDate date) {
    requireNonNull(component, "component is null");
    requireNonNull(product, "product is null");
    requireNonNull(side, "side is null");
    requireNonNull(date, "date is null");
    Rate best = null;
    for (Rate r : byComponent.getOrDefault(component, List.of())) {
      if (!r.effectiveFrom().isAfter(date) && r.appliesTo(product, side)) {
        if (best == null
            || r.effectiveFrom().isAfter(best.effectiveFrom())
            || (r.effectiveFrom().equals(best.effectiveFrom())
                && r.specificity() > best.specificity())) {
          best = r;
        }
      }
    }
    return best;
  }

  /** The rate in percent, 0 when no row is in force. */
  public double ratePct(FeeComponent component, Product product, Side side, LocalDate date) {
    Rate r = inForce(component, product, side, date);
    return r == null ? 0.0 : r.ratePct();
  }

  /**
   * Charges that have rows for {@code product} but none in force on {@code date} (the schedule does
   * not reach back that far), so a caller can warn that they were charged as zero.
   */
  public Set<FeeComponent> notYetInForce(Product product, LocalDate date) {
    Set<FeeComponent> out = EnumSet.noneOf(FeeComponent.class);
    for (Map.Entry<FeeComponent, List<Rate>> e : byComponent.entrySet()) {
      boolean hasRows = false;
      boolean inForce = false;
      for (Rate r : e.getValue()) {
        if (r.product() == null || r.product() == product) {
          hasRows = true;
          inForce |= !r.effectiveFrom().isAfter(date);
        }
      }
      if (hasRows && !inForce) {
        out.add(e.getKey());
      }
    }
    return out;
  }
}
