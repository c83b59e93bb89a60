package in.nfopslab.data.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import in.nfopslab.core.pricing.BlackScholes;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class VolSurfaceTest {
  private static final LocalDate WED = LocalDate.of(2024, 1, 3);
  private static final LocalDate THU = LocalDate.of(2024, 1, 4);
  private static final int TEN = 2_700; // 10:00 as a session second
  private static final int THREE_PM = 20_700;

  @Test
  void outOfTheMoneyPutsAreDearerThanCalls() {
    VolSurface v = new VolSurface(Days.flat(WED, 21_700, 0.12), THU, 1);

    assertThat(v.iv(TEN, 21_300)).isGreaterThan(v.iv(TEN, 21_700));
    assertThat(v.iv(TEN, 21_700)).isGreaterThan(v.iv(TEN, 21_900));
    assertThat(v.iv(TEN, 21_300)).isGreaterThan(v.iv(TEN, 22_100));
  }

  @Test
  void theExpiringContractsVolIsCrushedThroughExpiryDay() {
    VolSurface v = new VolSurface(Days.flat(THU, 21_700, 0.12), THU, 0);

    assertThat(v.expiryDay()).isTrue();
    assertThat(v.level(THREE_PM)).isLessThan(0.75 * v.level(TEN));
    assertThat(v.years(22_500)).isCloseTo(0, within(1e-12));
    assertThat(v.price(true, 22_500, 21_600)).isCloseTo(100, within(1e-9));
  }

  @Test
  void farExpiriesRevertToTheLongRunVol() {
    SpotDay calm = Days.flat(WED, 21_700, 0.07);
    VolSurface front = new VolSurface(calm, THU, 1);
    VolSurface monthly = new VolSurface(calm, LocalDate.of(2024, 1, 25), 16);
    double longRun = calm.profile().baseVol() + VolSurface.LONG_RUN_PREMIUM;

    assertThat(Math.abs(monthly.level(TEN) - longRun))
        .isLessThan(Math.abs(front.level(TEN) - longRun));
  }

  @Test
  void quotedVolOfANearExpiryIsAboveItsTradingTimeLevel() {
    // Wednesday 10:00 to Thursday 15:30 is 1.2 calendar days but almost two sessions of variance
    VolSurface v = new VolSurface(Days.flat(WED, 21_700, 0.12), THU, 1);

    assertThat(v.atmVol(TEN)).isGreaterThan(1.3 * v.level(TEN));
    assertThat(v.atmVol(TEN)).isLessThan(2.5 * v.level(TEN));
  }

  @Test
  void pricesAreBlackScholesAtTheSurfacesVol() {
    SpotDay day = Days.flat(WED, 21_700, 0.12);
    VolSurface v = new VolSurface(day, THU, 1);
    double expected =
        BlackScholes.price(
            false, 21_700, 21_500, v.years(TEN), VolSurface.RATE, 0, v.iv(TEN, 21_500));

    assertThat(v.price(false, TEN, 21_500)).isEqualTo(expected);
    assertThat(v.years(TEN)).isCloseTo((29.5 * 3600) / (365.0 * 86_400), within(1e-9));
  }
}
