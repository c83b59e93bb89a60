package in.nfopslab.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusFooterTest {
  @TempDir Path dir;

  private static final LocalDate D = LocalDate.of(2024, 1, 4);

  private static StatusRow ok() {
    return new StatusRow(
        "orb",
        "a1b2",
        "NIFTY",
        D,
        D.minusDays(3),
        D,
        StatusRow.OK,
        "",
        "",
        Instant.parse("2024-01-04T04:00:00.123Z"),
        Instant.parse("2024-01-04T04:00:02.456Z"),
        0.1 + 0.2, // not a short decimal: the text must round-trip exactly
        12,
        "orb\nat=10:00:00\nwidth=15",
        "9f86d081884c7d65");
  }

  @Test
  void aRowReadsBackAsTheStatusTableHoldsIt() throws Exception {
    StatusRow failed =
        new StatusRow(
            "boom",
            "default",
            "NIFTY",
            D,
            D,
            D,
            StatusRow.FAILED,
            "bad file: strike=21000.parquet\n(truncated)",
            "/logs/failed_boom.log",
            null,
            null,
            0,
            0,
            "boom",
            "");
    for (StatusRow r : List.of(ok(), failed)) {
      assertThat(StatusFooter.decode(StatusFooter.encode(r))).isEqualTo(r);
      // the same row through the status table: what the merge writes is unchanged
      Path table = dir.resolve(r.strategy() + ".parquet");
      StatusParquet.write(table, List.of(StatusFooter.decode(StatusFooter.encode(r))));
      assertThat(StatusParquet.read(table)).containsExactly(r);
    }
  }

  @Test
  void instantsKeepMillisecondsLikeTheStatusTable() {
    StatusRow r = ok();
    StatusRow fine =
        new StatusRow(
            r.strategy(),
            r.paramsId(),
            r.symbol(),
            r.expiry(),
            r.firstDay(),
            r.lastDay(),
            r.status(),
            r.error(),
            r.logPath(),
            r.started().plusNanos(789_000),
            r.finished().plusNanos(1),
            r.durationS(),
            r.trades(),
            r.params(),
            r.dataKey());
    assertThat(StatusFooter.decode(StatusFooter.encode(fine))).isEqualTo(r);
  }

  @Test
  void aFooterWithoutAStatusCarriesNoRow() {
    assertThat(StatusFooter.decode(Map.of("nfopslab.kind", "trade_legs"))).isNull();
    assertThat(StatusFooter.encode(ok()))
        .allSatisfy((k, v) -> assertThat(k).startsWith("nfopslab.status."));
  }

  @Test
  void anIncompleteOrMalformedRowIsRefusedNamingTheKey() {
    Map<String, String> missing = new HashMap<>(StatusFooter.encode(ok()));
    missing.remove("nfopslab.status.data_key");
    assertThatThrownBy(() -> StatusFooter.decode(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nfopslab.status.data_key");

    Map<String, String> bad = new HashMap<>(StatusFooter.encode(ok()));
    bad.put("nfopslab.status.trades", "twelve");
    assertThatThrownBy(() -> StatusFooter.decode(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("twelve");
  }
}
