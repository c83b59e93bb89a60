package in.nfopslab.orchestrator.golden;

import org.junit.jupiter.api.Test;

/**
 * vwap_mr with its defaults on the golden lab; a change here must be explained in the commit that
 * makes it.
 */
class VwapMrGoldenTest {
  // up to three reversion trades a day, ten minutes apart
  @Test
  void defaultsOnTheGoldenLab() {
    GoldenLab.get()
        .run("vwap_mr")
        .assertGolden(
            18,
            22.687300,
            155.941916,
            "885e43ab34c20eb8c2dfbc04a38322f90f2acd78fba80fd79f0a5d8efb9de657");
  }
}
