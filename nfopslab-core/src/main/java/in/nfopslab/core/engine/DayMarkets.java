package in.nfopslab.core.engine;

import in.nfopslab.core.market.DayMarket;
import java.time.LocalDate;

/**
 * Where the engine gets each day's market (the data module's seconds cache, or a test's hand-built
 * market). A failure to load is the task's failure and propagates; null means the day has no data
 * and is skipped with a note.
 */
@FunctionalInterface
public interface DayMarkets {
  DayMarket load(LocalDate date);
}
