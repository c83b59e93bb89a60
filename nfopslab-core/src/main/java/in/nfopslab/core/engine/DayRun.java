package in.nfopslab.core.engine;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.calendar.ExpiryCalendar;
import in.nfopslab.core.calendar.Session;
import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.market.DayMarket;
import in.nfopslab.core.market.PastSpot;
import in.nfopslab.core.market.SecondBars;
import in.nfopslab.core.strategy.BarView;
import in.nfopslab.core.strategy.EntryOrder;
import in.nfopslab.core.strategy.ExitRules;
import in.nfopslab.core.strategy.ExpiryChoice;
import in.nfopslab.core.strategy.OrderLeg;
import in.nfopslab.core.strategy.Params;
import in.nfopslab.core.strategy.PositionState;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyContext;
import in.nfopslab.core.trade.Side;
import in.nfopslab.core.trade.StanceRow;
import in.nfopslab.core.trade.TradeLeg;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;

/**
 * One strategy's walk through one day: the clock, the book of its positions, and the context it
 * sees. Each second runs, in order: fills due now (entries, then exits), the engine exits of open
 * positions (stop, target, trailing, leg stop, time, end of day), then the strategy. At the session
 * close, pending entries are cancelled, legs of the day's expiry settle at intrinsic value and any
 * other open leg is closed at its last price.
 */
final class DayRun implements StrategyContext {
  private static final double OFF = Double.POSITIVE_INFINITY;

  private final StrategyRunner runner;
  private final Strategy strategy;
  private final EngineConfig cfg;
  private final SlippageModel slippage;
  private final SlippageModel hedgeSlippage;
  private final DayMarket market;
  private final Symbol symbol;
  private final LocalDate date;
  private final Session session;
  private final Clock clock;
  private final SeriesView spot;
  private final SeriesView futures;
  private final Map<OptionKey, SeriesView> options = new HashMap<>();
  private final ArrayList<Position> active = new ArrayList<>();
  private final int last;
  private final int runEod;
  private final int latency;
  private final int stale;
  private final int timeout;
  private int tradeSequence;
  private boolean closed;
  private boolean futuresNoted;
  private boolean spotHedgeNoted;
  private boolean expiryResolved;
  private LocalDate configExpiry;

  private record OptionKey(LocalDate expiry, OptionType type, int strike) {}

  DayRun(StrategyRunner runner, DayMarket market) {
    this.runner = runner;
    this.strategy = runner.strategy();
    this.cfg = runner.input.config();
    this.slippage = cfg.slippage();
    this.hedgeSlippage = cfg.futuresSlippage();
    this.market = market;
    this.symbol = market.symbol();
    this.date = market.date();
    this.session = requireNonNull(market.session(), "session is null");
    this.clock = new Clock(session);
    this.spot =
        new SeriesView(clock, symbol + " spot", requireNonNull(market.spot(), "spot is null"));
    SecondBars fut = market.futures();
    this.futures = fut == null ? null : new SeriesView(clock, symbol + " futures", fut);
    this.last = session.seconds() - 1;
    this.latency = cfg.latencySecs();
    this.stale = cfg.staleFillSecs();
    this.timeout = cfg.orderTimeoutSecs();
    this.runEod = secondAtOrAfter(cfg.eodExit());
  }

  void run() {
    clock.now = 0;
    strategy.onDayStart(this);
    for (int t = 0; t <= last; t++) {
      clock.now = t;
      if (!active.isEmpty()) {
        fill(t);
        for (int i = 0, n = active.size(); i < n; i++) {
          Position p = active.get(i);
          if (p.state == PositionState.OPEN) {
            checkExits(p, t);
          }
        }
      }
      strategy.onSecond(this);
    }
    closeSession();
    closed = true;
    strategy.onDayEnd(this);
  }

  void expire() {
    clock.expire();
  }

  /** The second the strategy was at, for a failure report. */
  LocalTime failureTime() {
    return clock.now >= 0 && clock.now <= last ? session.timeAt(clock.now) : null;
  }

