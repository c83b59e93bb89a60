package in.nfopslab.data.generate;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.calendar.ExpiryCalendar;
import in.nfopslab.core.calendar.ExpiryType;
import in.nfopslab.data.meta.MetaTables;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractPlanTest {
  private final ExpiryCalendar calendar = MetaTables.bundled().expiryCalendar();

  @Test
  void listsNearestNextAndMonthlyWithStrikesAroundEachDaysOpen() {
    List<LocalDate> days = List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2));
    ContractPlan plan =
        ContractPlan.of(Days.NIFTY, days, new double[] {21_712, 21_790}, 50, 2, calendar);

    assertThat(plan.options().stream().map(ContractPlan.OptionContract::expiry).distinct())
        .containsExactly(
            LocalDate.of(2024, 1, 4), LocalDate.of(2024, 1, 11), LocalDate.of(2024, 1, 25));
    List<ContractPlan.OptionContract> nearest =
        plan.options().stream().filter(c -> c.expiry().equals(LocalDate.of(2024, 1, 4))).toList();
    // day 0: ATM 21700 -> 21600..21800; day 1: ATM 21800 -> 21700..21900
    assertThat(nearest.stream().map(ContractPlan.OptionContract::strike))
        .containsExactly(21_600, 21_650, 21_700, 21_750, 21_800, 21_850, 21_900);
    assertThat(nearest.get(0).days()).containsExactly(0);
    assertThat(nearest.get(2).days()).containsExactly(0, 1);
    assertThat(nearest.get(6).days()).containsExactly(1);
    assertThat(nearest.get(0).type()).isEqualTo(ExpiryType.WEEKLY);
  }

  @Test
  void theMonthlyExpiryWeekHasTwoExpiries() {
    // NIFTY has no weekly in the week of its monthly expiry (Thursday 2024-01-25)
    assertThat(ContractPlan.liveExpiries(Days.NIFTY, LocalDate.of(2024, 1, 23), calendar))
        .containsExactly(LocalDate.of(2024, 1, 25), LocalDate.of(2024, 2, 1));
  }

  @Test
  void futuresFilesHoldTheDaysTheirContractIsTheNearestMonthly() {
    List<LocalDate> days =
        List.of(LocalDate.of(2024, 1, 24), LocalDate.of(2024, 1, 25), LocalDate.of(2024, 1, 29));
    ContractPlan plan =
        ContractPlan.of(Days.NIFTY, days, new double[] {21_500, 21_500, 21_500}, 50, 1, calendar);

    assertThat(plan.futures()).hasSize(2);
    assertThat(plan.futures().get(0).expiry()).isEqualTo(LocalDate.of(2024, 1, 25));
    assertThat(plan.futures().get(0).days()).containsExactly(0, 1);
    assertThat(plan.futures().get(1).expiry()).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(plan.futures().get(1).days()).containsExactly(2);
  }
}
