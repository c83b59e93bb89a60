package in.nfopslab.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sparse form of {@link SecondBars} (seconds with trades only) against dense arrays spread and
 * forward-filled by hand, at every second: its accessors, its arrays and its cursor, read forward
 * at now with look-backs and in random order.
 */
class SecondBarsTest {
  static final int N = 120;

  /** One series: rows of (second, close, volume, ticks, oi), oi null when the series has none. */
  record Series(String name, int[] second, double[] close, long[] volume, int[] ticks, long[] oi) {
    int rows() {
      return second.length;
    }

    SecondBars sparse() {
      return SecondBars.sparse(N, second, close, volume, ticks, oi, 0, rows());
    }

    /** The dense bars, spread and forward-filled second by second (the reference). */
    SecondBars dense() {
      double[] c = new double[N];
      long[] v = new long[N];
      int[] n = new int[N];
      long[] o = oi == null ? null : new long[N];
      double lastClose = Double.NaN;
      long lastOi = 0;
      int r = 0;
      for (int s = 0; s < N; s++) {
        if (r < rows() && second[r] == s) {
          lastClose = close[r];
          v[s] = volume[r];
          n[s] = ticks[r];
          if (oi != null) {
            lastOi = oi[r];
          }
          r++;
        }
        c[s] = lastClose;
        if (o != null) {
          o[s] = lastOi;
        }
      }
      return new SecondBars(c, v, n, o);
    }
  }

  static List<Series> cases() {
    List<Series> all = new ArrayList<>();
    all.add(
        new Series(
            "late first trade, gaps, oi",
            new int[] {40, 41, 42, 60, 61, 90, 118},
            new double[] {101.5, 102.0, 101.0, 99.5, 105.25, 98.0, 100.0},
            new long[] {50, 25, 75, 100, 10, 300, 5},
            new int[] {2, 1, 3, 4, 1, 7, 1},
            new long[] {1_000, 1_000, 1_050, 0, 1_200, 1_150, 1_300}));
    all.add(
        new Series(
            "no oi, trades at the first and the last second",
            new int[] {0, 5, 6, 7, 50, N - 1},
            new double[] {10.0, 12.0, 9.0, 9.0, 15.5, 8.0},
            new long[] {1, 2, 3, 4, 5, 6},
            new int[] {1, 1, 2, 1, 1, 3},
            null));
    all.add(
        new Series(
            "NaN and signed zero closes",
            new int[] {3, 10, 11, 20, 30},
            new double[] {0.0, -0.0, Double.NaN, 0.0, -0.0},
            new long[] {1, 1, 1, 1, 1},
            new int[] {1, 1, 1, 1, 1},
            new long[] {7, 8, 9, 10, 11}));
    all.add(
        new Series(
            "one trade in the last second only",
            new int[] {N - 1},
            new double[] {42.0},
            new long[] {9},
            new int[] {1},
            new long[] {3}));
    all.add(new Series("no trade", new int[0], new double[0], new long[0], new int[0], null));
    return all;
  }

  static void assertSameBars(String what, SecondBars actual, SecondBars expected) {
    assertThat(actual.length()).as(what + " length").isEqualTo(expected.length());
    assertThat(actual.firstTrade()).as(what + " first trade").isEqualTo(expected.firstTrade());
    assertThat(actual.hasOi()).as(what + " has oi").isEqualTo(expected.hasOi());
    assertThat(actual.tradeSeconds())
        .as(what + " trade seconds")
        .isEqualTo(expected.tradeSeconds());
    for (int s = 0; s < N; s++) {
      String at = what + " at " + s;
      assertThat(Double.doubleToRawLongBits(actual.close(s)))
          .as(at + " close")
          .isEqualTo(Double.doubleToRawLongBits(expected.close(s)));
      assertThat(actual.volume(s)).as(at + " volume").isEqualTo(expected.volume(s));
      assertThat(actual.ticks(s)).as(at + " ticks").isEqualTo(expected.ticks(s));
      assertThat(actual.oi(s)).as(at + " oi").isEqualTo(expected.oi(s));
      assertThat(actual.lastTradeAtOrBefore(s))
          .as(at + " last trade")
          .isEqualTo(expected.lastTradeAtOrBefore(s));
    }
  }