  // ---------------------------------------------------------------- fills

  private void fill(int t) {
    for (int i = 0, n = active.size(); i < n; i++) {
      Position p = active.get(i);
      if (p.state == PositionState.PENDING) {
        tryEntry(p, t);
      } else if (p.state == PositionState.OPEN || p.state == PositionState.CLOSING) {
        if (p.legCount > p.entryLegs) {
          tryHedgeFills(p, t);
        }
        tryExits(p, t);
      }
    }
    int w = 0;
    for (int i = 0, n = active.size(); i < n; i++) {
      Position p = active.get(i);
      if (p.state.isActive()) {
        active.set(w++, p);
      }
    }
    for (int i = active.size() - 1; i >= w; i--) {
      active.remove(i);
    }
  }

  private void tryEntry(Position p, int t) {
    int first = p.signalSecond + latency;
    if (t < first) {
      return;
    }
    for (int k = 0; k < p.entryLegs; k++) {
      if (!p.series[k].tradedWithin(t, stale)) {
        if (t >= first + timeout) {
          cancel(
              p,
              t,
              "entry decided at "
                  + session.timeAt(p.signalSecond)
                  + " cancelled: "
                  + p.series[k].label()
                  + " had no trade within "
                  + stale
                  + " s of any second up to "
                  + session.timeAt(t));
        }
        return;
      }
    }
    ExitRules rules = p.order.exits();
    double net = 0;
    for (int k = 0; k < p.entryLegs; k++) {
      double bar = p.series[k].closeAt(t);
      double px = p.legs[k].side() == Side.BUY ? slippage.buyPrice(bar) : slippage.sellPrice(bar);
      p.entryPrice[k] = px;
      p.entrySecond[k] = t;
      net += p.weight[k] * px;
      p.legStopDistance[k] = rules.legStop() == null ? OFF : rules.legStop().distance(px);
    }
    double premium = Math.abs(net);
    p.stopDistance = rules.stop() == null ? OFF : rules.stop().distance(premium);
    p.targetDistance = rules.target() == null ? OFF : rules.target().distance(premium);
    p.trailDistance = rules.trailing() == null ? OFF : rules.trailing().distance(premium);
    p.fillSecond = t;
    p.tradeId = TradeIds.of(date, ++tradeSequence);
    setState(p, PositionState.OPEN);
  }

  /**
   * Hedge legs waiting for their fill: filled like an entry leg, or cancelled alone after the order
   * timeout.
   */
  private void tryHedgeFills(Position p, int t) {
    for (int k = p.entryLegs; k < p.legCount; k++) {
      int first = p.entryDecision[k] + latency;
      if (!p.awaitingFill(k) || t < first) {
        continue;
      }
      if (p.series[k].tradedWithin(t, stale)) {
        double bar = p.series[k].closeAt(t);
        p.entryPrice[k] =
            p.side[k] == Side.BUY ? hedgeSlippage.buyPrice(bar) : hedgeSlippage.sellPrice(bar);
        p.entrySecond[k] = t;
      } else if (t >= first + timeout) {
        cancelHedge(
            p,
            k,
            t,
            p.series[k].label()
                + " had no trade within "
                + stale
                + " s of any second up to "
                + session.timeAt(t));
      }
    }
  }

  private void cancelHedge(Position p, int k, int t, String why) {
    p.cancelled[k] = true;
    p.openLegs--;
    event(
        t,
        EngineEvent.Kind.CANCEL,
        "hedge decided at " + session.timeAt(p.entryDecision[k]) + " cancelled: " + why);
  }

