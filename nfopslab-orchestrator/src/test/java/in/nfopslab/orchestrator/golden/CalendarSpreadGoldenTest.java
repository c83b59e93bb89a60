package in.nfopslab.orchestrator.golden;

import org.junit.jupiter.api.Test;

/**
 * calendar_spread with its defaults on the golden lab; a change here must be explained in the
 * commit that makes it.
 */
class CalendarSpreadGoldenTest {
  // four legs on the days the front and back ATM IVs differ by more than 2 points; the other days
  // skip
  @Test
  void defaultsOnTheGoldenLab() {
    GoldenLab.get()
        .run("calendar_spread")
        .assertGolden(
            3,
            -15.515875,
            131.086413,
            "d5670e1011fb9677ddc7821867783834d272a7294f1c96cca4ec309b92a153cd");
  }
}
