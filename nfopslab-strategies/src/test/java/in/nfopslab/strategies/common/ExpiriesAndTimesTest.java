package in.nfopslab.strategies.common;

import static in.nfopslab.core.instrument.OptionType.CE;
import static in.nfopslab.core.instrument.OptionType.PE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.nfopslab.core.testing.Scripted;
import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.testing.TestRuns;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpiriesAndTimesTest {
  static List<LocalDate> pick(String date, String time) {
    TestMarket m =
        TestMarket.on(date)
            .spot("09:15:00", 22000.0)
            .expiry("2024-01-11")
            .expiry("2024-01-18")
            .build();
    List<LocalDate> seen = new ArrayList<>();
    TestRuns.one(m, Scripted.at(time, ctx -> seen.add(Expiries.withFullDayLeft(ctx))));
    return seen;
  }

  @Test
  void theNearestExpiryIsKeptWhileAFullDayIsLeftElseTheNextOneIsTaken() {
    // 2024-01-10 15:29:59 -> 2024-01-11 15:30:00 is 24 h 1 s: nearest. 15:30:00 is exactly 24 h:
    // still nearest.
    // On the expiry day itself only 5.5 h are left at 10:00: next.
    assertThat(pick("2024-01-10", "15:29:59")).containsExactly(LocalDate.parse("2024-01-11"));
    assertThat(pick("2024-01-10", "15:30:00")).containsExactly(LocalDate.parse("2024-01-11"));
    assertThat(pick("2024-01-11", "10:00:00")).containsExactly(LocalDate.parse("2024-01-18"));
  }

  @Test
  void clockTimeListsAreSortedDistinctAndRejectBadText() {
    assertThat(ClockTimes.parse("entry_times", "12:30:00, 10:00:00,12:30:00"))
        .containsExactly(LocalTime.of(10, 0), LocalTime.of(12, 30));
    assertThatThrownBy(() -> ClockTimes.parse("entry_times", "10:00,noon"))
        .hasMessageContaining("entry_times expects times HH:mm:ss");
  }

  @Test
  void aStraddleAtAChosenExpiryAndStrikeTradesThoseLegsWithTheAtmColumns() {
    // Spot 22010 -> ATM 22000 (440.2 steps). The next expiry's 22000 has no PE trade: the strike
    // moves to 21950
    // (lower first at equal distance), where both legs trade.
    TestMarket m =
        TestMarket.on("2024-01-08")
            .spot("09:15:00", 22010.0)
            .liquidOption("2024-01-18", CE, 22000, "09:15:00", 150.0)
            .listed("2024-01-18", PE, 22000)
            .liquidOption("2024-01-18", CE, 21950, "09:15:00", 180.0)
            .liquidOption("2024-01-18", PE, 21950, "09:15:00", 120.0)
            .liquidOption("2024-01-11", CE, 22000, "09:15:00", 100.0)
            .liquidOption("2024-01-11", PE, 22000, "09:15:00", 90.0)
            .build();
    LocalDate next = LocalDate.parse("2024-01-18");

    var r =
        TestRuns.one(
            m,
            Scripted.at(
                "10:00:00",
                ctx ->
                    AtmEntries.straddle(
                        ctx,
                        next,
                        AtmEntries.straddleStrike(ctx, next),
                        in.nfopslab.core.trade.Side.SELL,
                        in.nfopslab.core.strategy.ExitRules.none(),
                        java.util.Map.of("x", 1.0))));

    assertThat(r.trades())
        .extracting(t -> t.optType() + " " + t.strike() + " " + t.expiry() + " " + t.side())
        .containsExactly("CE 21950 2024-01-18 SELL", "PE 21950 2024-01-18 SELL");
    assertThat(r.trades().get(0).extra())
        .containsEntry("atm_strike", 22000.0)
        .containsEntry("spot_at_signal", 22010.0)
        .containsEntry("x", 1.0);
  }
}