  private void tryExits(Position p, int t) {
    for (int k = 0; k < p.legCount; k++) {
      int decided = p.exitDecision[k];
      if (decided < 0 || p.exitSecond[k] >= 0 || t < decided + latency) {
        continue;
      }
      boolean fresh = p.series[k].tradedWithin(t, stale);
      if (fresh || t >= decided + latency + timeout) {
        if (!fresh) {
          event(
              t,
              EngineEvent.Kind.STALE_FILL,
              "exit ("
                  + p.exitReason[k]
                  + ") of "
                  + p.series[k].label()
                  + " filled at its last price, from "
                  + lastTradeTime(p.series[k], t)
                  + ", after waiting "
                  + timeout
                  + " s for a trade");
        }
        closeLeg(p, k, t, marketExitPrice(p, k, t));
      }
    }
    if (p.openLegs == 0) {
      finish(p);
    }
  }

  private double marketExitPrice(Position p, int k, int t) {
    double bar = p.series[k].closeAt(t);
    SlippageModel m =
        k >= p.entryLegs ? hedgeSlippage : slippage; // hedge legs come after the entry legs
    return p.side[k] == Side.BUY ? m.sellPrice(bar) : m.buyPrice(bar);
  }

  private void closeLeg(Position p, int k, int t, double price) {
    p.exitSecond[k] = t;
    p.exitPrice[k] = price;
    p.realized += p.weight[k] * (price - p.entryPrice[k]);
    p.openLegs--;
  }

  private void cancel(Position p, int t, String why) {
    setState(p, PositionState.CANCELLED);
    event(t, EngineEvent.Kind.CANCEL, why);
  }

  // ---------------------------------------------------------------- exits

  private void checkExits(Position p, int t) {
    double pnl = p.pnlAt(t);
    if (pnl > p.bestPnl) {
      p.bestPnl = pnl;
    }
    if (pnl <= -p.stopDistance) {
      exitAll(p, t, ExitReason.STOP);
      return;
    }
    if (pnl >= p.targetDistance) {
      exitAll(p, t, ExitReason.TARGET);
      return;
    }
    // the trailing stop arms once the position has been in profit, so it never acts as a tighter
    // initial stop
    if (p.bestPnl > 0 && pnl <= p.bestPnl - p.trailDistance) {
      exitAll(p, t, ExitReason.TRAILING);
      return;
    }
    for (int k = 0; k < p.entryLegs; k++) {
      if (p.exitDecision[k] < 0) {
        double legPnl = p.side[k].sign() * (p.series[k].closeAt(t) - p.entryPrice[k]);
        if (legPnl <= -p.legStopDistance[k]) {
          decideExit(p, k, t, ExitReason.LEG_STOP);
        }
      }
    }
    if (t >= p.timeExitSecond) {
      exitAll(p, t, ExitReason.TIME);
    } else if (t >= p.eodSecond) {
      exitAll(p, t, ExitReason.EOD);
    }
  }

  private void exitAll(Position p, int t, String reason) {
    for (int k = p.entryLegs; k < p.legCount; k++) {
      if (p.awaitingFill(k)) {
        cancelHedge(p, k, t, "the position exits (" + reason + ")");
      }
    }
    for (int k = 0; k < p.legCount; k++) {
      if (p.exitDecision[k] < 0 && !p.cancelled[k]) {
        decideExit(p, k, t, reason);
      }
    }
  }

  private void decideExit(Position p, int k, int t, String reason) {
    p.exitDecision[k] = t;
    p.exitReason[k] = reason;
    for (int j = 0; j < p.legCount; j++) {
      if (p.exitDecision[j] < 0 && !p.cancelled[j]) {
        return;
      }
    }
    setState(p, PositionState.CLOSING);
  }

  // ---------------------------------------------------------------- session close

