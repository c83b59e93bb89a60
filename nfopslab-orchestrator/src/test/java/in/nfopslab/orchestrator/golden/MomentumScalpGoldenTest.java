package in.nfopslab.orchestrator.golden;

import org.junit.jupiter.api.Test;

/**
 * momentum_scalp on the golden lab; a change here must be explained in the commit that makes it.
 */
class MomentumScalpGoldenTest {
  // hundreds of 3-second scalps a day: the 1.5-point NIFTY default is below one standard deviation
  // of a 3 s move here
  @Test
  void defaultsOnTheGoldenLab() {
    GoldenLab.get()
        .run("momentum_scalp")
        .assertGolden(
            3644,
            983.115850,
            30967.276457,
            "580df8a4b1d731e11700931de136ca41257c674e0263ab9bf6832c7881e11a70");
  }

  @Test
  void sellOppositeOnTheGoldenLab() {
    GoldenLab.get()
        .run("momentum_scalp", "mode=sell_opposite")
        .assertGolden(
            3651,
            1079.178975,
            31028.832720,
            "ea351dfc7ad34700511c33a72f3dfe0f1f950345bbcbd2bde26c0a5342860a9b");
  }

  @Test
  void probeEntriesOnDaysWithoutASignal() {
    // a threshold no 3-second move reaches: every day's one trade is the 15:00 probe (rows marked
    // probe = 1)
    GoldenLab.get()
        .run("momentum_scalp", "price_thresh=1000", "probe=true")
        .assertGolden(
            8,
            -4.208850,
            60.108637,
            "1fec97c2b904fdccc69921922cd25941c494f7801db7bcc5ef24fd71f1f7d481");
  }
}
