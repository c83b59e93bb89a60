package in.nfopslab.bench;

import in.nfopslab.core.pricing.BlackScholes;
import in.nfopslab.core.pricing.ImpliedVol;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Implied-volatility solves per second (one thread), on two batches of Black-Scholes quotes: an
 * NSE-like option chain (NIFTY strikes within +-10% of spot, an hour to 30 days, 8-60% vol, r =
 * 10%) and a wide grid (moneyness 0.5..2, an hour to 2 years, 5-150% vol). Each invocation solves
 * the whole batch, so the score is solves/s. A Black-Scholes price batch is measured alongside for
 * scale.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ImpliedVolBenchmark {
  static final int BATCH = 4096;
  private static final double ONE_HOUR = 1.0 / (365 * 24);

  @Param({"chain", "wide"})
  public String quotes;

  private final boolean[] call = new boolean[BATCH];
  private final double[] price = new double[BATCH];
  private final double[] spot = new double[BATCH];
  private final double[] strike = new double[BATCH];
  private final double[] years = new double[BATCH];
  private final double[] vol = new double[BATCH];
  private double rate;

  @Setup
  public void generate() {
    // Fixed seed: every run solves the same quotes.
    SplittableRandom random = new SplittableRandom(20_240_101);
    boolean chain = quotes.equals("chain");
    rate = chain ? 0.10 : 0.05;
    for (int i = 0; i < BATCH; i++) {
      call[i] = random.nextBoolean();
      if (chain) {
        spot[i] = 24_000;
        strike[i] = 50 * Math.round(24_000 * random.nextDouble(0.9, 1.1) / 50);
        years[i] = Math.exp(random.nextDouble(Math.log(ONE_HOUR), Math.log(30.0 / 365)));
        vol[i] = random.nextDouble(0.08, 0.60);
      } else {
        spot[i] = 100;
        strike[i] = 100 * random.nextDouble(0.5, 2.0);
        years[i] = Math.exp(random.nextDouble(Math.log(ONE_HOUR), Math.log(2)));
        vol[i] = random.nextDouble(0.05, 1.5);
      }
      price[i] = BlackScholes.price(call[i], spot[i], strike[i], years[i], rate, 0, vol[i]);
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public double impliedVol() {
    double sum = 0;
    for (int i = 0; i < BATCH; i++) {
      sum += ImpliedVol.blackScholes(call[i], price[i], spot[i], strike[i], years[i], rate, 0);
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public double price() {
    double sum = 0;
    for (int i = 0; i < BATCH; i++) {
      sum += BlackScholes.price(call[i], spot[i], strike[i], years[i], rate, 0, vol[i]);
    }
    return sum;
  }
}
