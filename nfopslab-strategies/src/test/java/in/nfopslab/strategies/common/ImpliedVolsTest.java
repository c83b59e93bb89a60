package in.nfopslab.strategies.common;

import static in.nfopslab.core.instrument.OptionType.CE;
import static in.nfopslab.core.instrument.OptionType.PE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import in.nfopslab.core.pricing.BlackScholes;
import in.nfopslab.core.testing.Scripted;
import in.nfopslab.core.testing.TestMarket;
import in.nfopslab.core.testing.TestRuns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImpliedVolsTest {
  static final LocalDate EXPIRY = LocalDate.parse("2024-01-11");
  // 2024-01-08 10:00:00 to 2024-01-11 15:30:00 = 3 days 5 h 30 min = 3 x 86400 + 19800 = 279,000 s
  static final double T = (3 * 86_400.0 + 19_800.0) / (365 * 86_400.0);

  static double price(boolean call, double vol) {
    return BlackScholes.price(call, 22010, 22000, T, 0.10, 0, vol);
  }

  @Test
  void atTenOClockTheyReadEachLegsPriceNowAndGiveTheMeanOfCeAndPe() {
    // CE priced at 18% and PE at 22% at 10:00:00 (other prices before): ATM IV = (0.18 + 0.22) / 2
    // = 0.20.
    TestMarket m =
        TestMarket.on("2024-01-08")
            .spot("09:15:00", 21000.0, "10:00:00", 22010.0)
            .liquidOption("2024-01-11", CE, 22000, "09:15:00", 5.0, "10:00:00", price(true, 0.18))
            .liquidOption(
                "2024-01-11", PE, 22000, "09:15:00", 900.0, "10:00:00", price(false, 0.22))
            .build();
    List<Double> seen = new ArrayList<>();

    TestRuns.one(
        m,
        Scripted.at(
            "10:00:00",
            ctx -> {
              seen.add(ImpliedVols.yearsToExpiry(ctx, EXPIRY));
              seen.add(ImpliedVols.of(ctx, ctx.option(EXPIRY, CE, 22000), EXPIRY, CE, 22000));
              seen.add(ImpliedVols.atm(ctx, EXPIRY, 22000));
              seen.add(ImpliedVols.delta(ctx, ctx.option(EXPIRY, PE, 22000), EXPIRY, PE, 22000));
            }));

    assertThat(seen.get(0)).isCloseTo(T, within(1e-15));
    assertThat(seen.get(1)).isCloseTo(0.18, within(1e-9));
    assertThat(seen.get(2)).isCloseTo(0.20, within(1e-9));
    assertThat(seen.get(3))
        .isCloseTo(BlackScholes.delta(false, 22010, 22000, T, 0.10, 0, 0.22), within(1e-9));
    assertThat(seen.get(3)).isBetween(-0.5, -0.4);
  }

  @Test
  void aMissingLegOrAPriceBelowIntrinsicGivesNaN() {
    // PE 21900 has no data; CE 21900 trades at 100, below its intrinsic 22010 - 21900 = 110: no
    // volatility.
    TestMarket m =
        TestMarket.on("2024-01-08")
            .spot("09:15:00", 22010.0)
            .liquidOption("2024-01-11", CE, 21900, "09:15:00", 100.0)
            .build();
    List<Double> seen = new ArrayList<>();

    TestRuns.one(
        m,
        Scripted.at(
            "10:00:00",
            ctx -> {
              seen.add(ImpliedVols.atm(ctx, EXPIRY, 21900));
              seen.add(ImpliedVols.of(ctx, ctx.option(EXPIRY, CE, 21900), EXPIRY, CE, 21900));
              seen.add(ImpliedVols.of(ctx, null, EXPIRY, PE, 21900));
            }));

    assertThat(seen).allSatisfy(v -> assertThat(v).isNaN());
  }
}
