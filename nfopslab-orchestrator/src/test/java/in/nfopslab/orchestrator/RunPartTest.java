package in.nfopslab.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.nfopslab.core.strategy.Params;
import in.nfopslab.core.strategy.StrategyConfig;
import in.nfopslab.core.strategy.StrategyFactory;
import in.nfopslab.core.trade.Side;
import in.nfopslab.core.trade.StanceRow;
import in.nfopslab.core.trade.TradeLeg;
import in.nfopslab.data.trades.StanceParquet;
import in.nfopslab.data.trades.TradeParquet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunPartTest {
  @TempDir Path parts;

  private static final LocalDate D = LocalDate.of(2024, 1, 4);
  private static final RunTask TASK = new RunTask(LabFixture.NIFTY, D, List.of(D.minusDays(1), D));

  private static StrategyConfig config(StrategyFactory f) {
    return new StrategyConfig(LabFixture.NIFTY, Params.defaults(f.descriptor()));
  }

  private static final StrategyConfig TRADER = config(new TestStrategies.BuyAtTime());
  private static final StrategyConfig STANCE = config(new TestStrategies.StanceAtTen());

  private static StatusRow row(StrategyConfig c, String status, long trades) {
    return new StatusRow(
        c.name(),
        c.paramsId(),
        "NIFTY",
        D,
        D.minusDays(1),
        D,
        status,
        status.equals(StatusRow.OK) ? "" : "boom on purpose",
        "",
        Instant.parse("2024-01-04T04:00:00.123Z"),
        Instant.parse("2024-01-04T04:00:01.5Z"),
        1.377,
        trades,
        c.params().canonical(),
        "key-1");
  }

  private static TradeLeg leg(long id) {
    LocalDateTime entry = D.atTime(10, 0, 1);
    return new TradeLeg(
        "buy_at_time",
        "default",
        "NIFTY",
        id,
        1,
        D,
        D,
        "CE",
        21_000,
        Side.BUY,
        1,
        50,
        entry.minusSeconds(1),
        entry,
        101.5,
        D.atTime(15, 15),
        99.0,
        "eod",
        -2.5,
        -125.0,
        new TreeMap<>(Map.of("iv", 0.14)));
  }

  private static StanceRow stance() {
    return new StanceRow(
        "stance_at_ten",
        "default",
        "NIFTY",
        D,
        D.atTime(10, 0),
        "neutral",
        "test",
        new TreeMap<>(Map.of("spot", 21_500.0)));
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.walk(parts)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Test
  void anOkPairIsOneTradePartWhoseFooterHoldsItsStatus() throws Exception {
    RunPart part = new RunPart(parts, TRADER, TASK);
    assertThat(part.readStatus()).isNull();
    assertThat(part.read().status()).isNull();

    StatusRow ok = row(TRADER, StatusRow.OK, 2);
    List<TradeLeg> legs = List.of(leg(1), leg(2));
    part.writeOk(ok, legs, null);

    Path file =
        parts
            .resolve("buy_at_time")
            .resolve(TRADER.paramsId())
            .resolve(TASK.id() + ".trades.parquet");
    assertThat(files()).containsExactly(file);
    assertThat(part.readStatus()).isEqualTo(ok);
    assertThat(part.read()).isEqualTo(new RunPart.Contents(ok, legs, List.of()));
    // still an ordinary trade file for anything that reads trades
    assertThat(TradeParquet.read(file)).isEqualTo(legs);
  }

  @Test
  void aFailedPairIsATradePartWithoutLegsAndReplacesAnEarlierOkOne() throws Exception {
    RunPart part = new RunPart(parts, TRADER, TASK);
    part.writeOk(row(TRADER, StatusRow.OK, 1), List.of(leg(1)), null);
    StatusRow failed = row(TRADER, StatusRow.FAILED, 0);
    part.writeFailed(failed);

    assertThat(files()).hasSize(1);
    assertThat(part.readStatus()).isEqualTo(failed);
    assertThat(part.read()).isEqualTo(new RunPart.Contents(failed, List.of(), List.of()));
    assertThat(TradeParquet.read(files().get(0))).isEmpty();
  }

  @Test
  void aStancePairIsDoneOnlyWithItsStancePartWrittenBeforeItsTradePart() throws Exception {
    RunPart part = new RunPart(parts, STANCE, TASK);
    StatusRow ok = row(STANCE, StatusRow.OK, 1);
    part.writeOk(ok, List.of(), List.of(stance()));

    Path dir = parts.resolve("stance_at_ten").resolve(STANCE.paramsId());
    Path stances = dir.resolve("NIFTY_exp2024-01-04.stance.parquet");
    Path trades = dir.resolve("NIFTY_exp2024-01-04.trades.parquet");
    assertThat(files()).containsExactly(stances, trades);
    assertThat(Files.getLastModifiedTime(trades))
        .isGreaterThanOrEqualTo(Files.getLastModifiedTime(stances));
    assertThat(part.read()).isEqualTo(new RunPart.Contents(ok, List.of(), List.of(stance())));
    assertThat(StanceParquet.read(stances)).containsExactly(stance());

    Files.delete(stances);
    assertThat(part.readStatus()).isNull();
    assertThat(part.read().status()).isNull();
  }

  @Test
  void aPartLeftByAnOlderBuildWithASeparateStatusPartIsNotDone() throws Exception {
    Path dir = parts.resolve("buy_at_time").resolve(TRADER.paramsId());
    Path trades = dir.resolve("NIFTY_exp2024-01-04.trades.parquet");
    TradeParquet.write(trades, List.of(leg(1)));
    StatusParquet.write(
        dir.resolve("NIFTY_exp2024-01-04.status.parquet"), List.of(row(TRADER, StatusRow.OK, 1)));

    RunPart part = new RunPart(parts, TRADER, TASK);
    assertThat(part.readStatus()).isNull();
    assertThat(part.read().status()).isNull();
    assertThat(RunPart.statuses(parts)).isEmpty();
  }

  @Test
  void anUnreadablePartIsNotDoneForResumeButFailsTheMergeNamingIt() throws Exception {
    RunPart part = new RunPart(parts, TRADER, TASK);
    part.writeOk(row(TRADER, StatusRow.OK, 1), List.of(leg(1)), null);
    Path file = files().get(0);
    Files.writeString(file, "not parquet");

    assertThat(part.readStatus()).isNull();
    assertThatThrownBy(part::read)
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void statusesReadsEveryRecordedPairAndSkipsTemporaryAndUnreadableFiles() throws Exception {
    StatusRow traderOk = row(TRADER, StatusRow.OK, 1);
    StatusRow stanceFailed = row(STANCE, StatusRow.FAILED, 0);
    new RunPart(parts, TRADER, TASK).writeOk(traderOk, List.of(leg(1)), null);
    new RunPart(parts, STANCE, TASK).writeFailed(stanceFailed);
    RunTask later = new RunTask(LabFixture.NIFTY, D.plusDays(7), List.of(D.plusDays(7)));
    Path dir = parts.resolve("buy_at_time").resolve(TRADER.paramsId());
    // a part being written by a live run, and one cut short
    Files.copy(
        dir.resolve("NIFTY_exp2024-01-04.trades.parquet"),
        dir.resolve(".NIFTY_exp2024-01-11.trades.parquet.tmp-123-1"));
    Files.writeString(dir.resolve(later.id() + ".trades.parquet"), "PAR1");

    assertThat(RunPart.statuses(parts)).containsExactly(traderOk, stanceFailed);
    assertThat(Orchestrator.partStatuses(parts)).containsExactly(traderOk, stanceFailed);
    assertThat(RunPart.statuses(parts.resolve("nothing-here"))).isEmpty();
  }
}
