package in.nfopslab.orchestrator.golden;

import org.junit.jupiter.api.Test;

/**
 * expiry_iv_crush with its defaults on the golden lab; a change here must be explained in the
 * commit that makes it.
 */
class ExpiryIvCrushGoldenTest {
  // the one expiry day, 2024-01-04
  @Test
  void defaultsOnTheGoldenLab() {
    GoldenLab.get()
        .run("expiry_iv_crush")
        .assertGolden(
            1,
            -25.55,
            8.142997,
            "d2e4c9612d5dc07995039223886f241afb8ed3f92929458b4b74eaadb96666ad");
  }
}
