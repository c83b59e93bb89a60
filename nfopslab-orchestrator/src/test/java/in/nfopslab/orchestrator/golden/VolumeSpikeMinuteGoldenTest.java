package in.nfopslab.orchestrator.golden;

import org.junit.jupiter.api.Test;

/**
 * volume_spike_minute with its defaults on the golden lab; a change here must be explained in the
 * commit that makes it.
 */
class VolumeSpikeMinuteGoldenTest {
  // a few minute spikes a day, each bought at the next minute
  @Test
  void defaultsOnTheGoldenLab() {
    GoldenLab.get()
        .run("volume_spike_minute")
        .assertGolden(
            44,
            -54.306175,
            378.389048,
            "a3b9070f8dbc19b1cef12f3ee72615c93b54c715fa0341fcf9da2a2f7690a987");
  }
}
