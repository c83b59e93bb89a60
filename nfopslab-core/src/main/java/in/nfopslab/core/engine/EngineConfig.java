package in.nfopslab.core.engine;

import static java.util.Objects.requireNonNull;

import java.time.LocalTime;
import java.util.function.Consumer;

/**
 * How the engine fills and closes orders, shared by every strategy of a run (see docs/ENGINE.md).
 *
 * @param latencySecs an order decided at t fills at t + latency at the earliest (at least 1)
 * @param slippage charged against the trader on every fill but settlement
 * @param staleFillSecs a leg without a trade in the fill second fills at its last price if that is
 *     at most this old
 * @param orderTimeoutSecs an entry still unfilled this long after its first fill attempt is
 *     cancelled
 * @param eodExit end-of-day exit time, or null to hold to the session close (and settle expiring
 *     legs)
 * @param atmRef the price ATM is rounded from
 * @param maxStrikeShift how many strike steps the nearest-available search may move away from the
 *     target
 * @param lots lots per leg (times the leg's ratio)
 * @param futuresSlippage slippage of futures (and spot) hedge legs: a percent of an index-level
 *     price is a very different cost from a percent of an option premium, so hedges have their own
 *     model (default 0.005%, about 1 point on NIFTY futures, 2.4 on BANKNIFTY)
 */
public record EngineConfig(
    int latencySecs,
    SlippageModel slippage,
    int staleFillSecs,
    int orderTimeoutSecs,
    LocalTime eodExit,
    AtmRef atmRef,
    int maxStrikeShift,
    int lots,
    SlippageModel futuresSlippage) {
  public EngineConfig {
    requireNonNull(slippage, "slippage is null");
    requireNonNull(atmRef, "atmRef is null");
    requireNonNull(futuresSlippage, "futuresSlippage is null");
    if (latencySecs < 1) {
      throw new IllegalArgumentException(
          "latency must be at least 1 s (a fill in the signal's own second would trade on the price that fired it)");
    }
    if (staleFillSecs < 0 || orderTimeoutSecs < 0 || maxStrikeShift < 0) {
      throw new IllegalArgumentException(
          "stale_fill_secs, order timeout and max_strike_shift must not be negative");
    }
    if (lots < 1) {
      throw new IllegalArgumentException("lots must be at least 1, got " + lots);
    }
  }

  /** Slippage of hedge legs unless set: 0.005% of the futures price, at least one 0.05 tick. */
  public static final SlippageModel DEFAULT_FUTURES_SLIPPAGE = SlippageModel.percent(0.005, 0.05);

  /**
   * latency 1 s, 0.05% slippage (min 0.05), stale fills 5 s, timeout 30 s, eod 15:20:00, ATM from
   * spot, shift 3, 1 lot, {@link #DEFAULT_FUTURES_SLIPPAGE} on hedge legs.
   */
  public static EngineConfig defaults() {
    return new EngineConfig(
        1,
        SlippageModel.DEFAULT,
        5,
        30,
        LocalTime.of(15, 20),
        AtmRef.SPOT,
        3,
        1,
        DEFAULT_FUTURES_SLIPPAGE);
  }

  public EngineConfig withLatencySecs(int v) {
    return with(c -> c.latencySecs = v);
  }

  public EngineConfig withSlippage(SlippageModel v) {
    return with(c -> c.slippage = v);
  }

  public EngineConfig withStaleFillSecs(int v) {
    return with(c -> c.staleFillSecs = v);
  }

  public EngineConfig withOrderTimeoutSecs(int v) {
    return with(c -> c.orderTimeoutSecs = v);
  }

  /** null holds positions to the session close. */
  public EngineConfig withEodExit(LocalTime v) {
    return with(c -> c.eodExit = v);
  }

  public EngineConfig withAtmRef(AtmRef v) {
    return with(c -> c.atmRef = v);
  }

  public EngineConfig withMaxStrikeShift(int v) {
    return with(c -> c.maxStrikeShift = v);
  }

  public EngineConfig withLots(int v) {
    return with(c -> c.lots = v);
  }

  public EngineConfig withFuturesSlippage(SlippageModel v) {
    return with(c -> c.futuresSlippage = v);
  }

  /** A copy of this config with what {@code change} sets on a mutable copy of its fields. */
  private EngineConfig with(Consumer<Fields> change) {
    Fields c = new Fields(this);
    change.accept(c);
    return c.build();
  }

  /** The fields of a config, mutable, so that each wither names only the one it changes. */
  private static final class Fields {
    int latencySecs;
    SlippageModel slippage;
    int staleFillSecs;
    int orderTimeoutSecs;
    LocalTime eodExit;
    AtmRef atmRef;
    int maxStrikeShift;
    int lots;
    SlippageModel futuresSlippage;

    Fields(EngineConfig c) {
      latencySecs = c.latencySecs;
      slippage = c.slippage;
      staleFillSecs = c.staleFillSecs;
      orderTimeoutSecs = c.orderTimeoutSecs;
      eodExit = c.eodExit;
      atmRef = c.atmRef;
      maxStrikeShift = c.maxStrikeShift;
      lots = c.lots;
      futuresSlippage = c.futuresSlippage;
    }

    EngineConfig build() {
      return new EngineConfig(
          latencySecs,
          slippage,
          staleFillSecs,
          orderTimeoutSecs,
          eodExit,
          atmRef,
          maxStrikeShift,
          lots,
          futuresSlippage);
    }
  }
}