  private void closeSession() {
    int t = last;
    for (int i = 0, n = active.size(); i < n; i++) {
      Position p = active.get(i);
      if (p.state == PositionState.PENDING) {
        cancel(
            p,
            t,
            "entry decided at "
                + session.timeAt(p.signalSecond)
                + " cancelled: the session closed");
        continue;
      }
      if (!p.state.isActive()) {
        continue;
      }
      for (int k = 0; k < p.legCount; k++) {
        if (p.exitSecond[k] >= 0 || p.cancelled[k]) {
          continue;
        }
        if (p.awaitingFill(k)) {
          cancelHedge(p, k, t, "the session closed");
          continue;
        }
        OrderLeg leg = p.legs[k];
        double s = spot.closeAt(t);
        if (leg == null) {
          if (p.series[k] == futures && date.equals(market.futuresExpiry()) && s == s) {
            p.exitReason[k] =
                ExitReason.SETTLEMENT; // the expiring futures settle at the index close
            closeLeg(p, k, t, s);
          } else {
            closeAtLastPrice(p, k, t);
          }
        } else if (leg.expiry().equals(date) && s == s) {
          double intrinsic =
              leg.type() == OptionType.CE
                  ? Math.max(0, s - leg.strike())
                  : Math.max(0, leg.strike() - s);
          p.exitReason[k] = ExitReason.SETTLEMENT;
          closeLeg(p, k, t, intrinsic);
        } else {
          closeAtLastPrice(p, k, t);
        }
      }
      finish(p);
    }
    active.clear();
  }

  private void closeAtLastPrice(Position p, int k, int t) {
    if (p.exitReason[k] == null) {
      p.exitReason[k] = ExitReason.EOD;
    }
    event(
        t,
        p.series[k].tradedWithin(t, stale) ? EngineEvent.Kind.NOTE : EngineEvent.Kind.STALE_FILL,
        p.series[k].label()
            + " closed at the session close at its last price, from "
            + lastTradeTime(p.series[k], t)
            + " ("
            + p.exitReason[k]
            + ")");
    closeLeg(p, k, t, marketExitPrice(p, k, t));
  }

  private void finish(Position p) {
    setState(p, PositionState.CLOSED);
    LocalDateTime signalTs = date.atTime(session.timeAt(p.signalSecond));
    LocalDateTime entryTs = date.atTime(session.timeAt(p.fillSecond));
    int legNo = 0;
    for (int k = 0; k < p.legCount; k++) {
      if (p.cancelled[k]) {
        continue;
      }
      legNo++;
      if (p.isHedge(k)) {
        runner.trades.add(hedgeRow(p, k, legNo));
        continue;
      }
      OrderLeg leg = p.legs[k];
      int lots = leg.ratio() * cfg.lots();
      int lotSize = runner.input.lotSizes().lotSize(symbol, leg.expiry(), date);
      if (lotSize <= 0) {
        throw new IllegalStateException(
            "lot size " + lotSize + " for " + symbol + " " + leg.expiry());
      }
      double points = leg.side().sign() * (p.exitPrice[k] - p.entryPrice[k]);
      runner.trades.add(
          new TradeLeg(
              runner.name,
              runner.paramsId,
              symbol.name(),
              p.tradeId,
              legNo,
              date,
              leg.expiry(),
              leg.type().name(),
              leg.strike(),
              leg.side(),
              lots,
              lotSize,
              signalTs,
              entryTs,
              p.entryPrice[k],
              date.atTime(session.timeAt(p.exitSecond[k])),
              p.exitPrice[k],
              p.exitReason[k],
              points,
              points * lotSize * lots,
              p.order.extra()));
    }
  }

  /**
   * A hedge leg's row: opt_type FUT, strike 0, the futures contract's expiry (the options' when the
   * contract is unknown or the hedge traded spot), lots = index units and lot_size 1, so pnl_inr
   * and fees see the true quantity.
   */
  private TradeLeg hedgeRow(Position p, int k, int legNo) {
    LocalDate fx = market.futuresExpiry();
    LocalDate expiry = p.series[k] == futures && fx != null ? fx : p.legs[0].expiry();
    double points = p.side[k].sign() * (p.exitPrice[k] - p.entryPrice[k]);
    int units = p.hedgeUnits[k];
    return new TradeLeg(
        runner.name,
        runner.paramsId,
        symbol.name(),
        p.tradeId,
        legNo,
        date,
        expiry,
        "FUT",
        0,
        p.side[k],
        units,
        1,
        date.atTime(session.timeAt(p.entryDecision[k])),
        date.atTime(session.timeAt(p.entrySecond[k])),
        p.entryPrice[k],
        date.atTime(session.timeAt(p.exitSecond[k])),
        p.exitPrice[k],
        p.exitReason[k],
        points,
        points * units,
        p.order.extra());
  }

