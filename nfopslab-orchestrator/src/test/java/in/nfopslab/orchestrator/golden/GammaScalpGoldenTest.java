package in.nfopslab.orchestrator.golden;

import org.junit.jupiter.api.Test;

/** gamma_scalp with its defaults on the golden lab; a change here must be explained in the commit that makes it. */
class GammaScalpGoldenTest {
  // points add option legs per unit and FUT legs per index unit
  @Test
  void defaultsOnTheGoldenLab() {
    GoldenLab.get().run("gamma_scalp").assertGolden(38, -866.49775, 1660.589817,
        "6bda440288076f12192c0db541802bd5618e82d7463a776ffbfaf22ccdcd9a7b");
  }
}
