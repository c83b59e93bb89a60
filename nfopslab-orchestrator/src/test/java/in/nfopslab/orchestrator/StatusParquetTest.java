package in.nfopslab.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.data.parquet.ParquetColumns;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusParquetTest {
  @TempDir Path dir;

  private static final LocalDate D = LocalDate.of(2024, 1, 4);

  @Test
  void rowsRoundTripWithNullTimesAndKeepTheStatusSchema() throws Exception {
    List<StatusRow> rows =
        List.of(
            new StatusRow(
                "orb",
                "default",
                "NIFTY",
                D,
                D.minusDays(3),
                D,
                StatusRow.OK,
                "",
                "",
                Instant.parse("2024-01-04T04:00:00.123Z"),
                Instant.parse("2024-01-04T04:00:02.456Z"),
                2.333,
                12,
                "k=v",
                "abc"),
            new StatusRow(
                "orb",
                "default",
                "NIFTY",
                D.plusDays(7),
                D.plusDays(5),
                D.plusDays(7),
                StatusRow.SKIPPED,
                "not run",
                "",
                null,
                null,
                0,
                0,
                "k=v",
                ""));
    Path file = dir.resolve("run_all_status.parquet");
    StatusParquet.write(file, rows);
    assertThat(StatusParquet.read(file)).isEqualTo(rows);
    // the schema the record-path writer declared, column for column
    assertThat(ParquetColumns.footer(file).getSchema())
        .isEqualTo(
            MessageTypeParser.parseMessageType(
                "message run_status {"
                    + " required binary strategy (STRING); required binary params_id (STRING); required binary symbol (STRING);"
                    + " required int32 expiry (DATE); required int32 first_day (DATE); required int32 last_day (DATE);"
                    + " required binary status (STRING); required binary error (STRING); required binary log_path (STRING);"
                    + " optional int64 started (TIMESTAMP(MILLIS,true)); optional int64 finished (TIMESTAMP(MILLIS,true));"
                    + " required double duration_s; required int64 trades; required binary params (STRING);"
                    + " required binary data_key (STRING); }"));

    Path empty = dir.resolve("empty.parquet");
    StatusParquet.write(empty, List.of());
    assertThat(StatusParquet.read(empty)).isEmpty();
  }
}
