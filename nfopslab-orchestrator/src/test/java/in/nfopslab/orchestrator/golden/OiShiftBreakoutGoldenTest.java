package in.nfopslab.orchestrator.golden;

import org.junit.jupiter.api.Test;

/**
 * oi_shift_breakout with its defaults on the golden lab; a change here must be explained in the
 * commit that makes it.
 */
class OiShiftBreakoutGoldenTest {
  // one confirmed breakout a day (the generator writes oi: flow is the OI increase). Since call
  // and put OI have flows of their own (OptionOiDrift) the imbalance is no longer +-1 at almost
  // every second, so some breakouts wait for it to reach 0.2 and enter later at other prices: same
  // 8 trades, 14.4886 points before.
  @Test
  void defaultsOnTheGoldenLab() {
    GoldenLab.get()
        .run("oi_shift_breakout")
        .assertGolden(
            8,
            22.234950,
            70.912957,
            "7444e0c12a62fea2e9bf5e8a3dd48c6d348d500115b7da3f4973677ff6da96ba");
  }
}
