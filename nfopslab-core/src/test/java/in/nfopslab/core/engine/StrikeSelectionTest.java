package in.nfopslab.core.engine;

import static in.nfopslab.core.instrument.OptionType.CE;
import static in.nfopslab.core.instrument.OptionType.PE;
import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.calendar.ExpiryCalendar;
import in.nfopslab.core.calendar.ExpiryEntry;
import in.nfopslab.core.calendar.ExpiryType;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.strategy.ExpiryChoice;
import in.nfopslab.core.strategy.StrategyContext;
import in.nfopslab.core.testing.Scripted;
import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.testing.TestRuns;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class StrikeSelectionTest {
  static final LocalDate EXPIRY = LocalDate.parse("2024-01-11");

  /** Runs {@code probe} at 10:00:00 and returns what it returned. */
  static <T> T at10(
      TestMarket m,
      EngineConfig cfg,
      Function<StrategyContext, T> probe,
      List<EngineEvent> events) {
    List<T> out = new ArrayList<>();
    StrategyResult r =
        TestRuns.one(m, cfg, Scripted.at("10:00:00", ctx -> out.add(probe.apply(ctx))));
    assertThat(r.ok()).as("%s", r.failure()).isTrue();
    events.addAll(r.events());
    return out.get(0);
  }

  static int strikeAt10(TestMarket m, Function<StrategyContext, Integer> probe) {
    return at10(m, EngineConfig.defaults(), probe, new ArrayList<>());
  }

  static LocalDate dateAt10(TestMarket m, Function<StrategyContext, LocalDate> probe) {
    return at10(m, EngineConfig.defaults(), probe, new ArrayList<>());
  }

  static TestMarket spotAt(double price) {
    return TestMarket.on("2024-01-08").spot("09:15:00", price).build();
  }

  @Test
  void atmRoundsTheSpotToTheNearestStrikeHalfToEven() {
    // step 50: 22024.9 -> 22000; 22025 = 440.5 steps -> 440 (even) -> 22000; 22075 = 441.5 -> 442
    // -> 22100;
    // 22026 -> 22050
    assertThat(strikeAt10(spotAt(22024.9), StrategyContext::atm)).isEqualTo(22000);
    assertThat(strikeAt10(spotAt(22025.0), StrategyContext::atm)).isEqualTo(22000);
    assertThat(strikeAt10(spotAt(22075.0), StrategyContext::atm)).isEqualTo(22100);
    assertThat(strikeAt10(spotAt(22026.0), StrategyContext::atm)).isEqualTo(22050);
  }

  @Test
  void atmCanBeTakenFromTheFutures() {
    TestMarket m =
        TestMarket.on("2024-01-08").spot("09:15:00", 22010.0).futures("09:15:00", 22090.0).build();

    int fromFutures =
        at10(
            m,
            EngineConfig.defaults().withAtmRef(AtmRef.FUTURES),
            StrategyContext::atm,
            new ArrayList<>());

    assertThat(fromFutures).isEqualTo(22100);
    assertThat(strikeAt10(m, StrategyContext::atm)).isEqualTo(22000);
  }

  @Test
  void atmFromFuturesFallsBackToSpotWithANoteWhenTheDayHasNoFutures() {
    List<EngineEvent> events = new ArrayList<>();

    int atm =
        at10(
            spotAt(22010.0),
            EngineConfig.defaults().withAtmRef(AtmRef.FUTURES),
            StrategyContext::atm,
            events);

    assertThat(atm).isEqualTo(22000);
    assertThat(events)
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("no futures"));
  }

  @Test
  void thereIsNoAtmBeforeTheFirstSpotTrade() {
    TestMarket m = TestMarket.on("2024-01-08").spot("10:30:00", 22010.0).build();
    List<EngineEvent> events = new ArrayList<>();

    int atm = at10(m, EngineConfig.defaults(), StrategyContext::atm, events);

    assertThat(atm).isEqualTo(StrategyContext.NO_STRIKE);
    assertThat(events)
        .singleElement()
        .satisfies(e -> assertThat(e.kind()).isEqualTo(EngineEvent.Kind.SKIP));
  }

  @Test
  void theExactStrikeIsUsedWhenEveryLegHasData() {
    TestMarket m =
        TestMarket.on("2024-01-08")
            .spot("09:15:00", 22010.0)
            .liquidOption("2024-01-11", CE, 22000, "09:15:00", 100.0)
            .liquidOption("2024-01-11", PE, 22000, "09:15:00", 90.0)
            .build();

    assertThat(strikeAt10(m, ctx -> ctx.nearestAvailable(EXPIRY, 22000, CE, PE))).isEqualTo(22000);
  }

  @Test
  void aMissingAtmLegFallsBackToTheNearestStrikeWithEveryLegLowerFirst() {
    // 22000 has a CE but no PE. 21950 and 22050 are both one step away with both legs: the lower
    // one wins.
    TestMarket m =
        TestMarket.on("2024-01-08")
            .spot("09:15:00", 22010.0)
            .liquidOption("2024-01-11", CE, 22000, "09:15:00", 100.0)
            .liquidOption("2024-01-11", CE, 21950, "09:15:00", 130.0)
            .liquidOption("2024-01-11", PE, 21950, "09:15:00", 70.0)
            .liquidOption("2024-01-11", CE, 22050, "09:15:00", 75.0)
            .liquidOption("2024-01-11", PE, 22050, "09:15:00", 110.0)
            .build();
    List<EngineEvent> events = new ArrayList<>();

    int k =
        at10(
            m, EngineConfig.defaults(), ctx -> ctx.nearestAvailable(EXPIRY, 22000, CE, PE), events);

    assertThat(k).isEqualTo(21950);
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(EngineEvent.Kind.NOTE);
              assertThat(e.message()).contains("22000", "using 21950");
            });
    // a single-leg search only needs the CE, which 22000 has
    assertThat(strikeAt10(m, ctx -> ctx.nearestAvailable(EXPIRY, 22000, CE))).isEqualTo(22000);
  }

  @Test
  void aStrikeThatHasNotTradedYetIsNotAvailable() {
    // 22000 PE first trades at 10:30:00: at 10:00:00 it is not available (that would read the
    // future); 22100 is.
    TestMarket m =
        TestMarket.on("2024-01-08")
            .spot("09:15:00", 22010.0)
            .liquidOption("2024-01-11", PE, 22000, "10:30:00", 90.0)
            .liquidOption("2024-01-11", PE, 22100, "09:15:00", 140.0)
            .build();

    assertThat(strikeAt10(m, ctx -> ctx.nearestAvailable(EXPIRY, 22000, PE))).isEqualTo(22100);
  }

  @Test
  void noStrikeWithinTheShiftIsASkipWithAReason() {
    // The only data is four steps (200 points) above the target, one step more than
    // max_strike_shift = 3.
    TestMarket m =
        TestMarket.on("2024-01-08")
            .spot("09:15:00", 22010.0)
            .liquidOption("2024-01-11", CE, 22200, "09:15:00", 30.0)
            .liquidOption("2024-01-11", PE, 22200, "09:15:00", 220.0)
            .listed("2024-01-11", CE, 22000)
            .build();
    List<EngineEvent> events = new ArrayList<>();

    int k =
        at10(
            m, EngineConfig.defaults(), ctx -> ctx.nearestAvailable(EXPIRY, 22000, CE, PE), events);

    assertThat(k).isEqualTo(StrategyContext.NO_STRIKE);
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(EngineEvent.Kind.SKIP);
              assertThat(e.message()).contains("3 steps of 22000", "CE and PE", "2024-01-11");
            });
    int wider =
        at10(
            m,
            EngineConfig.defaults().withMaxStrikeShift(4),
            ctx -> ctx.nearestAvailable(EXPIRY, 22000, CE, PE),
            new ArrayList<>());
    assertThat(wider).isEqualTo(22200);
  }

  @Test
  void expiryChoicesComeFromTheMarketWithoutACalendar() {
    TestMarket m =
        TestMarket.on("2024-01-11")
            .spot("09:15:00", 22010.0)
            .expiry("2024-01-04")
            .expiry("2024-01-11")
            .expiry("2024-01-18")
            .expiry("2024-01-25")
            .build();

    assertThat(dateAt10(m, ctx -> ctx.expiry(ExpiryChoice.NEAREST)))
        .isEqualTo(LocalDate.parse("2024-01-11"));
    assertThat(dateAt10(m, ctx -> ctx.expiry(ExpiryChoice.NEXT)))
        .isEqualTo(LocalDate.parse("2024-01-18"));
    assertThat(dateAt10(m, StrategyContext::expiry)).isEqualTo(LocalDate.parse("2024-01-11"));
  }

  @Test
  void expiryChoicesComeFromTheCalendarWhenThereIsOne() {
    Symbol nifty = new Symbol("NIFTY");
    ExpiryCalendar cal =
        new ExpiryCalendar(
            List.of(
                new ExpiryEntry(
                    nifty,
                    ExpiryType.WEEKLY,
                    YearMonth.of(2024, 1),
                    LocalDate.parse("2024-01-11"),
                    LocalDate.parse("2024-01-11"),
                    "weekly Thursday"),
                new ExpiryEntry(
                    nifty,
                    ExpiryType.WEEKLY,
                    YearMonth.of(2024, 1),
                    LocalDate.parse("2024-01-18"),
                    LocalDate.parse("2024-01-18"),
                    "weekly Thursday"),
                new ExpiryEntry(
                    nifty,
                    ExpiryType.MONTHLY,
                    YearMonth.of(2024, 1),
                    LocalDate.parse("2024-01-25"),
                    LocalDate.parse("2024-01-25"),
                    "last Thursday of month")));
    TestMarket m =
        TestMarket.on("2024-01-08").spot("09:15:00", 22010.0).expiry("2024-01-11").build();
    List<LocalDate> seen = new ArrayList<>();
    Scripted probe =
        Scripted.at(
            "10:00:00",
            ctx -> {
              seen.add(ctx.expiry(ExpiryChoice.NEAREST));
              seen.add(ctx.expiry(ExpiryChoice.NEXT));
              seen.add(ctx.expiry(ExpiryChoice.MONTHLY));
            });

    TestRuns.engine(
        List.of(m),
        EngineConfig.defaults(),
        cal,
        List.of(TestRuns.run(TestRuns.factory("probe", () -> probe), nifty)));

    assertThat(seen)
        .containsExactly(
            LocalDate.parse("2024-01-11"),
            LocalDate.parse("2024-01-18"),
            LocalDate.parse("2024-01-25"));
  }

  @Test
  void aMissingExpiryIsASkip() {
    TestMarket m =
        TestMarket.on("2024-01-08").spot("09:15:00", 22010.0).expiry("2024-01-11").build();
    List<EngineEvent> events = new ArrayList<>();

    LocalDate e = at10(m, EngineConfig.defaults(), ctx -> ctx.expiry(ExpiryChoice.NEXT), events);

    assertThat(e).isNull();
    assertThat(events)
        .singleElement()
        .satisfies(ev -> assertThat(ev.message()).contains("no next expiry"));
  }
}
