package in.nfopslab.data.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.pricing.BlackScholes;
import in.nfopslab.core.pricing.ImpliedVol;
import in.nfopslab.core.time.Ist;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GeneratedPricesTest {
  /** A truth row: what the generator priced at one minute. */
  private record Truth(
      double spot, double years, double rate, double dividend, double iv, double model) {}

  /** An option tick in a second that has a truth row. */
  private record Tick(
      String contract, long second, boolean call, int strike, double close, Truth truth) {}

  /** The prices of one option file. */
  private record OptionFile(
      ManifestEntry entry, long[] ts, double[] open, double[] high, double[] low, double[] close) {}

  private static TinyLab lab;
  private static Map<String, Truth> truth;
  private static List<OptionFile> options;
  private static List<Tick> ticksAtMinutes;

  @BeforeAll
  static void load() throws IOException {
    lab = TinyLab.get();
    truth = new HashMap<>();
    ParquetTable t = ParquetTable.read(lab.paths.meta().resolve(SyntheticMarket.TRUTH_FILE));
    for (Group r : t.rows) {
      String key =
          key(
              r.getString("symbol", 0),
              LocalDate.ofEpochDay(r.getInteger("expiry", 0)),
              r.getString("opt_type", 0),
              r.getInteger("strike", 0),
              r.getLong("ts", 0) / 1_000_000L);
      truth.put(
          key,
          new Truth(
              r.getDouble("spot", 0),
              r.getDouble("t_years", 0),
              r.getDouble("rate", 0),
              r.getDouble("dividend", 0),
              r.getDouble("iv", 0),
              r.getDouble("model_price", 0)));
    }
    options = new java.util.ArrayList<>();
    ticksAtMinutes = new java.util.ArrayList<>();
    for (ManifestEntry e : lab.entries(ManifestEntry.Kind.OPTION)) {
      ParquetTable f = ParquetTable.read(lab.file(e));
      long[] ts = f.longs("timestamp");
      double[] close = f.doubles("close");
      options.add(
          new OptionFile(e, ts, f.doubles("open"), f.doubles("high"), f.doubles("low"), close));
      for (int i = 0; i < f.size(); i++) {
        long second = Math.floorDiv(ts[i], 1_000_000L);
        Truth tr =
            truth.get(key(e.symbol().name(), e.expiry(), e.optType().name(), e.strike(), second));
        if (tr != null) {
          String contract = e.symbol() + " " + e.expiry() + " " + e.strike();
          ticksAtMinutes.add(
              new Tick(contract, second, e.optType() == OptionType.CE, e.strike(), close[i], tr));
        }
      }
    }
  }

  @Test
  void optionPricesArePositiveOnTheTickGridWithConsistentOhlc() {
    long checked = 0;
    for (OptionFile f : options) {
      ManifestEntry e = f.entry();
      double[] o = f.open();
      double[] h = f.high();
      double[] l = f.low();
      double[] c = f.close();
      for (int i = 0; i < c.length; i++) {
        for (double p : new double[] {o[i], h[i], l[i], c[i]}) {
          assertThat(p).as(e.path()).isGreaterThanOrEqualTo(0.05);
          assertThat(p * 20)
              .as(e.path() + " price " + p + " on the 0.05 grid")
              .isCloseTo(Math.rint(p * 20), within(1e-6));
        }
        assertThat(l[i]).as(e.path()).isLessThanOrEqualTo(Math.min(o[i], c[i]));
        assertThat(h[i]).as(e.path()).isGreaterThanOrEqualTo(Math.max(o[i], c[i]));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(lab.report.optionRows());
  }

  @Test
  void spotAndFuturesTradeAtRealisticLevels() throws IOException {
    for (ManifestEntry e : lab.manifest) {
      if (e.kind() == ManifestEntry.Kind.OPTION) {
        continue;
      }
      double[] close = ParquetTable.read(lab.file(e)).doubles("close");
      double lo = e.symbol().name().equals("NIFTY") ? 19_000 : 42_000;
      double hi = e.symbol().name().equals("NIFTY") ? 24_500 : 55_000;
      for (double c : close) {
        assertThat(c).as(e.path()).isBetween(lo, hi);
      }
    }
  }

  @Test
  void futuresTradeAtTheCarryOfSpot() throws IOException {
    for (ManifestEntry e : lab.entries(ManifestEntry.Kind.FUTURES)) {
      ParquetTable f = ParquetTable.read(lab.file(e));
      long firstNanos = f.longs("timestamp")[0];
      LocalDate day = Ist.wallClock(firstNanos).toLocalDate();
      double spotOpen = ParquetTable.read(lab.paths.spotFile(e.symbol(), day)).doubles("close")[0];
      double years = in.nfopslab.core.pricing.ExpiryTime.years(firstNanos, e.expiry());
      double fair = spotOpen * Math.exp(VolSurface.RATE * years);

      assertThat(f.doubles("close")[0]).as(e.path()).isCloseTo(fair, within(0.002 * spotOpen));
      assertThat(fair - spotOpen).isPositive();
    }
  }

  @Test
  void ticksStayWithinTheirNoiseOfTheModelPrice() {
    assertThat(ticksAtMinutes).hasSizeGreaterThan(1_000);
    for (Tick t : ticksAtMinutes) {
      double allowed = OptionTicks.maxNoise(t.truth().model()) + 1e-9;
      double expected = Math.max(0.05, t.truth().model());
      assertThat(t.close())
          .as(t.contract() + " at " + t.second())
          .isCloseTo(expected, within(allowed));
    }
  }

  @Test
  void modelPricesSatisfyPutCallParity() {
    Map<String, Tick> calls = new HashMap<>();
    int pairs = 0;
    for (Tick t : ticksAtMinutes) {
      if (t.call()) {
        calls.put(t.contract() + " " + t.second(), t);
      }
    }
    for (Tick p : ticksAtMinutes) {
      Tick c = p.call() ? null : calls.get(p.contract() + " " + p.second());
      if (c == null) {
        continue;
      }
      Truth tr = p.truth();
      double parity =
          tr.spot() * Math.exp(-tr.dividend() * tr.years())
              - p.strike() * Math.exp(-tr.rate() * tr.years());
      // noise-free prices: exact up to rounding
      assertThat(c.truth().model() - tr.model()).isCloseTo(parity, within(1e-6 * tr.spot()));
      // traded prices: within the two legs' noise (plus the 0.05 floor, which the noise bound
      // covers)
      double allowed =
          OptionTicks.maxNoise(c.truth().model()) + OptionTicks.maxNoise(tr.model()) + 1e-9;
      assertThat(c.close() - p.close())
          .as(p.contract() + " at " + p.second())
          .isCloseTo(parity, within(allowed));
      pairs++;
    }
    assertThat(pairs).isGreaterThan(50);
  }

  @Test
  void impliedVolSolvedFromModelPricesGivesBackTheGeneratorsVol() {
    int checked = 0;
    for (Map.Entry<String, Truth> e : truth.entrySet()) {
      Truth t = e.getValue();
      String[] k = e.getKey().split("\\|");
      boolean call = k[2].equals("CE");
      int strike = Integer.parseInt(k[3]);
      // expired options have no vol, and a price that barely moves with vol (deep in or out of the
      // money near expiry)
      // pins it down only loosely
      if (t.years() <= 0
          || BlackScholes.vega(call, t.spot(), strike, t.years(), t.rate(), t.dividend(), t.iv())
              < 1) {
        continue;
      }
      double iv =
          ImpliedVol.blackScholes(
              call, t.model(), t.spot(), strike, t.years(), t.rate(), t.dividend());
      assertThat(iv).as(e.getKey()).isCloseTo(t.iv(), within(1e-6));
      checked++;
    }
    assertThat(checked).isGreaterThan(10_000);
  }

  @Test
  void impliedVolFromNearTheMoneyTicksIsTheGeneratorsVolWithinNoise() {
    int checked = 0;
    for (Tick tick : ticksAtMinutes) {
      Truth t = tick.truth();
      double vega =
          BlackScholes.vega(
              tick.call(), t.spot(), tick.strike(), t.years(), t.rate(), t.dividend(), t.iv());
      double intrinsic =
          Math.max(
              0,
              (tick.call() ? 1 : -1)
                  * (t.spot() - tick.strike() * Math.exp(-t.rate() * t.years())));
      // a tick has a vol only if its noise cannot take it below intrinsic value
      if (Math.abs(tick.strike() / t.spot() - 1) > 0.01
          || vega < 1
          || t.model() - intrinsic < 2 * OptionTicks.maxNoise(t.model())) {
        continue;
      }
      double iv =
          ImpliedVol.blackScholes(
              tick.call(),
              tick.close(),
              t.spot(),
              tick.strike(),
              t.years(),
              t.rate(),
              t.dividend());
      // a price error e moves the solved vol by about e / vega
      double allowed = 1.2 * OptionTicks.maxNoise(t.model()) / vega;
      assertThat(iv)
          .as(tick.contract() + " at " + tick.second())
          .isCloseTo(t.iv(), within(allowed));
      checked++;
    }
    assertThat(checked).isGreaterThan(100);
  }

  private static String key(
      String symbol, LocalDate expiry, String type, int strike, long epochSecond) {
    return symbol + "|" + expiry + "|" + type + "|" + strike + "|" + epochSecond;
  }
}
