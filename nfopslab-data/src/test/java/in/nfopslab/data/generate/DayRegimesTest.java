package in.nfopslab.data.generate;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.data.meta.MetaTables;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DayRegimesTest {
  private final List<LocalDate> year =
      MetaTables.bundled()
          .calendar()
          .tradingDays(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
  private final List<DayRegime> regimes = DayRegimes.generate(Days.nifty(), year, 7);

  @Test
  void impliedVolSitsSeveralPointsAboveRealisedVolOnSomeDaysAndBelowOnOthers() {
    long above = regimes.stream().filter(r -> r.ivLevel() - r.realizedVol() > 0.02).count();
    long below = regimes.stream().filter(r -> r.realizedVol() - r.ivLevel() > 0.02).count();

    assertThat(above).isGreaterThan(year.size() / 10);
    assertThat(below).isGreaterThan(year.size() / 10);
  }

  @Test
  void realisedVolWandersAroundTheBaseWithinBounds() {
    double base = Days.nifty().baseVol();
    double mean = regimes.stream().mapToDouble(DayRegime::realizedVol).average().orElseThrow();

    assertThat(mean).isBetween(0.8 * base, 1.3 * base);
    assertThat(regimes)
        .allSatisfy(
            r ->
                assertThat(r.realizedVol())
                    .isBetween(base * Math.exp(-0.9) - 1e-12, base * Math.exp(0.9) + 1e-12));
    assertThat(regimes)
        .anyMatch(r -> r.realizedVol() > 1.3 * base)
        .anyMatch(r -> r.realizedVol() < 0.8 * base);
  }

  @Test
  void onlyLaterDaysGapOvernightAndSomeGapsAreLarge() {
    assertThat(regimes.get(0).overnightGap()).isZero();
    assertThat(regimes).anyMatch(r -> Math.abs(r.overnightGap()) > 0.006);
    double sd =
        Math.sqrt(
            regimes.stream()
                .mapToDouble(r -> r.overnightGap() * r.overnightGap())
                .average()
                .orElseThrow());
    assertThat(sd).isBetween(0.002, 0.008);
  }
}
