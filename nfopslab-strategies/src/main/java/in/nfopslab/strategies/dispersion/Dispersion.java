package in.nfopslab.strategies.dispersion;

import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.market.PastSpot;
import in.nfopslab.core.strategy.Params;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyContext;
import in.nfopslab.strategies.common.AtmEntries;
import in.nfopslab.strategies.common.Expiries;
import in.nfopslab.strategies.common.ImpliedVols;
import in.nfopslab.strategies.common.RealisedVol;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Dispersion stance (STRATEGIES.md #7): no trades, one stance row a day at anchor (10:00). index_iv
 * = the index's ATM IV (mean of CE and PE implied vols, nearest expiry with a full day left, else
 * the next; as iv_rv_spread); index_rv = realised vol of the index over the previous rv_days (5)
 * days (as iv_rv_spread); basket_rv = the mean RV over the same days of the basket's underlyings
 * that have spot data; implied_corr_proxy = index_iv^2 / basket_rv^2. Stance: long_dispersion above
 * hi (1.1), short_dispersion below lo (0.9), else neutral; no_data when the proxy cannot be
 * computed, with a note saying why (by default no basket is configured). Vols in vol points.
 */
public final class Dispersion implements Strategy {
  private final LocalTime anchor;
  private final int rvDays;
  private final List<Symbol> basket;
  private final double hi;
  private final double lo;

  private int anchorSecond;

  public Dispersion(Params params) {
    this.anchor = params.getTime("anchor");
    this.rvDays = params.getInt("rv_days");
    this.hi = params.getDouble("hi");
    this.lo = params.getDouble("lo");
    if (rvDays < 1 || rvDays > 40 || !(lo <= hi)) {
      throw new IllegalArgumentException(
          "dispersion needs 1 <= rv_days <= 40 and lo <= hi, got rv_days "
              + rvDays
              + ", lo "
              + lo
              + ", hi "
              + hi);
    }
    this.basket = parseBasket(params.getString("basket"));
  }

  @Override
  public void onDayStart(StrategyContext ctx) {
    anchorSecond = ctx.secondOf(anchor);
  }

  @Override
  public void onSecond(StrategyContext ctx) {
    if (ctx.now() != anchorSecond) {
      return;
    }
    List<String> notes = new ArrayList<>();
    double indexIv = indexIv(ctx, notes);
    double indexRv = 100 * RealisedVol.previousDays(ctx, rvDays);
    if (Double.isNaN(indexRv)) {
      notes.add("index RV needs " + rvDays + " previous days of spot");
    }
    double basketRv = basketRv(ctx, notes);
    double proxy = indexIv * indexIv / (basketRv * basketRv);
    String stance;
    if (Double.isNaN(proxy) || Double.isInfinite(proxy)) {
      stance = "no_data";
    } else if (proxy > hi) {
      stance = "long_dispersion";
    } else if (proxy < lo) {
      stance = "short_dispersion";
    } else {
      stance = "neutral";
    }
    Map<String, Double> values = new TreeMap<>();
    values.put("index_iv", indexIv);
    values.put("index_rv", indexRv);
    values.put("basket_rv", basketRv);
    values.put("implied_corr_proxy", proxy);
    ctx.stance(stance, String.join("; ", notes), values);
  }

  private static double indexIv(StrategyContext ctx, List<String> notes) {
    LocalDate expiry = Expiries.withFullDayLeft(ctx);
    int strike =
        expiry == null ? StrategyContext.NO_STRIKE : AtmEntries.straddleStrike(ctx, expiry);
    double iv =
        strike == StrategyContext.NO_STRIKE
            ? Double.NaN
            : 100 * ImpliedVols.atm(ctx, expiry, strike);
    if (Double.isNaN(iv)) {
      notes.add(
          "no index ATM IV"
              + (strike == StrategyContext.NO_STRIKE ? "" : " at " + expiry + " " + strike));
    }
    return iv;
  }

  /** Mean RV of the members with rv_days previous days of spot; NaN (and a note) when none has. */
  private double basketRv(StrategyContext ctx, List<String> notes) {
    if (basket.isEmpty()) {
      notes.add("no basket configured");
      return Double.NaN;
    }
    double sum = 0;
    int n = 0;
    List<String> missing = new ArrayList<>();
    for (Symbol member : basket) {
      List<PastSpot> past = ctx.previousDays(member, rvDays);
      double rv = past.size() == rvDays ? 100 * RealisedVol.of(past) : Double.NaN;
      if (Double.isNaN(rv)) {
        missing.add(member.name());
      } else {
        sum += rv;
        n++;
      }
    }
    if (!missing.isEmpty()) {
      notes.add(
          "basket members without "
              + rvDays
              + " previous days of spot: "
              + String.join(", ", missing));
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  private static List<Symbol> parseBasket(String text) {
    List<Symbol> out = new ArrayList<>();
    for (String s : text.split(",")) {
      if (!s.isBlank()) {
        Symbol sym = Symbol.parse(s.trim());
        if (!out.contains(sym)) {
          out.add(sym);
        }
      }
    }
    return List.copyOf(out);
  }
}
