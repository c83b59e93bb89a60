package in.nfopslab.orchestrator.golden;

import org.junit.jupiter.api.Test;

/**
 * microburst_seller with its defaults on the golden lab; a change here must be explained in the
 * commit that makes it.
 */
class MicroburstSellerGoldenTest {
  // about 50 faded bursts a day, one at a time with a 60 s cooldown
  @Test
  void defaultsOnTheGoldenLab() {
    GoldenLab.get()
        .run("microburst_seller")
        .assertGolden(
            414,
            52.211825,
            3558.550300,
            "33c8ad0a1c7b2c42f61370c7325795edee0e30f36ff75218d4ecf3bb37c03939");
  }
}
