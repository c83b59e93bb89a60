package in.nfopslab.strategies.orb;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.strategy.ExitRules;
import in.nfopslab.core.strategy.Level;
import in.nfopslab.core.strategy.Params;
import in.nfopslab.core.strategy.PositionState;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyContext;
import in.nfopslab.core.trade.Side;
import in.nfopslab.strategies.common.AtmEntries;
import in.nfopslab.strategies.common.Breakout;
import in.nfopslab.strategies.common.OpeningRange;
import in.nfopslab.strategies.common.PriceRange;
import java.time.LocalTime;
import java.util.Map;

/**
 * Opening range breakout (STRATEGIES.md #9). Range: highest and lowest spot close over
 * range_start..range_end. Entry: from the next second to entry_end, the first second whose spot
 * close is strictly above the high buys the ATM CE, strictly below the low the ATM PE; one attempt
 * a day. Exits: stop and target (engine, checked first), then spot back inside the range by more
 * than half its width (signal), then exit_time (eod).
 */
public final class Orb implements Strategy {
  private final OpeningRange openingRange;
  private final LocalTime entryEnd;
  private final ExitRules exits;

  private int entryEndSecond;
  private boolean done;
  private int position;
  private Breakout direction;
  private PriceRange range;

  public Orb(Params params) {
    LocalTime rangeStart = params.getTime("range_start");
    LocalTime rangeEnd = params.getTime("range_end");
    this.entryEnd = params.getTime("entry_end");
    LocalTime exitTime = params.getTime("exit_time");
    if (!rangeEnd.isAfter(rangeStart)
        || entryEnd.isBefore(rangeEnd.plusSeconds(1))
        || !exitTime.isAfter(entryEnd)) {
      throw new IllegalArgumentException(
          "orb needs range_start < range_end < entry_end < exit_time, got "
              + rangeStart
              + ", "
              + rangeEnd
              + ", "
              + entryEnd
              + ", "
              + exitTime);
    }
    this.openingRange = new OpeningRange(rangeStart, rangeEnd);
    this.exits =
        ExitRules.none()
            .withStop(Level.percent(params.getDouble("stop_pct")))
            .withTarget(Level.percent(params.getDouble("target_pct")))
            .withEodExit(exitTime);
  }

  @Override
  public void onDayStart(StrategyContext ctx) {
    openingRange.onDayStart(ctx);
    entryEndSecond = ctx.secondOf(entryEnd);
    done = false;
    position = StrategyContext.NO_POSITION;
    direction = Breakout.NONE;
    range = null;
  }

  @Override
  public void onSecond(StrategyContext ctx) {
    if (position != StrategyContext.NO_POSITION) {
      exitWhenBackInside(ctx);
    } else if (!done) {
      lookForBreakout(ctx);
    }
  }

  private void lookForBreakout(StrategyContext ctx) {
    range = openingRange.range(ctx);
    if (range == null) {
      return;
    }
    if (!range.isValid()) {
      done = true;
      ctx.skip("orb: no spot trade in the opening range");
      return;
    }
    if (ctx.now() > entryEndSecond) {
      done = true;
      ctx.skip("orb: no breakout by " + entryEnd);
      return;
    }
    Breakout b = Breakout.of(ctx.spot().close(), range);
    if (b == Breakout.NONE) {
      return;
    }
    done = true;
    direction = b;
    position =
        AtmEntries.single(
            ctx,
            b == Breakout.UP ? OptionType.CE : OptionType.PE,
            Side.BUY,
            exits,
            Map.of("range_high", range.high(), "range_low", range.low()));
  }

  private void exitWhenBackInside(StrategyContext ctx) {
    if (ctx.state(position) == PositionState.OPEN
        && direction.backInsideByHalf(ctx.spot().close(), range)) {
      ctx.exit(position);
    }
  }
}
