package in.nfopslab.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The normal distribution functions keep ~1e-14 relative accuracy far into the tails (expected:
 * mpmath, 40 digits).
 */
class NormalTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0.5",
    "-0.3, 0.38208857781104736693",
    "-1, 0.15865525393145705141",
    "1, 0.84134474606854294859",
    "-3, 0.0013498980316300945267",
    "3, 0.99865010196836990547",
    "-5, 2.8665157187919391167e-7",
    "-8, 6.2209605742717841235e-16",
    "-10, 7.619853024160526066e-24",
    "-12, 1.7764821120776789977e-33",
    "-20, 2.7536241186062336951e-89",
    "-37, 5.7255712225245768227e-300"
  })
  void cdfIsAccurateIncludingTheFarLowerTail(double x, double expected) {
    assertThat(Normal.cdf(x)).isCloseTo(expected, withinPercentage(1e-12));
  }

  @ParameterizedTest
  @CsvSource({
    "1e-20, -9.2623400897984075796",
    "1e-10, -6.3613409024040561991",
    "0.001, -3.0902323061678135354",
    "0.025, -1.9599639845400542118",
    "0.3, -0.52440051270804081597",
    "0.9, 1.2815515655446005935",
    "0.999999, 4.7534243088170877657"
  })
  void inverseCdfIsAccurate(double u, double expected) {
    assertThat(Normal.inverseCdf(u)).isCloseTo(expected, withinPercentage(1e-12));
  }

  @ParameterizedTest
  @CsvSource({
    "-3, 16205.988853999586625",
    "-0.2, 1.2726020284831957342",
    "0.3, 0.73459933456765515237",
    "2, 0.25539567631050574387",
    "5, 0.11070463773306862637",
    "30, 0.018795888861416751497"
  })
  void scaledComplementaryErrorFunctionIsAccurate(double x, double expected) {
    assertThat(Normal.erfcx(x)).isCloseTo(expected, withinPercentage(1e-12));
  }
}
