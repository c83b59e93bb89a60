package in.nfopslab.strategies.common;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.strategy.BarView;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VolumeBurstTest {
  /** Volumes by second with a movable now; only what the detector reads. */
  static final class Volumes implements BarView {
    final long[] v;
    int now;

    Volumes(long[] v) {
      this.v = v;
    }

    @Override
    public int now() {
      return now;
    }

    @Override
    public long volume(int second) {
      if (second > now) {
        throw new AssertionError("read the future");
      }
      return v[second];
    }

    @Override
    public long volumeSum(int from, int to) {
      long s = 0;
      for (int i = Math.max(0, from); i <= to; i++) {
        s += volume(i);
      }
      return s;
    }

    @Override
    public long volumeLast(int n) {
      return volumeSum(now - n + 1, now);
    }

    @Override
    public double close() {
      throw new UnsupportedOperationException();
    }

    @Override
    public double close(int second) {
      throw new UnsupportedOperationException();
    }

    @Override
    public double closeAgo(int lag) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int ticks(int second) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean hasOi() {
      return false;
    }

    @Override
    public long oi(int second) {
      return 0;
    }

    @Override
    public int lastTrade() {
      throw new UnsupportedOperationException();
    }

    @Override
    public double highestClose(int from, int to) {
      throw new UnsupportedOperationException();
    }

    @Override
    public double lowestClose(int from, int to) {
      throw new UnsupportedOperationException();
    }
  }

  static List<Integer> burstSeconds(VolumeBurst b, Volumes view, int from, int to) {
    List<Integer> out = new ArrayList<>();
    for (int t = from; t <= to; t++) {
      view.now = t;
      if (b.test(view)) {
        out.add(t);
      }
    }
    return out;
  }

  @Test
  void steadyVolumeNeverBurstsAndAThreefoldSpikeBurstsOnItsNinthSecond() {
    // 1 lot a second, 3 a second from second 1000. After m spike seconds (m <= 30):
    // vol30 = 3m + (30 - m) = 30 + 2m; base = (300 + 2m) / 300 x 30 = 30 + 0.2m.
    // burst when 30 + 2m >= 1.5 (30 + 0.2m) <=> 1.7 m >= 15 <=> m >= 8.82: m = 9, second 1008.
    // m = 8: vol30 46 < 1.5 x 31.6 = 47.4; m = 9: vol30 48 >= 1.5 x 31.8 = 47.7.
    long[] v = new long[2000];
    java.util.Arrays.fill(v, 1);
    java.util.Arrays.fill(v, 1000, 2000, 3);

    List<Integer> bursts = burstSeconds(VolumeBurst.standard(1.5), new Volumes(v), 400, 1007);
    VolumeBurst b = VolumeBurst.standard(1.5);
    Volumes view = new Volumes(v);
    view.now = 1008;

    assertThat(bursts).isEmpty();
    assertThat(b.test(view)).isTrue();
    assertThat(b.shortVolume()).isEqualTo(48);
    assertThat(b.base()).isEqualTo(31.8, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void noVolumeAtAllIsNoBurstAndTheBaseCountsSecondsBeforeTheOpenAsZero() {
    // All zero: base 0, no burst. At second 9 of a day with 1 a second: vol30 = 10, base = 10/300 x
    // 30 = 1: burst.
    Volumes none = new Volumes(new long[100]);
    long[] ones = new long[100];
    java.util.Arrays.fill(ones, 1);

    assertThat(burstSeconds(VolumeBurst.standard(1.5), none, 0, 99)).isEmpty();
    Volumes early = new Volumes(ones);
    early.now = 9;
    VolumeBurst b = VolumeBurst.standard(1.5);
    assertThat(b.test(early)).isTrue();
    assertThat(b.base()).isEqualTo(1.0);
  }

  @Test
  void slidingSecondBySecondAgreesWithSummingAfresh() {
    SplittableRandom rng = new SplittableRandom(42);
    long[] v = new long[3000];
    for (int i = 0; i < v.length; i++) {
      v[i] = rng.nextInt(10) < 7 ? 0 : rng.nextInt(1, 50);
    }
    Volumes view = new Volumes(v);
    VolumeBurst sliding = VolumeBurst.standard(1.5);
    List<Integer> slid = new ArrayList<>();
    List<Integer> fresh = new ArrayList<>();
    for (int t = 0; t < v.length; t++) {
      view.now = t;
      if (sliding.test(view)) {
        slid.add(t);
      }
      long vol30 = view.volumeLast(30);
      double base = view.volumeLast(300) / 300.0 * 30;
      if (base > 0 && vol30 >= 1.5 * base) {
        fresh.add(t);
      }
    }

    assertThat(slid).isNotEmpty().isEqualTo(fresh);
  }
}
