package in.nfopslab.data.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OptionTicksTest {
  private static final LocalDate EXPIRY = LocalDate.of(2024, 1, 4);
  private static final LocalDate MONTHLY = LocalDate.of(2024, 1, 25);
  private static SpotDay day;

  /** Collected ticks of one contract-day. */
  private static final class Ticks implements TickSink {
    final List<long[]> rows = new ArrayList<>();
    final List<double[]> prices = new ArrayList<>();

    @Override
    public void tick(
        long epochNanos, double open, double high, double low, double close, long volume, long oi) {
      rows.add(new long[] {epochNanos, volume, oi});
      prices.add(new double[] {open, high, low, close});
    }
  }

  @BeforeAll
  static void generate() {
    day = Days.nifty(LocalDate.of(2024, 1, 2), 1, 7).get(0);
  }

  @Test
  void nearTheMoneyTradesMoreThanFarOutOfIt() throws IOException {
    int atm = (int) Math.round(day.open() / 50) * 50;
    Ticks near = ticks(atm, true, OptionTicks.Rank.NEAREST);
    Ticks far = ticks(atm + 600, true, OptionTicks.Rank.NEAREST);
    Ticks nextExpiry = ticks(atm, true, OptionTicks.Rank.NEXT);

    assertThat(near.rows.size()).isGreaterThan(3 * far.rows.size());
    assertThat(near.rows.size()).isGreaterThan(nextExpiry.rows.size());
    assertThat(far.rows).isNotEmpty();
  }

  @Test
  void thirtySecondVolumeBurstsAboveOneAndAHalfTimesItsBaseFollowSpotMoves() throws IOException {
    int atm = (int) Math.round(day.open() / 50) * 50;
    long[] perSecond = new long[day.seconds()];
    long open = day.session().epochNanosAt(0);
    for (long[] r : ticks(atm, true, OptionTicks.Rank.NEAREST).rows) {
      perSecond[(int) ((r[0] - open) / 1_000_000_000L)] += r[1];
    }
    double activityInBursts = 0;
    int bursts = 0;
    double activityAll = 0;
    int seconds = 0;
    for (int s = 300; s < day.seconds(); s++) {
      long vol30 = 0;
      long vol300 = 0;
      for (int k = 0; k < 300; k++) {
        vol300 += perSecond[s - k];
        if (k < 30) {
          vol30 += perSecond[s - k];
        }
      }
      double base = vol300 / 300.0 * 30;
      if (base > 0 && vol30 >= 1.5 * base) {
        activityInBursts += day.activity(s);
        bursts++;
      }
      activityAll += day.activity(s);
      seconds++;
    }
    assertThat(bursts).isGreaterThan(100);
    assertThat(bursts).isLessThan(seconds / 2);
    assertThat(activityInBursts / bursts).isGreaterThan(activityAll / seconds);
  }

  @Test
  void ticksAreOrderedPositiveAndCarryOpenInterest() throws IOException {
    Ticks t = ticks(21_500, false, OptionTicks.Rank.NEAREST);
    long previous = Long.MIN_VALUE;
    for (int i = 0; i < t.rows.size(); i++) {
      long[] r = t.rows.get(i);
      double[] p = t.prices.get(i);
      assertThat(r[0]).isGreaterThan(previous);
      assertThat(r[0] % 1_000L).as("microsecond timestamps").isZero();
      assertThat(r[1] % day.profile().volumeUnit()).isZero();
      assertThat(r[2]).isGreaterThanOrEqualTo(OptionTicks.OI_MIN_LOTS * day.profile().volumeUnit());
      assertThat(r[2] % day.profile().volumeUnit()).as("oi in whole volume units").isZero();
      assertThat(p[2]).isLessThanOrEqualTo(Math.min(p[0], p[3]));
      assertThat(p[1]).isGreaterThanOrEqualTo(Math.max(p[0], p[3]));
      previous = r[0];
    }
  }

  /**
   * oi_shift_breakout's flow: the 15-minute OI change summed over ATM-2 ... ATM+2 of each side,
   * sampled every minute from 10:00 to 14:00 over five days. Calls and puts must not simply mirror
   * each other: both sides add OI together often (so the put/call imbalance is not always +-1), and
   * their changes are far from perfectly anti-correlated.
   */
  @Test
  void callAndPutOpenInterestMoveWithFlowsOfTheirOwn() throws IOException {
    List<double[]> changes = new ArrayList<>();
    for (SpotDay d : Days.nifty(LocalDate.of(2024, 1, 1), 5, 7)) {
      int atm = (int) Math.round(d.open() / 50) * 50;
      long[] ce = sideOi(d, atm, true);
      long[] pe = sideOi(d, atm, false);
      for (int s = 2_700; s <= 16_200; s += 60) {
        changes.add(new double[] {ce[s] - ce[s - 900], pe[s] - pe[s - 900]});
      }
    }
    long bothAdded = changes.stream().filter(c -> c[0] > 0 && c[1] > 0).count();
    long oneAdded = changes.stream().filter(c -> c[0] > 0 != c[1] > 0).count();

    assertThat(bothAdded).isGreaterThan(changes.size() / 5);
    assertThat(oneAdded).isGreaterThan(changes.size() / 10);
    assertThat(correlation(changes)).isGreaterThan(-0.5);
  }

  /** Summed OI of one side's five strikes around atm at every second, each forward-filled. */
  private static long[] sideOi(SpotDay d, int atm, boolean call) throws IOException {
    long[] sum = new long[d.seconds()];
    long open = d.session().epochNanosAt(0);
    for (int k = atm - 100; k <= atm + 100; k += 50) {
      Ticks t = new Ticks();
      OptionTicks.emit(
          d,
          new VolSurface(d, MONTHLY, 15),
          call,
          k,
          OptionTicks.Rank.NEAREST,
          Preset.DEMO.sizes(),
          Seeds.random(7, d.date() + "|" + call + "|" + k),
          new OptionTicks.State(),
          t);
      long oi = t.rows.get(0)[2];
      int next = 0;
      for (int s = 0; s < sum.length; s++) {
        while (next < t.rows.size() && (t.rows.get(next)[0] - open) / 1_000_000_000L <= s) {
          oi = t.rows.get(next++)[2];
        }
        sum[s] += oi;
      }
    }
    return sum;
  }

  private static double correlation(List<double[]> xy) {
    double mx = xy.stream().mapToDouble(c -> c[0]).average().orElseThrow();
    double my = xy.stream().mapToDouble(c -> c[1]).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (double[] c : xy) {
      sxy += (c[0] - mx) * (c[1] - my);
      sxx += (c[0] - mx) * (c[0] - mx);
      syy += (c[1] - my) * (c[1] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  private static Ticks ticks(int strike, boolean call, OptionTicks.Rank rank) throws IOException {
    Ticks t = new Ticks();
    OptionTicks.emit(
        day,
        new VolSurface(day, EXPIRY, 2),
        call,
        strike,
        rank,
        Preset.DEMO.sizes(),
        new SplittableRandom(strike),
        new OptionTicks.State(),
        t);
    return t;
  }
}
