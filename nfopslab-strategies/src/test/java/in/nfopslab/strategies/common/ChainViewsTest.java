package in.nfopslab.strategies.common;

import static in.nfopslab.core.instrument.OptionType.CE;
import static in.nfopslab.core.instrument.OptionType.PE;
import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.engine.StrategyResult;
import in.nfopslab.core.testing.Scripted;
import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.testing.TestRuns;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChainViewsTest {
  @Test
  void looksEachSeriesUpOnceWhereverTheStrikesLieAndKnowsWhichHaveNoData() {
    TestMarket m =
        TestMarket.on("2024-01-08")
            .spot("09:15:00", 22000.0)
            .liquidOption("2024-01-11", CE, 22000, "09:15:00", 10.0)
            .liquidOption("2024-01-11", PE, 5000, "09:15:00", 20.0)
            .liquidOption("2024-01-11", CE, 40000, "09:15:00", 30.0)
            .build();
    Scripted s =
        Scripted.at(
            "09:20:00",
            ctx -> {
              ChainViews c = new ChainViews(ctx, LocalDate.parse("2024-01-11"));
              for (int round = 0; round < 3; round++) {
                assertThat(c.get(CE, 22000).close()).isEqualTo(10.0);
                assertThat(c.get(PE, 5000).close())
                    .isEqualTo(20.0); // far below the first lookup: the table grows down
                assertThat(c.get(CE, 40000).close()).isEqualTo(30.0); // and up
                assertThat(c.get(PE, 22000)).isNull();
                assertThat(c.get(CE, 22025)).isNull(); // off the step grid
              }
            });
    int loadsBefore = m.optionLoads();

    StrategyResult r = TestRuns.one(m, s);

    assertThat(r.ok()).as("%s", r.failure()).isTrue();
    // four grid series once each; the off-grid strike goes to the context each round (the engine
    // caches it)
    assertThat(m.optionLoads() - loadsBefore).isEqualTo(5);
  }
}