  static long[] bits(double[] a) {
    return Arrays.stream(a).mapToLong(Double::doubleToRawLongBits).toArray();
  }

  @Test
  void sparseBarsReadLikeDenseOnesAtEverySecond() {
    for (Series c : cases()) {
      SecondBars sparse = c.sparse();
      assertThat(sparse.isSparse()).isTrue();
      assertSameBars(c.name(), sparse, c.dense());
    }
  }

  @Test
  void theArraysOfASparseSeriesAreTheDenseOnes() {
    for (Series c : cases()) {
      SecondBars sparse = c.sparse();
      SecondBars dense = c.dense();
      assertThat(bits(sparse.closeArray())).as(c.name()).containsExactly(bits(dense.closeArray()));
      assertThat(sparse.volumeArray()).as(c.name()).containsExactly(dense.volumeArray());
      assertThat(sparse.ticksArray()).as(c.name()).containsExactly(dense.ticksArray());
      if (c.oi() == null) {
        assertThat(sparse.oiArray()).as(c.name()).isNull();
      } else {
        assertThat(sparse.oiArray()).as(c.name()).containsExactly(dense.oiArray());
      }
    }
  }

  @Test
  void aSeriesCanBeRowsInsideAChainsArrays() {
    // two series back to back in shared arrays, as ChainDay holds a chain
    Series a = cases().get(0);
    Series b = cases().get(1);
    int n = a.rows() + b.rows();
    int[] second = new int[n];
    double[] close = new double[n];
    long[] volume = new long[n];
    int[] ticks = new int[n];
    long[] oi = new long[n];
    for (int i = 0; i < n; i++) {
      boolean inA = i < a.rows();
      int j = inA ? i : i - a.rows();
      Series from = inA ? a : b;
      second[i] = from.second()[j];
      close[i] = from.close()[j];
      volume[i] = from.volume()[j];
      ticks[i] = from.ticks()[j];
      oi[i] = inA ? a.oi()[j] : 0;
    }

    SecondBars first = SecondBars.sparse(N, second, close, volume, ticks, oi, 0, a.rows());
    SecondBars next = SecondBars.sparse(N, second, close, volume, ticks, oi, a.rows(), n);

    assertSameBars("first", first, a.dense());
    Series bWithZeroOi =
        new Series(b.name(), b.second(), b.close(), b.volume(), b.ticks(), new long[b.rows()]);
    assertSameBars("second", next, bWithZeroOi.dense());
    assertSameCursorReads("first", first.cursor(), a.dense().cursor(), new Random(1));
    assertSameCursorReads("second", next.cursor(), bWithZeroOi.dense().cursor(), new Random(2));
  }

  /** A day read as the engine reads it: at now, one second at a time, with look-backs. */
  @Test
  void aCursorWalkingTheDayReadsLikeDenseArrays() {
    for (Series c : cases()) {
      SecondBars.Cursor sparse = c.sparse().cursor();
      SecondBars.Cursor dense = c.dense().cursor();
      for (int now = 0; now < N; now++) {
        String at = c.name() + " at " + now;
        assertThat(Double.doubleToRawLongBits(sparse.close(now)))
            .as(at + " close")
            .isEqualTo(Double.doubleToRawLongBits(dense.close(now)));
        assertThat(sparse.volume(now)).as(at + " volume").isEqualTo(dense.volume(now));
        assertThat(sparse.ticks(now)).as(at + " ticks").isEqualTo(dense.ticks(now));
        assertThat(sparse.oi(now)).as(at + " oi").isEqualTo(dense.oi(now));
        assertThat(sparse.lastTradeAtOrBefore(now))
            .as(at + " last trade")
            .isEqualTo(dense.lastTradeAtOrBefore(now));
        for (int age = 0; age <= 6; age++) {
          assertThat(sparse.tradedWithin(now, age))
              .as(at + " traded within " + age)
              .isEqualTo(dense.tradedWithin(now, age));
        }
        for (int window : new int[] {0, 1, 5, 37, now + 3}) {
          assertSameRange(at + " window " + window, sparse, dense, now - window, now);
        }
        int back = Math.max(0, now - 25);
        assertSameRange(at + " look-back", sparse, dense, back - 30, back);
        assertThat(Double.doubleToRawLongBits(sparse.close(back)))
            .as(at + " close of " + back)
            .isEqualTo(Double.doubleToRawLongBits(dense.close(back)));
        assertThat(sparse.volume(back)).as(at + " volume of " + back).isEqualTo(dense.volume(back));
        assertThat(sparse.lastTradeAtOrBefore(back))
            .as(at + " last trade of " + back)
            .isEqualTo(dense.lastTradeAtOrBefore(back));
      }
    }
  }

