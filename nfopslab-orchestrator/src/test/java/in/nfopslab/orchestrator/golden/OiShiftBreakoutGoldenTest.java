package in.nfopslab.orchestrator.golden;

import org.junit.jupiter.api.Test;

/**
 * oi_shift_breakout with its defaults on the golden lab; a change here must be explained in the
 * commit that makes it.
 */
class OiShiftBreakoutGoldenTest {
  // one confirmed breakout a day (the generator writes oi: flow is the OI increase)
  @Test
  void defaultsOnTheGoldenLab() {
    GoldenLab.get()
        .run("oi_shift_breakout")
        .assertGolden(
            8,
            14.488600,
            70.643911,
            "038bbd92f7ab447b522d8e39d3a5fd6bba980477780f53dd4c115c866eb8c2f8");
  }
}
