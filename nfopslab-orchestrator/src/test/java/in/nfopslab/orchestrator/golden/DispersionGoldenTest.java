package in.nfopslab.orchestrator.golden;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * dispersion on the golden lab: stance rows, no trades. With its defaults (no basket) every row is
 * no_data but carries the index IV and, from the sixth day, the index RV; the rows' numbers are in
 * the hash. A change here must be explained in the commit that makes it.
 */
class DispersionGoldenTest {
  // one row a day at 10:00; index RV from the sixth day of the lab
  @Test
  void defaultsOnTheGoldenLab() {
    GoldenLab.get()
        .stances("dispersion")
        .assertGolden(
            8,
            Map.of("no_data", 8),
            "cde68b436fac49e1cbcd04babefe7212f59eb31c88d29826157f6ef270edc079");
  }
}
