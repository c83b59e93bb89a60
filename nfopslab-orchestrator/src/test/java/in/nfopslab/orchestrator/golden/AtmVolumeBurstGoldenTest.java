package in.nfopslab.orchestrator.golden;

import org.junit.jupiter.api.Test;

/**
 * atm_volume_burst with its defaults on the golden lab; a change here must be explained in the
 * commit that makes it.
 */
class AtmVolumeBurstGoldenTest {
  // one sold option a window on most windows of the 8 days
  @Test
  void defaultsOnTheGoldenLab() {
    GoldenLab.get()
        .run("atm_volume_burst")
        .assertGolden(
            47,
            93.083225,
            413.979351,
            "142b784665e6451b2743c61f465fef0b3a749d2a312f3b601ee08f05b866ba50");
  }
}
