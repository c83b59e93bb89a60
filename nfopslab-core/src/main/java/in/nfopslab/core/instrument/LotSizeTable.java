package in.nfopslab.core.instrument;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.calendar.ExpiryType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lot sizes per contract from the revisions of meta/lot_sizes.csv. The lot of a contract is that of
 * the latest revision that covers it: its expiry is on or after the revision's first expiry of the
 * contract's kind (weekly or monthly), or the trade date is on or after the revision's {@code
 * allContractsFrom}. So on a day when a revision is being phased in, the near weekly can keep the
 * old lot while the next monthly already has the new one.
 */
public final class LotSizeTable implements LotSizes {
  private final Map<Symbol, List<LotSizeRule>> newestFirst;
  private final ExpiryClassifier classifier;

  /**
   * @param rules the revisions; per symbol, later revisions must not move either first expiry
   *     earlier
   * @param classifier tells weekly from monthly expiries for {@link #lotSize(Symbol, LocalDate,
   *     LocalDate)}
   */
  public LotSizeTable(List<LotSizeRule> rules, ExpiryClassifier classifier) {
    requireNonNull(rules, "rules is null");
    this.classifier = requireNonNull(classifier, "classifier is null");
    Map<Symbol, List<LotSizeRule>> bySymbol = new HashMap<>();
    for (LotSizeRule r : rules) {
      bySymbol
          .computeIfAbsent(requireNonNull(r, "rule is null").symbol(), s -> new ArrayList<>())
          .add(r);
    }
    Map<Symbol, List<LotSizeRule>> sorted = new HashMap<>();
    for (Map.Entry<Symbol, List<LotSizeRule>> e : bySymbol.entrySet()) {
      List<LotSizeRule> list = new ArrayList<>(e.getValue());
      list.sort(Comparator.comparing(LotSizeRule::appliesFrom));
      for (int i = 1; i < list.size(); i++) {
        checkOrder(list.get(i - 1), list.get(i));
      }
      java.util.Collections.reverse(list);
      sorted.put(e.getKey(), List.copyOf(list));
    }
    this.newestFirst = Map.copyOf(sorted);
  }

  /** The lot of a contract whose kind the table's classifier decides. */
  @Override
  public int lotSize(Symbol symbol, LocalDate expiry, LocalDate tradeDate) {
    requireNonNull(symbol, "symbol is null");
    requireNonNull(expiry, "expiry is null");
    return lotSize(symbol, expiry, classifier.typeOf(symbol, expiry), tradeDate);
  }

  /**
   * The lot of the {@code type} contract of {@code symbol} expiring on {@code expiry}, traded on
   * {@code tradeDate}.
   */
  public int lotSize(Symbol symbol, LocalDate expiry, ExpiryType type, LocalDate tradeDate) {
    requireNonNull(symbol, "symbol is null");
    requireNonNull(expiry, "expiry is null");
    requireNonNull(type, "type is null");
    requireNonNull(tradeDate, "tradeDate is null");
    if (tradeDate.isAfter(expiry)) {
      throw new IllegalArgumentException(
          symbol
              + " contract expiring "
              + expiry
              + " cannot trade on "
              + tradeDate
              + ", after its expiry");
    }
    List<LotSizeRule> rules = newestFirst.get(symbol);
    if (rules == null) {
      throw new IllegalArgumentException(
          "no lot sizes for "
              + symbol
              + " in meta/lot_sizes.csv (known: "
              + newestFirst.keySet()
              + ")");
    }
    boolean monthly = type == ExpiryType.MONTHLY;
    for (LotSizeRule r : rules) {
      if (r.covers(expiry, monthly, tradeDate)) {
        return r.lotSize();
      }
    }
    throw new IllegalArgumentException(
        "no lot size for the "
            + type.label()
            + " "
            + symbol
            + " contract expiring "
            + expiry
            + " traded on "
            + tradeDate
            + ": meta/lot_sizes.csv starts with "
            + rules.get(rules.size() - 1).appliesFrom());
  }

  /** The revisions of a symbol, oldest first. */
  public List<LotSizeRule> rules(Symbol symbol) {
    List<LotSizeRule> list = new ArrayList<>(newestFirst.getOrDefault(symbol, List.of()));
    java.util.Collections.reverse(list);
    return list;
  }

  public java.util.Set<Symbol> symbols() {
    return newestFirst.keySet();
  }

  /**
   * Fails when {@code newer} cannot follow {@code older}: the lookup takes the newest revision that
   * covers a contract, so a newer revision starting from an earlier first expiry would hide the
   * older one without a word. Loaders call this to report the offending line.
   */
  public static void checkOrder(LotSizeRule older, LotSizeRule newer) {
    if (older.appliesFrom().equals(newer.appliesFrom())) {
      throw new IllegalArgumentException(
          newer.symbol() + " has two lot size revisions applying from " + newer.appliesFrom());
    }
    if (newer.firstWeeklyExpiry().isBefore(older.firstWeeklyExpiry())
        || newer.firstMonthlyExpiry().isBefore(older.firstMonthlyExpiry())) {
      throw new IllegalArgumentException(
          newer.symbol()
              + " revision from "
              + newer.appliesFrom()
              + " has a first expiry before that of the revision from "
              + older.appliesFrom()
              + "; first expiries must not go back in time");
    }
  }
}
