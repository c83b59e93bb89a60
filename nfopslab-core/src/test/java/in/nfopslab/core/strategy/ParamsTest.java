package in.nfopslab.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParamsTest {
  static final StrategyDescriptor DEMO =
      new StrategyDescriptor(
          "demo",
          "a demo",
          List.of(
              ParamSpec.ofDouble("stop_pct", 15, "stop, percent of premium"),
              ParamSpec.ofInt("max_trades", 3, "trades a day"),
              ParamSpec.ofBoolean("probe", false, "debug entries"),
              ParamSpec.ofTime("anchor", "11:00:00", "entry time"),
              ParamSpec.ofEnum("mode", "sell", "buy or sell", "buy", "sell")),
          ExpiryChoice.NEAREST);

  @Test
  void defaultsAreTypedAndEveryStrategyHasTheExpiryParameter() {
    Params p = Params.defaults(DEMO);

    assertThat(p.getDouble("stop_pct")).isEqualTo(15.0);
    assertThat(p.getInt("max_trades")).isEqualTo(3);
    assertThat(p.getBoolean("probe")).isFalse();
    assertThat(p.getTime("anchor")).isEqualTo(LocalTime.of(11, 0));
    assertThat(p.getString("mode")).isEqualTo("sell");
    assertThat(p.expiryChoice()).isEqualTo(ExpiryChoice.NEAREST);
    assertThat(DEMO.paramNames())
        .containsExactly("stop_pct", "max_trades", "probe", "anchor", "mode", "expiry");
  }

  @Test
  void assignmentsOverrideDefaultsAndTheLastOneWins() {
    Params p =
        Params.parse(
            DEMO,
            List.of("stop_pct=20", "mode=BUY", "anchor=10:30", "expiry=next", "stop_pct=25.5"));

    assertThat(p.getDouble("stop_pct")).isEqualTo(25.5);
    assertThat(p.getString("mode")).isEqualTo("buy");
    assertThat(p.getTime("anchor")).isEqualTo(LocalTime.of(10, 30));
    assertThat(p.expiryChoice()).isEqualTo(ExpiryChoice.NEXT);
  }

  @Test
  void anUnknownParameterIsAnErrorListingTheValidOnes() {
    assertThatThrownBy(() -> Params.parse(DEMO, List.of("stoploss=10")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown parameter 'stoploss'")
        .hasMessageContaining("stop_pct, max_trades, probe, anchor, mode, expiry");
    assertThatThrownBy(() -> Params.parse(DEMO, List.of("stop_pct")))
        .hasMessageContaining("expected name=value");
  }

  @Test
  void aBadValueNamesTheParameterAndTheExpectedForm() {
    assertThatThrownBy(() -> Params.parse(DEMO, List.of("max_trades=2.5")))
        .hasMessageContaining("max_trades expects an integer, got '2.5'");
    assertThatThrownBy(() -> Params.parse(DEMO, List.of("mode=hold")))
        .hasMessageContaining("one of buy, sell");
    assertThatThrownBy(() -> Params.parse(DEMO, List.of("probe=yes")))
        .hasMessageContaining("true or false");
    assertThatThrownBy(() -> Params.parse(DEMO, List.of("stop_pct=NaN")))
        .hasMessageContaining("a number");
    assertThatThrownBy(() -> Params.parse(DEMO, List.of("anchor=25:00")))
        .hasMessageContaining("HH:mm:ss");
  }

  @Test
  void askingForTheWrongTypeIsAnError() {
    assertThatThrownBy(() -> Params.defaults(DEMO).getInt("stop_pct"))
        .hasMessageContaining("stop_pct of demo is a double, not a int");
  }

  @Test
  void theParamsIdIsAStableShortHashOfTheEffectiveValues() {
    Params defaults = Params.defaults(DEMO);
    Params sameWrittenDifferently =
        Params.parse(DEMO, List.of("stop_pct=15.000", "anchor=11:00", "mode=SELL"));
    Params other = Params.parse(DEMO, List.of("stop_pct=16"));

    assertThat(defaults.paramsId()).matches("[0-9a-f]{12}");
    assertThat(sameWrittenDifferently.paramsId()).isEqualTo(defaults.paramsId());
    assertThat(other.paramsId()).isNotEqualTo(defaults.paramsId());
    assertThat(defaults.canonical())
        .isEqualTo(
            "demo\nanchor=11:00:00\nexpiry=nearest\nmax_trades=3\nmode=sell\nprobe=false\nstop_pct=15");
    // pinned (= first 12 hex of `printf '<canonical>' | sha256sum`): the id of a variant must not
    // change between
    // releases, or resume and sweeps lose their keys
    assertThat(defaults.paramsId()).isEqualTo("be4a4a35f8dd");
  }

  @Test
  void descriptorsRefuseBadDeclarations() {
    assertThatThrownBy(
            () -> new StrategyDescriptor("Bad Name", "x", List.of(), ExpiryChoice.NEAREST))
        .hasMessageContaining("lower_snake_case");
    assertThatThrownBy(
            () ->
                new StrategyDescriptor(
                    "x",
                    "x",
                    List.of(ParamSpec.ofInt("a", 1, ""), ParamSpec.ofInt("a", 2, "")),
                    ExpiryChoice.NEAREST))
        .hasMessageContaining("twice");
    assertThatThrownBy(
            () ->
                new StrategyDescriptor(
                    "x",
                    "x",
                    List.of(ParamSpec.ofEnum("expiry", "next", "", "next")),
                    ExpiryChoice.NEAREST))
        .hasMessageContaining("standard");
    assertThatThrownBy(() -> ParamSpec.ofEnum("mode", "hold", "", "buy", "sell"))
        .hasMessageContaining("not one of");
  }

  @Test
  void usageListsEveryParameterWithTypeAndDefault() {
    assertThat(DEMO.usage())
        .contains("demo - a demo")
        .contains("stop_pct (double, default 15) stop, percent of premium")
        .contains("mode (enum: buy|sell, default sell)")
        .contains("expiry (enum: nearest|next|monthly, default nearest)");
  }
}
