package in.nfopslab.strategies.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.nfopslab.core.instrument.Symbol;
import org.junit.jupiter.api.Test;

class SymbolDefaultsTest {
  @Test
  void zeroMeansTheSymbolsDefaultAndAnyOtherValueIsKept() {
    assertThat(SymbolDefaults.resolve("s", "p", 0, new Symbol("NIFTY"), 1.5, 3)).isEqualTo(1.5);
    assertThat(SymbolDefaults.resolve("s", "p", 0, new Symbol("BANKNIFTY"), 1.5, 3)).isEqualTo(3.0);
    assertThat(SymbolDefaults.resolve("s", "p", 2.25, new Symbol("FINNIFTY"), 1.5, 3))
        .isEqualTo(2.25);
    assertThatThrownBy(() -> SymbolDefaults.resolve("s", "p", 0, new Symbol("FINNIFTY"), 1.5, 3))
        .hasMessageContaining("s: p has no default for FINNIFTY")
        .hasMessageContaining("set p=<value>");
  }
}
