package in.nfopslab.data.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeedsTest {
  @Test
  void theSameSeedAndKeyGiveTheSameStream() {
    assertThat(Seeds.random(7, "NIFTY|2024-01-02|spot").nextLong())
        .isEqualTo(Seeds.random(7, "NIFTY|2024-01-02|spot").nextLong());
  }

  @Test
  void anotherKeyOrSeedGivesAnotherStream() {
    long base = Seeds.mix(7, "NIFTY|2024-01-02|spot");

    assertThat(Seeds.mix(7, "NIFTY|2024-01-03|spot")).isNotEqualTo(base);
    assertThat(Seeds.mix(7, "BANKNIFTY|2024-01-02|spot")).isNotEqualTo(base);
    assertThat(Seeds.mix(8, "NIFTY|2024-01-02|spot")).isNotEqualTo(base);
    // keys that differ only in the order of their characters still differ
    assertThat(Seeds.mix(7, "ab")).isNotEqualTo(Seeds.mix(7, "ba"));
  }
}
