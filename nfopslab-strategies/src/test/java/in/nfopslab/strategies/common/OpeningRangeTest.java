package in.nfopslab.strategies.common;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.engine.StrategyResult;
import in.nfopslab.core.testing.Scripted;
import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.testing.TestRuns;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpeningRangeTest {
  @Test
  void theRangeIsKnownFromTheSecondAfterItsWindowAndCoversBothEnds() {
    // Spot: 100 at 09:15:00, 90 at 09:15:10, 130 at 09:16:00 (the window's last second), 200 at
    // 09:16:01.
    // Window 09:15:00-09:16:00: high 130 (its last second counts), low 90; the 200 after it does
    // not.
    TestMarket m =
        TestMarket.on("2024-01-08")
            .spot("09:15:00", 100.0, "09:15:10", 90.0, "09:16:00", 130.0, "09:16:01", 200.0)
            .build();
    OpeningRange or = new OpeningRange(LocalTime.of(9, 15), LocalTime.of(9, 16));
    List<PriceRange> seen = new ArrayList<>();
    Scripted s =
        new Scripted()
            .atDayStart(or::onDayStart)
            .then("09:16:00", ctx -> seen.add(or.range(ctx)))
            .then("09:16:01", ctx -> seen.add(or.range(ctx)));

    StrategyResult r = TestRuns.one(m, s);

    assertThat(r.ok()).as("%s", r.failure()).isTrue();
    assertThat(seen).containsExactly(null, new PriceRange(130, 90));
  }
}
