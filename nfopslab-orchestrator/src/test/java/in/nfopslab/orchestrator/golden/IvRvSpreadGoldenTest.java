package in.nfopslab.orchestrator.golden;

import org.junit.jupiter.api.Test;

/**
 * iv_rv_spread with its defaults on the golden lab; a change here must be explained in the commit
 * that makes it.
 */
class IvRvSpreadGoldenTest {
  // only 01-08, 01-09 and 01-10 have five earlier days
  @Test
  void defaultsOnTheGoldenLab() {
    GoldenLab.get()
        .run("iv_rv_spread")
        .assertGolden(
            3,
            67.672275,
            56.143841,
            "a31e2f79587a0300abd085e2ebf24506ccf1e68b271f76f371c0a0d880a360fb");
  }
}
