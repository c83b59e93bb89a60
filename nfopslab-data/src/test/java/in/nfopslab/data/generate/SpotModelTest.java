package in.nfopslab.data.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SpotModelTest {
  private static List<SpotDay> days;

  @BeforeAll
  static void generate() {
    days = Days.nifty(LocalDate.of(2024, 1, 1), 40, 7);
  }

  @Test
  void startsAtTheProfileLevelAndStaysNearIt() {
    assertThat(days.get(0).open()).isCloseTo(21_700.0, within(1e-6));
    for (SpotDay d : days) {
      for (int s = 0; s < d.seconds(); s++) {
        assertThat(d.spot(s)).isBetween(18_000.0, 25_500.0);
      }
    }
  }

  @Test
  void eachDayOpensFromThePreviousCloseWithItsOvernightGap() {
    for (int i = 1; i < days.size(); i++) {
      double expected = days.get(i - 1).close() * Math.exp(days.get(i).regime().overnightGap());
      assertThat(days.get(i).open()).isCloseTo(expected, within(1e-6));
    }
    assertThat(days).anyMatch(d -> Math.abs(d.regime().overnightGap()) > 0.004);
  }

  @Test
  void volatilityIsHigherAtTheOpenAndCloseThanAtMidday() {
    double open = 0;
    double midday = 0;
    double close = 0;
    for (SpotDay d : days) {
      open += meanAbsReturn(d, 0, 900);
      midday += meanAbsReturn(d, 10_800, 14_400);
      close += meanAbsReturn(d, d.seconds() - 900, d.seconds());
    }
    assertThat(open).isGreaterThan(1.5 * midday);
    assertThat(close).isGreaterThan(1.1 * midday);
  }

  @Test
  void tradingGetsBusierAfterSharpMoves() {
    double afterMoves = 0;
    int moves = 0;
    double all = 0;
    int seconds = 0;
    for (SpotDay d : days) {
      for (int s = 30; s < d.seconds(); s++) {
        double move = Math.abs(Math.log(d.spot(s) / d.spot(s - 30)));
        if (move > 0.001) {
          afterMoves += d.activity(s);
          moves++;
        }
        all += d.activity(s);
        seconds++;
      }
    }
    assertThat(moves).isPositive();
    assertThat(afterMoves / moves).isGreaterThan(1.3 * all / seconds);
  }

  @Test
  void impliedVolMovesAgainstSpot() {
    double[] ret = new double[days.size()];
    double[] shift = new double[days.size()];
    for (int i = 0; i < days.size(); i++) {
      SpotDay d = days.get(i);
      ret[i] = Math.log(d.close() / d.open());
      shift[i] = d.ivShift(d.seconds() - 1);
    }
    assertThat(correlation(ret, shift)).isLessThan(-0.5);
  }

  @Test
  void sameSeedSameDaysAnotherSeedOthers() {
    List<SpotDay> again = Days.nifty(LocalDate.of(2024, 1, 1), 3, 7);
    List<SpotDay> other = Days.nifty(LocalDate.of(2024, 1, 1), 3, 8);

    assertThat(again.get(2).spotArray()).isEqualTo(days.get(2).spotArray());
    assertThat(other.get(2).spotArray()).isNotEqualTo(days.get(2).spotArray());
  }

  static double correlation(double[] x, double[] y) {
    double mx = java.util.Arrays.stream(x).average().orElseThrow();
    double my = java.util.Arrays.stream(y).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  private static double meanAbsReturn(SpotDay d, int from, int to) {
    double sum = 0;
    for (int s = Math.max(1, from); s < to; s++) {
      sum += Math.abs(Math.log(d.spot(s) / d.spot(s - 1)));
    }
    return sum / (to - Math.max(1, from));
  }
}
