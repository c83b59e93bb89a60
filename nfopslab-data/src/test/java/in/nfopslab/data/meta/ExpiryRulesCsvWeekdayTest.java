package in.nfopslab.data.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import org.junit.jupiter.api.Test;

/** Weekday names in the expiry tables: full or three-letter English, any case, blanks around. */
class ExpiryRulesCsvWeekdayTest {
  @Test
  void fullAndShortNamesInAnyCase() {
    assertThat(ExpiryRulesCsv.weekday("Thursday")).isEqualTo(DayOfWeek.THURSDAY);
    assertThat(ExpiryRulesCsv.weekday(" thu ")).isEqualTo(DayOfWeek.THURSDAY);
    assertThat(ExpiryRulesCsv.weekday("WEDNESDAY")).isEqualTo(DayOfWeek.WEDNESDAY);
    assertThat(ExpiryRulesCsv.weekday("Tue")).isEqualTo(DayOfWeek.TUESDAY);
    for (DayOfWeek d : DayOfWeek.values()) {
      assertThat(ExpiryRulesCsv.weekday(d.name())).isEqualTo(d);
      assertThat(ExpiryRulesCsv.weekday(d.name().substring(0, 3))).isEqualTo(d);
    }
  }

  @Test
  void anythingElseIsNotAWeekday() {
    for (String bad : new String[] {"", "Th", "Thurs", "Donnerstag", "4"}) {
      assertThatThrownBy(() -> ExpiryRulesCsv.weekday(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("not a weekday name");
    }
  }
}
