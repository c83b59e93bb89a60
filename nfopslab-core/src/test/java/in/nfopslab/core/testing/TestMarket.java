package in.nfopslab.core.testing;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.calendar.Session;
import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.market.DayMarket;
import in.nfopslab.core.market.SecondBars;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * A {@link DayMarket} written by hand in a few lines, for tests whose expected trades are worked
 * out on paper. Prices are given as {@code "HH:mm:ss", price} pairs. A "liquid" series trades every
 * second from its first time, holding each price until the next pair; a sparse option trades only
 * at the listed seconds (its close is then forward-filled, as real bars are). Every trade has
 * volume 1 unless given otherwise ({@link Builder#optionVolume}, {@link Builder#futuresVolume}); an
 * option has an oi column only when given one ({@link Builder#optionOi}).
 *
 * <pre>
 * DayMarket m = TestMarket.on("2024-01-08")
 *     .spot("09:15:00", 21500.0, "09:45:00", 21530.0)
 *     .liquidOption("2024-01-11", OptionType.CE, 21550, "09:15:00", 100.0, "10:00:00", 121.0)
 *     .build();
 * </pre>
 */
public final class TestMarket implements DayMarket {
  private final Symbol symbol;
  private final Session session;
  private final SecondBars spot;
  private final SecondBars futures;
  private final LocalDate futuresExpiry;
  private final Map<Key, SecondBars> options;
  private final Map<Key, Boolean> listedOnly;
  private final List<LocalDate> expiries;
  private int optionLoads;
  private int closes;
  private int optionLoadsAfterClose;

  private record Key(LocalDate expiry, OptionType type, int strike) {}

  private TestMarket(Builder b) {
    this.symbol = b.symbol;
    this.session = b.session;
    this.spot = requireNonNull(b.spot, "a test market needs a spot path");
    this.futures = b.futures;
    this.futuresExpiry = b.futuresExpiry;
    Map<Key, SecondBars> options = new HashMap<>(b.options);
    if (b.sparseOptions) {
      options.replaceAll((k, bars) -> sparseOf(bars));
    }
    this.options = Map.copyOf(options);
    this.listedOnly = Map.copyOf(b.listedOnly);
    TreeSet<LocalDate> e = new TreeSet<>(b.expiries);
    for (Key k : b.options.keySet()) {
      e.add(k.expiry());
    }
    for (Key k : b.listedOnly.keySet()) {
      e.add(k.expiry());
    }
    this.expiries = List.copyOf(e);
  }

  /**
   * The sparse form of dense bars (the seconds with trades only, as the seconds cache serves an
   * option series): the same values through every accessor.
   */
  public static SecondBars sparseOf(SecondBars dense) {
    int n = dense.length();
    int rows = dense.tradeSeconds();
    int[] second = new int[rows];
    double[] close = new double[rows];
    long[] volume = new long[rows];
    int[] ticks = new int[rows];
    long[] oi = dense.hasOi() ? new long[rows] : null;
    int r = 0;
    for (int s = 0; s < n; s++) {
      if (dense.ticks(s) > 0) {
        second[r] = s;
        close[r] = dense.close(s);
        volume[r] = dense.volume(s);
        ticks[r] = dense.ticks(s);
        if (oi != null) {
          oi[r] = dense.oi(s);
        }
        r++;
      }
    }
    return SecondBars.sparse(n, second, close, volume, ticks, oi, 0, rows);
  }

  public static Builder on(String date) {
    return new Builder(LocalDate.parse(date));
  }

  public static Builder on(LocalDate date) {
    return new Builder(date);
  }

  @Override
  public Symbol symbol() {
    return symbol;
  }

  @Override
  public LocalDate date() {
    return session.date();
  }

  @Override
  public Session session() {
    return session;
  }

  @Override
  public SecondBars spot() {
    return spot;
  }

  @Override
  public SecondBars futures() {
    return futures;
  }

  @Override
  public LocalDate futuresExpiry() {
    return futuresExpiry;
  }

  @Override
  public List<LocalDate> expiries() {
    return expiries;
  }

  @Override
  public NavigableSet<Integer> strikes(LocalDate expiry, OptionType type) {
    TreeSet<Integer> s = new TreeSet<>();
    for (Key k : options.keySet()) {
      if (k.expiry().equals(expiry) && k.type() == type) {
        s.add(k.strike());
      }
    }
    for (Key k : listedOnly.keySet()) {
      if (k.expiry().equals(expiry) && k.type() == type) {
        s.add(k.strike());
      }
    }
    return Collections.unmodifiableNavigableSet(s);
  }

  @Override
  public SecondBars option(LocalDate expiry, OptionType type, int strike) {
    optionLoads++;
    if (closes > 0) {
      optionLoadsAfterClose++;
    }
    return options.get(new Key(expiry, type, strike));
  }

  @Override
  public void close() {
    closes++;
  }

  /** How many times the market was closed. */
  public int closes() {
    return closes;
  }

  /** How many times an option series was asked for after the market was closed. */
  public int optionLoadsAfterClose() {
    return optionLoadsAfterClose;
  }

  /** How many times an option series was asked for (to check on-demand loading). */
  public int optionLoads() {
    return optionLoads;
  }

  /** Builds a test market; the session defaults to 09:15:00-15:30:00 and the symbol to NIFTY. */
  public static final class Builder {
    private final LocalDate date;
    private Symbol symbol = new Symbol("NIFTY");
    private Session session;
    private SecondBars spot;
    private SecondBars futures;
    private LocalDate futuresExpiry;
    private final Map<Key, SecondBars> options = new HashMap<>();
    private final Map<Key, Boolean> listedOnly = new HashMap<>();
    private final List<LocalDate> expiries = new ArrayList<>();
    private boolean sparseOptions;

    private Builder(LocalDate date) {
      this.date = date;
      this.session = new Session(date, LocalTime.of(9, 15), LocalTime.of(15, 30));
    }

    public Builder symbol(String name) {
      this.symbol = new Symbol(name);
      return this;
    }

    /** A shorter (or longer) session; set it before any series. */
    public Builder session(String open, String close) {
      if (spot != null || futures != null || !options.isEmpty()) {
        throw new IllegalStateException("set the session before the series");
      }
      this.session = new Session(date, LocalTime.parse(open), LocalTime.parse(close));
      return this;
    }

    /** Spot trading every second from the first time, holding each price until the next pair. */
    public Builder spot(Object... timePricePairs) {
      this.spot = liquid(timePricePairs);
      return this;
    }

    public Builder futures(Object... timePricePairs) {
      this.futures = liquid(timePricePairs);
      return this;
    }

    /** The expiry of the futures contract (unknown when not set). */
    public Builder futuresExpiry(String expiry) {
      this.futuresExpiry = LocalDate.parse(expiry);
      return this;
    }

    /**
     * Sets the traded volume of every second from {@code from} to {@code to} (both inclusive) in
     * which an option already given trades; its prices stay as they were.
     */
    public Builder optionVolume(
        String expiry, OptionType type, int strike, String from, String to, long perSecond) {
      SecondBars bars = options.get(new Key(LocalDate.parse(expiry), type, strike));
      if (bars == null) {
        throw new IllegalArgumentException(
            "give the option " + expiry + " " + type + " " + strike + " first");
      }
      int a = session.indexOf(LocalTime.parse(from));
      int b = session.indexOf(LocalTime.parse(to));
      if (a < 0 || b < a) {
        throw new IllegalArgumentException("bad volume window " + from + " .. " + to);
      }
      long[] volume = bars.volumeArray();
      int[] ticks = bars.ticksArray();
      for (int s = a; s <= b; s++) {
        if (ticks[s] > 0) {
          volume[s] = perSecond;
        }
      }
      return this;
    }

    /**
     * An option trading every second from its first time, holding each price until the next pair.
     */
    public Builder liquidOption(
        String expiry, OptionType type, int strike, Object... timePricePairs) {
      options.put(new Key(LocalDate.parse(expiry), type, strike), liquid(timePricePairs));
      return this;
    }

    /**
     * An option trading only at the listed seconds (forward-filled in between, as real bars are).
     */
    public Builder option(String expiry, OptionType type, int strike, Object... timePricePairs) {
      options.put(new Key(LocalDate.parse(expiry), type, strike), sparse(timePricePairs));
      return this;
    }

    /**
     * Sets the volume of an option's trades from each time on, holding each value until the next
     * pair; seconds without a trade keep volume 0. Give the option's prices first.
     */
    public Builder optionVolume(
        String expiry, OptionType type, int strike, Object... timeVolumePairs) {
      Key key = new Key(LocalDate.parse(expiry), type, strike);
      SecondBars b =
          requireNonNull(options.get(key), "give the prices of " + key + " before its volume");
      options.put(
          key,
          new SecondBars(b.closeArray(), held(b, timeVolumePairs), b.ticksArray(), b.oiArray()));
      return this;
    }

    /** Sets the volume of the futures' trades, as {@link #optionVolume} does for an option. */
    public Builder futuresVolume(Object... timeVolumePairs) {
      SecondBars b = requireNonNull(futures, "give the futures prices before their volume");
      futures =
          new SecondBars(b.closeArray(), held(b, timeVolumePairs), b.ticksArray(), b.oiArray());
      return this;
    }

    /**
     * Gives an option an oi column: the open interest from each time on, held until the next pair
     * (0 before the first). Give the option's prices first.
     */
    public Builder optionOi(String expiry, OptionType type, int strike, Object... timeOiPairs) {
      Key key = new Key(LocalDate.parse(expiry), type, strike);
      SecondBars b =
          requireNonNull(options.get(key), "give the prices of " + key + " before its oi");
      int n = session.seconds();
      long[] oi = new long[n];
      int[] at = seconds(timeOiPairs);
      for (int p = 0; p < at.length; p++) {
        int end = p + 1 < at.length ? at[p + 1] : n;
        Arrays.fill(oi, at[p], end, ((Number) timeOiPairs[2 * p + 1]).longValue());
      }
      options.put(key, new SecondBars(b.closeArray(), b.volumeArray(), b.ticksArray(), oi));
      return this;
    }

    private long[] held(SecondBars b, Object[] timeVolumePairs) {
      int n = session.seconds();
      long[] volume = new long[n];
      int[] at = seconds(timeVolumePairs);
      int[] ticks = b.ticksArray();
      for (int p = 0; p < at.length; p++) {
        int end = p + 1 < at.length ? at[p + 1] : n;
        long v = ((Number) timeVolumePairs[2 * p + 1]).longValue();
        for (int s = at[p]; s < end; s++) {
          volume[s] = ticks[s] > 0 ? v : 0;
        }
      }
      for (int s = 0; s < (at.length == 0 ? 0 : at[0]); s++) {
        volume[s] = b.volumeArray()[s];
      }
      return volume;
    }

    /** A strike that has a file but no data today ({@link DayMarket#option} returns null). */
    public Builder listed(String expiry, OptionType type, int strike) {
      listedOnly.put(new Key(LocalDate.parse(expiry), type, strike), Boolean.TRUE);
      return this;
    }

    /**
     * Serves every option in the sparse form (seconds with trades only), as the seconds cache does;
     * the default is dense arrays. The values read are the same either way.
     */
    public Builder sparseOptions() {
      this.sparseOptions = true;
      return this;
    }

    /** An expiry with data today even if no option of it is given. */
    public Builder expiry(String expiry) {
      expiries.add(LocalDate.parse(expiry));
      return this;
    }

    public TestMarket build() {
      return new TestMarket(this);
    }

    private SecondBars liquid(Object[] pairs) {
      int n = session.seconds();
      double[] close = new double[n];
      long[] volume = new long[n];
      int[] ticks = new int[n];
      Arrays.fill(close, Double.NaN);
      int[] at = seconds(pairs);
      for (int p = 0; p < at.length; p++) {
        int end = p + 1 < at.length ? at[p + 1] : n;
        double price = ((Number) pairs[2 * p + 1]).doubleValue();
        for (int s = at[p]; s < end; s++) {
          close[s] = price;
          volume[s] = 1;
          ticks[s] = 1;
        }
      }
      return new SecondBars(close, volume, ticks, null);
    }

    private SecondBars sparse(Object[] pairs) {
      int n = session.seconds();
      double[] close = new double[n];
      long[] volume = new long[n];
      int[] ticks = new int[n];
      Arrays.fill(close, Double.NaN);
      int[] at = seconds(pairs);
      for (int p = 0; p < at.length; p++) {
        close[at[p]] = ((Number) pairs[2 * p + 1]).doubleValue();
        volume[at[p]] = 1;
        ticks[at[p]] = 1;
      }
      for (int s = 1; s < n; s++) {
        if (ticks[s] == 0) {
          close[s] = close[s - 1];
        }
      }
      return new SecondBars(close, volume, ticks, null);
    }

    private int[] seconds(Object[] pairs) {
      if (pairs.length == 0 || pairs.length % 2 != 0) {
        throw new IllegalArgumentException("give \"HH:mm:ss\", price pairs");
      }
      int[] at = new int[pairs.length / 2];
      for (int p = 0; p < at.length; p++) {
        int s = session.indexOf(LocalTime.parse((String) pairs[2 * p]));
        if (s < 0 || (p > 0 && s <= at[p - 1])) {
          throw new IllegalArgumentException(
              "time " + pairs[2 * p] + " is outside the session or out of order");
        }
        at[p] = s;
      }
      return at;
    }
  }
}
