package in.nfopslab.data.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated market gives every strategy family something to trade, and a chance to lose:
 * breakouts that run and breakouts that fail, deviations from VWAP, sharp 3-second moves. Measured
 * on two months of NIFTY spot.
 */
class MarketCharacterTest {
  private static final int RANGE_END = 900; // 09:30:00
  private static final int BREAKOUT_END = 6_300; // 11:00:00
  private static final int TEN = 2_700;
  private static final int TWO_THIRTY = 18_900;
  private static List<SpotDay> days;

  @BeforeAll
  static void generate() {
    days = Days.nifty(LocalDate.of(2024, 1, 1), 42, 7);
  }

  @Test
  void openingRangeBreakoutsHappenAndSomeRunWhileOthersFail() {
    int breakouts = 0;
    int ran = 0;
    int failed = 0;
    for (SpotDay d : days) {
      double hi = Double.NEGATIVE_INFINITY;
      double lo = Double.POSITIVE_INFINITY;
      for (int s = 0; s < RANGE_END; s++) {
        hi = Math.max(hi, d.spot(s));
        lo = Math.min(lo, d.spot(s));
      }
      double width = hi - lo;
      for (int s = RANGE_END; s <= BREAKOUT_END; s++) {
        boolean up = d.spot(s) > hi;
        if (up || d.spot(s) < lo) {
          breakouts++;
          boolean backInside = false;
          for (int t = s; t < d.seconds(); t++) {
            backInside |= up ? d.spot(t) < hi - width / 2 : d.spot(t) > lo + width / 2;
          }
          double close = d.close();
          if (backInside) {
            failed++;
          } else if (up ? close > hi + width : close < lo - width) {
            ran++;
          }
          break;
        }
      }
    }
    assertThat(breakouts).isGreaterThan(days.size() / 2);
    assertThat(ran).isGreaterThan(2);
    assertThat(failed).isGreaterThan(2);
  }

  @Test
  void spotDeviatesFromItsAverageByMoreThanThreeTenthsOfAPercentOnSomeDaysOnly() {
    int deviating = 0;
    for (SpotDay d : days) {
      double sum = 0;
      boolean over = false;
      for (int s = 0; s <= TWO_THIRTY; s++) {
        sum += d.spot(s);
        double average = sum / (s + 1);
        over |= s >= TEN && Math.abs(d.spot(s) / average - 1) > 0.003;
      }
      deviating += over ? 1 : 0;
    }
    assertThat(deviating).isGreaterThan(days.size() / 5).isLessThan(days.size());
  }

  @Test
  void sharpThreeSecondMovesHappenEveryDay() {
    for (SpotDay d : days) {
      int moves = 0;
      for (int s = 3; s < d.seconds(); s++) {
        moves += Math.abs(d.spot(s) - d.spot(s - 3)) >= 10 ? 1 : 0;
      }
      assertThat(moves).as(d.date().toString()).isPositive();
    }
  }

  @Test
  void dailyMovesAreIndexLike() {
    double sumSq = 0;
    for (SpotDay d : days) {
      double r = Math.log(d.close() / d.open());
      sumSq += r * r;
    }
    double sd = Math.sqrt(sumSq / days.size());
    assertThat(sd).isBetween(0.003, 0.012);
  }
}
