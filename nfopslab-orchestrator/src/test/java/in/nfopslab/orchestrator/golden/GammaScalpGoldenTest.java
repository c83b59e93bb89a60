package in.nfopslab.orchestrator.golden;

import org.junit.jupiter.api.Test;

/**
 * gamma_scalp with its defaults on the golden lab; a change here must be explained in the commit
 * that makes it.
 */
class GammaScalpGoldenTest {
  // points add option legs per unit and FUT legs per index unit
  @Test
  void defaultsOnTheGoldenLab() {
    // hedges pay the futures slippage (0.005% of the futures price) since the engine has a model of
    // its own for it;
    // with the options' 0.05% they paid ~11 points a fill: -866.49775 points, fees 1660.589817
    GoldenLab.get()
        .run("gamma_scalp")
        .assertGolden(
            38,
            -105.4213625,
            1744.243071,
            "9d7d439a66dcc32cd0bd796ca0d3b76f45438754fc33525f489b3c1418ed1cca");
  }
}