  @Test
  void aCursorReadInAnyOrderReadsLikeDenseArrays() {
    for (Series c : cases()) {
      assertSameCursorReads(c.name(), c.sparse().cursor(), c.dense().cursor(), new Random(7));
    }
  }

  /**
   * A day-long series of a few thousand trades read as strategies read one: at now, plus reads and
   * windows at fixed lags behind now (look-backs of a few rows and of thousands).
   */
  @Test
  void aLongSeriesReadsLikeDenseArraysAtFixedLags() {
    int seconds = 22_501;
    Random random = new Random(3);
    int[] second = new int[seconds];
    double[] close = new double[seconds];
    long[] volume = new long[seconds];
    int[] ticks = new int[seconds];
    long[] oi = new long[seconds];
    int rows = 0;
    for (int s = 300 + random.nextInt(600); s < seconds; s += 1 + random.nextInt(9)) {
      second[rows] = s;
      close[rows] = 50 + random.nextInt(10_000) / 20.0;
      volume[rows] = 1 + random.nextInt(500);
      ticks[rows] = 1 + random.nextInt(4);
      oi[rows] = 10_000 + random.nextInt(5_000);
      rows++;
    }
    SecondBars sparse = SecondBars.sparse(seconds, second, close, volume, ticks, oi, 0, rows);
    SecondBars dense =
        new SecondBars(
            sparse.closeArray().clone(),
            sparse.volumeArray().clone(),
            sparse.ticksArray().clone(),
            sparse.oiArray().clone());
    SecondBars.Cursor c = sparse.cursor();
    SecondBars.Cursor d = dense.cursor();
    int[] lags = {1, 7, 60, 900, 5_000};
    for (int now = 0; now < seconds; now++) {
      if (c.volume(now) != d.volume(now)
          || Double.doubleToRawLongBits(c.close(now)) != Double.doubleToRawLongBits(d.close(now))) {
        throw new AssertionError("at now " + now);
      }
      for (int lag : lags) {
        int s = now - lag;
        if (s >= 0
            && (c.volume(s) != d.volume(s)
                || c.oi(s) != d.oi(s)
                || c.lastTradeAtOrBefore(s) != d.lastTradeAtOrBefore(s)
                || Double.doubleToRawLongBits(c.close(s))
                    != Double.doubleToRawLongBits(d.close(s)))) {
          throw new AssertionError("at " + s + ", " + lag + " s behind " + now);
        }
        if (c.volumeSum(s + 1, now) != d.volumeSum(s + 1, now)
            || Double.doubleToRawLongBits(c.highestClose(s, now))
                != Double.doubleToRawLongBits(d.highestClose(s, now))
            || Double.doubleToRawLongBits(c.lowestClose(s, Math.max(0, now - 1)))
                != Double.doubleToRawLongBits(d.lowestClose(s, Math.max(0, now - 1)))) {
          throw new AssertionError("window of " + lag + " s at " + now);
        }
      }
    }
    assertThat(sparse.tradeSeconds()).isEqualTo(rows).isGreaterThan(3_000);
  }

