package in.nfopslab.strategies.common;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.strategy.BarView;

/**
 * Put-versus-call flow around ATM over a trailing window: imbalance = (PE flow - CE flow) / (PE
 * flow + CE flow), from +1 (only puts) to -1 (only calls). Flow is the open-interest increase over
 * the window when every series carries an oi column, otherwise the traded volume in the window (so
 * one file without oi cannot mix units). The window is the {@code windowSecs} seconds ending at
 * now, both ends included; the OI increase of a series is oi(now) - oi(now - windowSecs), its OI
 * before the window. Each side's OI increase is summed over its strikes and floored at zero (OI
 * that was closed is not flow in the other direction). A series without data today, or (for OI)
 * without a trade before the window, adds nothing. Mutable and reused: {@link #measure} allocates
 * nothing.
 */
public final class FlowImbalance {
  private static final OptionType[] TYPES = {OptionType.CE, OptionType.PE};

  private double ceFlow;
  private double peFlow;
  private boolean fromOi;

  /**
   * Measures the flow at strikes {@code atm - stepsEachSide x step ... atm + stepsEachSide x step}
   * of one chain at now, and returns the imbalance, or NaN when there is no flow at all.
   */
  public double measure(ChainViews chain, int atm, int step, int stepsEachSide, int windowSecs) {
    fromOi = true;
    int seen = 0;
    for (int i = -stepsEachSide; i <= stepsEachSide; i++) {
      for (OptionType type : TYPES) {
        BarView v = chain.get(type, atm + i * step);
        if (v != null) {
          seen++;
          fromOi &= v.hasOi();
        }
      }
    }
    fromOi &= seen > 0;
    double ce = 0;
    double pe = 0;
    for (int i = -stepsEachSide; i <= stepsEachSide; i++) {
      ce += flow(chain.get(OptionType.CE, atm + i * step), windowSecs);
      pe += flow(chain.get(OptionType.PE, atm + i * step), windowSecs);
    }
    ceFlow = Math.max(0, ce);
    peFlow = Math.max(0, pe);
    double total = ceFlow + peFlow;
    return total > 0 ? (peFlow - ceFlow) / total : Double.NaN;
  }

  private double flow(BarView v, int windowSecs) {
    if (v == null) {
      return 0;
    }
    int now = v.now();
    int from = now - windowSecs + 1;
    if (!fromOi) {
      return v.volumeSum(from, now);
    }
    int before = from - 1;
    if (before < 0 || Double.isNaN(v.close(before))) {
      return 0;
    }
    return v.oi(now) - v.oi(before);
  }

  /** CE flow of the last {@link #measure} (contracts of OI added, or volume). */
  public double ceFlow() {
    return ceFlow;
  }

  public double peFlow() {
    return peFlow;
  }

  /** True when the last {@link #measure} used open interest, false when it used volume. */
  public boolean fromOi() {
    return fromOi;
  }
}