  private void setState(Position p, PositionState s) {
    p.state = s;
    runner.setState(p.id, s);
  }

  // ---------------------------------------------------------------- context

  @Override
  public Symbol symbol() {
    return symbol;
  }

  @Override
  public LocalDate date() {
    return date;
  }

  @Override
  public Session session() {
    return session;
  }

  @Override
  public Params params() {
    return runner.run.config().params();
  }

  @Override
  public int now() {
    return clock.now;
  }

  @Override
  public LocalTime time() {
    return session.timeAt(clock.now);
  }

  @Override
  public int secondOf(LocalTime time) {
    return session.indexOf(requireNonNull(time, "time is null"));
  }

  @Override
  public BarView spot() {
    return spot;
  }

  @Override
  public BarView futures() {
    return futures;
  }

  @Override
  public BarView option(LocalDate expiry, OptionType type, int strike) {
    return optionView(expiry, type, strike);
  }

  private SeriesView optionView(LocalDate expiry, OptionType type, int strike) {
    OptionKey key =
        new OptionKey(
            requireNonNull(expiry, "expiry is null"), requireNonNull(type, "type is null"), strike);
    SeriesView v = options.get(key);
    if (v == null && !options.containsKey(key)) {
      SecondBars bars = market.option(expiry, type, strike);
      v =
          bars == null
              ? null
              : new SeriesView(clock, symbol + " " + expiry + " " + type + " " + strike, bars);
      options.put(key, v);
    }
    return v;
  }

  @Override
  public List<LocalDate> expiries() {
    return market.expiries();
  }

  @Override
  public NavigableSet<Integer> strikes(LocalDate expiry, OptionType type) {
    NavigableSet<Integer> s = market.strikes(expiry, type);
    return s == null ? Collections.emptyNavigableSet() : Collections.unmodifiableNavigableSet(s);
  }

  @Override
  public LocalDate expiry() {
    if (!expiryResolved) {
      configExpiry = resolveExpiry(runner.run.config().expiryChoice());
      expiryResolved = true;
    }
    if (configExpiry == null) {
      skip("no " + runner.run.config().expiryChoice().label() + " expiry for " + date);
    }
    return configExpiry;
  }

  @Override
  public LocalDate expiry(ExpiryChoice choice) {
    LocalDate e = resolveExpiry(requireNonNull(choice, "choice is null"));
    if (e == null) {
      skip("no " + choice.label() + " expiry for " + date);
    }
    return e;
  }

  private LocalDate resolveExpiry(ExpiryChoice choice) {
    ExpiryCalendar cal = runner.input.expiryCalendar();
    LocalDate e = null;
    if (cal != null) {
      switch (choice) {
        case NEAREST:
          e = cal.nearest(symbol, date);
          break;
        case NEXT:
          e = cal.next(symbol, date);
          break;
        default:
          e = cal.nearestMonthly(symbol, date);
      }
    }
    if (e == null && choice != ExpiryChoice.MONTHLY) {
      int rank = choice == ExpiryChoice.NEAREST ? 0 : 1;
      for (LocalDate d : market.expiries()) {
        if (!d.isBefore(date) && rank-- == 0) {
          return d;
        }
      }
    }
    return e;
  }

  @Override
  public int strikeStep() {
    return runner.input.strikeStep();
  }

  @Override
  public int roundToStrike(double price) {
    if (!(price > 0) || Double.isInfinite(price)) {
      throw new IllegalArgumentException("cannot round " + price + " to a strike");
    }
    int step = runner.input.strikeStep();
    return (int) (Math.rint(price / step) * step);
  }

