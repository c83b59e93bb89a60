package in.nfopslab.orchestrator.golden;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.engine.EngineConfig;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.core.strategy.StrategyFactory;
import in.nfopslab.core.strategy.StrategyRegistry;
import in.nfopslab.core.trade.TradeLeg;
import in.nfopslab.data.generate.GeneratorConfig;
import in.nfopslab.data.generate.Preset;
import in.nfopslab.data.generate.SyntheticMarket;
import in.nfopslab.data.trades.StanceParquet;
import in.nfopslab.data.trades.TradeParquet;
import in.nfopslab.fees.FeeSchedule;
import in.nfopslab.fees.IndiaFoFees;
import in.nfopslab.fees.LegFees;
import in.nfopslab.orchestrator.Orchestrator;
import in.nfopslab.orchestrator.Progress;
import in.nfopslab.orchestrator.RunConfig;
import in.nfopslab.orchestrator.RunSummary;
import in.nfopslab.orchestrator.StatusRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The lab of the golden regression tests, generated once per test JVM and shared by every golden
 * test: NIFTY with the tiny preset's sizes from 2024-01-01 to 2024-01-10 (8 trading days, among
 * them the weekly expiry 2024-01-04 and three days with five earlier days for realised volatility),
 * seed 7. A strategy runs through the whole {@link Orchestrator} (tasks, engine, trade Parquet)
 * with the default engine settings; the legs are read back from its trade file, and every
 * (strategy, task) pair must end ok with every leg filled after its signal second. See {@link
 * GoldenRun} for what a golden test asserts.
 *
 * <pre>
 * GoldenLab.get().run("gamma_scalp").assertGolden(38, -116.8, 1661.23, "3f2a...");
 * </pre>
 */
public final class GoldenLab {
  public static final Symbol NIFTY = new Symbol("NIFTY");
  public static final LocalDate START = LocalDate.of(2024, 1, 1);
  public static final LocalDate END = LocalDate.of(2024, 1, 10);
  public static final long SEED = 7;

  private static GoldenLab instance;

  private final LabPaths paths;
  private final IndiaFoFees fees = new IndiaFoFees(FeeSchedule.bundled());

  private GoldenLab(LabPaths paths) {
    this.paths = paths;
  }

  /** The shared lab, generated on first use into a temporary folder removed when the JVM exits. */
  public static synchronized GoldenLab get() {
    if (instance == null) {
      try {
        Path root = Files.createTempDirectory("nfops-golden-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
        LabPaths paths = LabPaths.of(root);
        SyntheticMarket.generate(
            GeneratorConfig.builder(paths, Preset.TINY)
                .symbols(List.of(NIFTY))
                .start(START)
                .end(END)
                .seed(SEED)
                .maxWorkers(1)
                .build());
        instance = new GoldenLab(paths);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot generate the golden lab", e);
      }
    }
    return instance;
  }

  public LabPaths paths() {
    return paths;
  }

  /** Runs one strategy with its defaults, or {@code name=value} overrides, over the whole lab. */
  public synchronized GoldenRun run(String strategy, String... params) {
    try {
      List<TradeLeg> legs = TradeParquet.read(orchestrate(strategy, params));
      assertThat(legs)
          .as("%s: every leg fills after its signal second", strategy)
          .allSatisfy(t -> assertThat(t.entryTs()).isAfter(t.signalTs()));
      double total = 0;
      for (TradeLeg leg : legs) {
        total += LegFees.fees(leg, fees, 0.0).total();
      }
      return GoldenRun.of(strategy, legs, total);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs a strategy that writes stance rows (dispersion) over the whole lab, as {@link #run} does a
   * trading one.
   */
  public synchronized GoldenStances stances(String strategy, String... params) {
    try {
      return GoldenStances.of(strategy, StanceParquet.read(orchestrate(strategy, params)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs a test strategy (one that only observes the market, say) over the whole lab through the
   * Orchestrator; every status row must be ok.
   */
  public synchronized void probe(StrategyFactory factory) {
    try {
      orchestrate(StrategyRegistry.of(List.of(factory)), factory.descriptor().name());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path orchestrate(String strategy, String... params) throws IOException {
    return orchestrate(StrategyRegistry.load(), strategy, params);
  }

  /**
   * The whole Orchestrator over the lab; every status row must be ok. Returns the strategy's result
   * file.
   */
  private Path orchestrate(StrategyRegistry registry, String strategy, String... params)
      throws IOException {
    RunConfig config =
        new RunConfig(
            paths,
            NIFTY,
            START,
            END,
            List.of(strategy),
            List.of(),
            List.of(params),
            1,
            false,
            EngineConfig.defaults(),
            Progress.Mode.NONE,
            null);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      RunSummary summary =
          new Orchestrator(registry)
              .run(config, new PrintStream(err, true, StandardCharsets.UTF_8));
      assertThat(summary.rows())
          .as("status rows of %s (stderr: %s)", strategy, err)
          .allSatisfy(
              r ->
                  assertThat(r.status())
                      .as("%s: %s", r.taskId(), r.error())
                      .isEqualTo(StatusRow.OK));
      return summary.tradeFiles().get(strategy);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void delete(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }
}