  @Test
  void anEmptyRangeIsNaNAndZeroVolume() {
    SecondBars.Cursor sparse = cases().get(0).sparse().cursor();
    assertThat(sparse.highestClose(50, 49)).isNaN();
    assertThat(sparse.lowestClose(50, 49)).isNaN();
    assertThat(sparse.volumeSum(50, 49)).isZero();
    // before the first trade the close is NaN and nothing traded
    assertThat(sparse.highestClose(0, 39)).isNaN();
    assertThat(sparse.volumeSum(-10, 39)).isZero();
    assertThat(sparse.tradedWithin(39, 39)).isFalse();
    assertThat(sparse.lastTradeAtOrBefore(39)).isEqualTo(-1);
  }

  @Test
  void readsOutsideTheSessionFailAsDenseOnesDo() {
    SecondBars sparse = cases().get(0).sparse();
    assertThatThrownBy(() -> sparse.close(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> sparse.volume(N)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> sparse.cursor().close(N))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> sparse.cursor().oi(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    SecondBars dense = cases().get(0).dense();
    assertThatThrownBy(() -> dense.close(N)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> dense.cursor().close(N)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void rowsThatAreNotTradeSecondsAreRefused() {
    assertThatThrownBy(() -> sparseOf(new int[] {5, 5}, new int[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 1");
    assertThatThrownBy(() -> sparseOf(new int[] {6, 5}, new int[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sparseOf(new int[] {5, N}, new int[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sparseOf(new int[] {-1, 5}, new int[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sparseOf(new int[] {5, 6}, new int[] {1, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ticks 0");
    assertThatThrownBy(
            () ->
                SecondBars.sparse(
                    N, new int[] {1}, new double[1], new long[1], new int[] {1}, null, 0, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static SecondBars sparseOf(int[] second, int[] ticks) {
    int n = second.length;
    return SecondBars.sparse(N, second, new double[n], new long[n], ticks, null, 0, n);
  }

  private static void assertSameCursorReads(
      String what, SecondBars.Cursor sparse, SecondBars.Cursor dense, Random random) {
    for (int i = 0; i < 2_000; i++) {
      int s = random.nextInt(N);
      int from = s - random.nextInt(40) + 5; // sometimes after s: an empty range
      String at = what + " read " + i + " at " + s;
      switch (random.nextInt(8)) {
        case 0 ->
            assertThat(Double.doubleToRawLongBits(sparse.close(s)))
                .as(at)
                .isEqualTo(Double.doubleToRawLongBits(dense.close(s)));
        case 1 -> assertThat(sparse.volume(s)).as(at).isEqualTo(dense.volume(s));
        case 2 -> assertThat(sparse.ticks(s)).as(at).isEqualTo(dense.ticks(s));
        case 3 -> assertThat(sparse.oi(s)).as(at).isEqualTo(dense.oi(s));
        case 4 ->
            assertThat(sparse.lastTradeAtOrBefore(s))
                .as(at)
                .isEqualTo(dense.lastTradeAtOrBefore(s));
        case 5 -> {
          int age = random.nextInt(10);
          assertThat(sparse.tradedWithin(s, age)).as(at).isEqualTo(dense.tradedWithin(s, age));
        }
        default -> assertSameRange(at, sparse, dense, from, s);
      }
    }
  }

  private static void assertSameRange(
      String what, SecondBars.Cursor sparse, SecondBars.Cursor dense, int from, int to) {
    String range = what + " [" + from + ", " + to + "]";
    assertThat(Double.doubleToRawLongBits(sparse.highestClose(from, to)))
        .as(range + " highest")
        .isEqualTo(Double.doubleToRawLongBits(dense.highestClose(from, to)));
    assertThat(Double.doubleToRawLongBits(sparse.lowestClose(from, to)))
        .as(range + " lowest")
        .isEqualTo(Double.doubleToRawLongBits(dense.lowestClose(from, to)));
    assertThat(sparse.volumeSum(from, to))
        .as(range + " volume")
        .isEqualTo(dense.volumeSum(from, to));
  }
}
