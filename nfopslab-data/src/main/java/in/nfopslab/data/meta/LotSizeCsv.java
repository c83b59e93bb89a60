package in.nfopslab.data.meta;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.instrument.ExpiryClassifier;
import in.nfopslab.core.instrument.LotSizeRule;
import in.nfopslab.core.instrument.LotSizeTable;
import in.nfopslab.core.instrument.Symbol;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads meta/lot_sizes.csv: {@code symbol, lot_size, applies_from, first_weekly_expiry,
 * first_monthly_expiry, all_contracts_from, rule}. See meta/README.md for what each column means
 * and where the dates come from.
 */
public final class LotSizeCsv {
  public static final String LOT_SIZES = "lot_sizes.csv";

  private LotSizeCsv() {}

  /**
   * The lab's table (or the bundled one), telling weekly from monthly expiries with the lab's
   * expiry calendar.
   */
  public static LotSizeTable load(MetaTables meta) {
    requireNonNull(meta, "meta is null");
    return new LotSizeTable(read(meta.metaDir()), ExpiryClassifier.of(meta.expiryCalendar()));
  }

  /** The lab's table, or the bundled one when {@code metaDir} is null or has none. */
  public static LotSizeTable load(Path metaDir, ExpiryClassifier classifier) {
    return new LotSizeTable(read(metaDir), requireNonNull(classifier, "classifier is null"));
  }

  /** The revisions of the lab's table, or the bundled one; every error names the file and line. */
  public static List<LotSizeRule> read(Path metaDir) {
    return fromRows(
        MetaCsv.read(
            metaDir,
            LOT_SIZES,
            "symbol",
            "lot_size",
            "applies_from",
            "first_weekly_expiry",
            "first_monthly_expiry"));
  }

  public static List<LotSizeRule> fromRows(List<MetaCsv.Row> rows) {
    requireNonNull(rows, "rows is null");
    List<LotSizeRule> rules = new ArrayList<>();
    Map<LotSizeRule, MetaCsv.Row> origin = new IdentityHashMap<>();
    for (MetaCsv.Row row : rows) {
      Symbol symbol = row.parse("symbol", "symbol", Symbol::parse);
      int lot = row.integer("lot_size");
      LocalDate from = row.date("applies_from");
      LocalDate weekly = row.date("first_weekly_expiry");
      LocalDate monthly = row.date("first_monthly_expiry");
      String all = row.getOrEmpty("all_contracts_from");
      LocalDate allFrom = all.isEmpty() ? null : row.date("all_contracts_from");
      LotSizeRule rule;
      try {
        rule = new LotSizeRule(symbol, lot, from, weekly, monthly, allFrom, row.getOrEmpty("rule"));
      } catch (IllegalArgumentException e) {
        throw new MetaFormatException(row.source(), row.line(), e.getMessage(), e);
      }
      rules.add(rule);
      origin.put(rule, row);
    }
    if (rules.isEmpty()) {
      throw new MetaFormatException("meta/" + LOT_SIZES, 0, "no lot sizes");
    }
    // check the succession here, where the offending line is known, rather than in LotSizeTable
    List<LotSizeRule> sorted = new ArrayList<>(rules);
    sorted.sort(
        Comparator.comparing((LotSizeRule r) -> r.symbol().name())
            .thenComparing(LotSizeRule::appliesFrom));
    for (int i = 1; i < sorted.size(); i++) {
      LotSizeRule older = sorted.get(i - 1);
      LotSizeRule newer = sorted.get(i);
      if (older.symbol().equals(newer.symbol())) {
        try {
          LotSizeTable.checkOrder(older, newer);
        } catch (IllegalArgumentException e) {
          MetaCsv.Row row = origin.get(newer);
          throw new MetaFormatException(
              row.source(),
              row.line(),
              e.getMessage() + " (other revision on line " + origin.get(older).line() + ")",
              e);
        }
      }
    }
    return List.copyOf(rules);
  }
}