  @Override
  public int atm() {
    SeriesView ref = spot;
    if (cfg.atmRef() == AtmRef.FUTURES) {
      if (futures != null) {
        ref = futures;
      } else if (!futuresNoted) {
        futuresNoted = true;
        event(clock.now, EngineEvent.Kind.NOTE, "no futures data today: ATM from spot");
      }
    }
    double price = ref.closeAt(clock.now);
    if (!(price > 0)) {
      skip("no " + ref.label() + " price yet: no ATM strike");
      return NO_STRIKE;
    }
    return roundToStrike(price);
  }

  @Override
  public int nearestAvailable(LocalDate expiry, int target, OptionType... types) {
    if (target == NO_STRIKE || expiry == null) {
      return NO_STRIKE;
    }
    if (types.length == 0) {
      throw new IllegalArgumentException("name the option types the strike needs");
    }
    int step = runner.input.strikeStep();
    int shift = cfg.maxStrikeShift();
    for (int d = 0; d <= shift; d++) {
      int below = target - d * step;
      if (hasData(expiry, below, types)) {
        noteShift(expiry, target, below, types);
        return below;
      }
      int above = target + d * step;
      if (d > 0 && hasData(expiry, above, types)) {
        noteShift(expiry, target, above, types);
        return above;
      }
    }
    skip(
        "no strike within "
            + shift
            + " steps of "
            + target
            + " has traded "
            + typeList(types)
            + " of expiry "
            + expiry
            + " by now");
    return NO_STRIKE;
  }

  private boolean hasData(LocalDate expiry, int strike, OptionType[] types) {
    if (strike <= 0) {
      return false;
    }
    for (OptionType type : types) {
      NavigableSet<Integer> listed = market.strikes(expiry, type);
      if (listed == null || !listed.contains(strike)) {
        return false;
      }
      SeriesView v = optionView(expiry, type, strike);
      if (v == null || v.lastTradeAtOrBefore(clock.now) < 0) {
        return false;
      }
    }
    return true;
  }

  private void noteShift(LocalDate expiry, int target, int used, OptionType[] types) {
    if (used != target) {
      event(
          clock.now,
          EngineEvent.Kind.NOTE,
          "strike "
              + target
              + " has no traded "
              + typeList(types)
              + " of expiry "
              + expiry
              + ": using "
              + used);
    }
  }

