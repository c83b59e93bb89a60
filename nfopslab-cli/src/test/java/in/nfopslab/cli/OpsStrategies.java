package in.nfopslab.cli;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.strategy.EntryOrder;
import in.nfopslab.core.strategy.ExitRules;
import in.nfopslab.core.strategy.ExpiryChoice;
import in.nfopslab.core.strategy.OrderLeg;
import in.nfopslab.core.strategy.ParamSpec;
import in.nfopslab.core.strategy.Strategy;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.strategy.StrategyContext;
import in.nfopslab.core.strategy.StrategyDescriptor;
import in.nfopslab.core.strategy.StrategyFactory;
import in.nfopslab.core.strategy.StrategyRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * Test strategies for the operations tests. Public with public constructors because child {@code
 * nfops} processes find them through ServiceLoader: {@link #servicesDir} writes a class-path folder
 * that registers them for those processes only, so in-process tests keep seeing just the project's
 * own strategies.
 */
public final class OpsStrategies {
  static final List<String> NAMES = List.of("ops_buy_ce", "ops_sell_pe", "ops_fail_once");

  private OpsStrategies() {}

  static StrategyRegistry registry() {
    return StrategyRegistry.of(List.of(new BuyCe(), new SellPe(), new FailOnce()));
  }

  /** A folder to put on a child process's class path: META-INF/services naming these factories. */
  static Path servicesDir(Path dir) throws IOException {
    Path f = dir.resolve("META-INF/services/" + StrategyFactory.class.getName());
    Files.createDirectories(f.getParent());
    Files.writeString(
        f,
        BuyCe.class.getName()
            + "\n"
            + SellPe.class.getName()
            + "\n"
            + FailOnce.class.getName()
            + "\n");
    return dir;
  }

  /**
   * Buys the nearest-expiry ATM CE at {@code at} (default 10:00:00) and holds it to the end-of-day
   * exit.
   */
  public static final class BuyCe implements StrategyFactory {
    @Override
    public StrategyDescriptor descriptor() {
      return new StrategyDescriptor(
          "ops_buy_ce",
          "test: buy the ATM CE at a time",
          List.of(ParamSpec.ofTime("at", "10:00:00", "entry time")),
          ExpiryChoice.NEAREST);
    }

    @Override
    public Strategy create(StrategyConfig config) {
      LocalTime at = config.params().getTime("at");
      return ctx -> {
        if (ctx.time().equals(at)) {
          enter(ctx, OptionType.CE, true);
        }
      };
    }
  }

  /** Sells the nearest-expiry ATM PE at 11:00:00 and holds it to the end-of-day exit. */
  public static final class SellPe implements StrategyFactory {
    @Override
    public StrategyDescriptor descriptor() {
      return new StrategyDescriptor(
          "ops_sell_pe", "test: sell the ATM PE at 11:00", List.of(), ExpiryChoice.NEAREST);
    }

    @Override
    public Strategy create(StrategyConfig config) {
      return ctx -> {
        if (ctx.time().equals(LocalTime.of(11, 0))) {
          enter(ctx, OptionType.PE, false);
        }
      };
    }
  }

  /**
   * Buys the ATM CE at 12:00, except that the first pair to find the {@code marker} file deletes it
   * and fails: a failure that a retry cures.
   */
  public static final class FailOnce implements StrategyFactory {
    @Override
    public StrategyDescriptor descriptor() {
      return new StrategyDescriptor(
          "ops_fail_once",
          "test: fails once while the marker file exists",
          List.of(ParamSpec.ofString("marker", "", "file whose presence makes one pair fail")),
          ExpiryChoice.NEAREST);
    }

    @Override
    public Strategy create(StrategyConfig config) {
      String marker = config.params().getString("marker");
      return ctx -> {
        if (ctx.time().equals(LocalTime.of(12, 0))) {
          if (!marker.isEmpty() && deleted(Path.of(marker))) {
            throw new IllegalStateException("failing once on purpose (" + marker + ")");
          }
          enter(ctx, OptionType.CE, true);
        }
      };
    }

    private static boolean deleted(Path marker) {
      try {
        return Files.deleteIfExists(marker);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static void enter(StrategyContext ctx, OptionType type, boolean buy) {
    LocalDate e = ctx.expiry();
    int k = ctx.nearestAvailable(e, ctx.atm(), type);
    ctx.enter(
        EntryOrder.of(
            ExitRules.none(), buy ? OrderLeg.buy(e, type, k) : OrderLeg.sell(e, type, k)));
  }
}