  private static String typeList(OptionType[] types) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < types.length; i++) {
      sb.append(i == 0 ? "" : i == types.length - 1 ? " and " : ", ").append(types[i]);
    }
    return sb.toString();
  }

  @Override
  public int enter(EntryOrder order) {
    requireNonNull(order, "order is null");
    int now = clock.now;
    if (closed) {
      skip("entry refused: the session has closed");
      return NO_POSITION;
    }
    int eod = Math.min(runEod, secondAtOrAfter(order.exits().eodExit()));
    if (now >= eod) {
      skip("entry refused: at or after the end-of-day exit " + session.timeAt(eod));
      return NO_POSITION;
    }
    List<OrderLeg> legs = order.legs();
    SeriesView[] views = new SeriesView[legs.size()];
    for (int k = 0; k < views.length; k++) {
      OrderLeg leg = legs.get(k);
      views[k] = optionView(leg.expiry(), leg.type(), leg.strike());
      if (views[k] == null) {
        skip("entry refused: no data for " + leg);
        return NO_POSITION;
      }
    }
    int id = runner.newPosition();
    Position p =
        new Position(id, order, views, now, secondAtOrAfter(order.exits().timeExit()), eod);
    active.add(p);
    setState(p, PositionState.PENDING);
    return id;
  }

  @Override
  public void exit(int positionId) {
    runner.state(positionId); // fails on an unknown id
    if (closed) {
      return;
    }
    for (int i = 0, n = active.size(); i < n; i++) {
      Position p = active.get(i);
      if (p.id == positionId) {
        if (p.state == PositionState.PENDING) {
          cancel(
              p,
              clock.now,
              "entry decided at "
                  + session.timeAt(p.signalSecond)
                  + " cancelled by the strategy before it filled");
        } else if (p.state == PositionState.OPEN) {
          exitAll(p, clock.now, ExitReason.SIGNAL);
        }
        return;
      }
    }
  }

  @Override
  public PositionState state(int positionId) {
    return runner.state(positionId);
  }

  @Override
  public boolean hasActivePosition() {
    for (int i = 0, n = active.size(); i < n; i++) {
      if (active.get(i).state.isActive()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public List<PastSpot> previousDays(int days) {
    return runner.past.before(date, days);
  }

  @Override
  public List<PastSpot> previousDays(Symbol underlying, int days) {
    if (requireNonNull(underlying, "underlying is null").equals(symbol)) {
      return previousDays(days);
    }
    PastSpots other = runner.past.other(underlying);
    return other == null ? List.of() : other.before(date, days);
  }

  @Override
  public int hedge(int positionId, Side side, double quantity) {
    requireNonNull(side, "side is null");
    runner.state(positionId); // fails on an unknown id
    if (!(quantity > 0) || Double.isInfinite(quantity)) {
      throw new IllegalArgumentException(
          "hedge quantity must be a positive number, got " + quantity);
    }
    Position p = activePosition(positionId);
    if (closed || p == null || p.state != PositionState.OPEN) {
      skip("hedge refused: position " + positionId + " is not open");
      return NO_POSITION;
    }
    SeriesView on = futures;
    if (on == null) {
      on = spot;
      if (!spotHedgeNoted) {
        spotHedgeNoted = true;
        event(clock.now, EngineEvent.Kind.NOTE, "no futures data today: hedges trade on spot");
      }
    }
    int lotSize = runner.input.lotSizes().lotSize(symbol, p.legs[0].expiry(), date);
    double size = (double) cfg.lots() * lotSize;
    int units = (int) Math.rint(quantity * size);
    if (units < 1) {
      skip(
          "hedge refused: "
              + quantity
              + " per unit is less than half an index unit of "
              + (long) size);
      return NO_POSITION;
    }
    int k = p.addHedge(on, side, units, side.sign() * units / size, clock.now);
    int legNo = 0;
    for (int j = 0; j <= k; j++) {
      legNo += p.cancelled[j] ? 0 : 1;
    }
    return legNo;
  }

  @Override
  public double hedged(int positionId) {
    runner.state(positionId); // fails on an unknown id
    Position p = activePosition(positionId);
    return p == null ? 0.0 : p.hedged();
  }

  private Position activePosition(int positionId) {
    for (int i = 0, n = active.size(); i < n; i++) {
      Position p = active.get(i);
      if (p.id == positionId && p.state.isActive()) {
        return p;
      }
    }
    return null;
  }

  @Override
  public void stance(String stance, String note, Map<String, Double> values) {
    if (!runner.run.config().descriptor().writesStance()) {
      throw new IllegalStateException(
          runner.name + " writes a stance row but its descriptor does not declare writesStance");
    }
    runner.stances.add(
        new StanceRow(
            runner.name,
            runner.paramsId,
            symbol.name(),
            date,
            date.atTime(time()),
            requireNonNull(stance, "stance is null"),
            note,
            values == null ? null : new java.util.TreeMap<>(values)));
  }

  @Override
  public void skip(String reason) {
    event(clock.now, EngineEvent.Kind.SKIP, requireNonNull(reason, "reason is null"));
  }

  // ---------------------------------------------------------------- helpers

  private void event(int t, EngineEvent.Kind kind, String message) {
    runner.event(date, t >= 0 && t <= last ? session.timeAt(t) : null, kind, message);
  }

  private String lastTradeTime(SeriesView v, int t) {
    int s = v.lastTradeAtOrBefore(t);
    return s < 0 ? "no trade" : session.timeAt(s).toString();
  }

  /**
   * Session index of a wall-clock time: 0 before the open, {@link Position#NONE} after the close or
   * for null.
   */
  private int secondAtOrAfter(LocalTime time) {
    if (time == null) {
      return Position.NONE;
    }
    int i = time.toSecondOfDay() - session.openSecondOfDay();
    return i < 0 ? 0 : i > last ? Position.NONE : i;
  }
}
