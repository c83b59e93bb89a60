package in.nfopslab.data.generate;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.time.Ist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestCsvTest {
  @TempDir Path dir;

  @Test
  void writesSortedRowsWithEmptyFieldsForSpotAndFuturesAndReadsThemBack() throws IOException {
    long open = Ist.epochNanos(LocalDate.of(2024, 1, 2), LocalTime.of(9, 15));
    ManifestEntry option =
        new ManifestEntry(
            "packed/options/NIFTY/202401/exp=2024-01-04/type=CE/strike=21700.parquet",
            Days.NIFTY,
            OptionType.CE,
            21_700,
            LocalDate.of(2024, 1, 4),
            10,
            open + 123_456_000L,
            open + 22_500_000_000_000L);
    ManifestEntry spot =
        new ManifestEntry(
            "packed/spot/NIFTY/202401/date=2024-01-02/ticks.parquet",
            Days.NIFTY,
            null,
            null,
            null,
            3,
            open + 1,
            open + 2);
    ManifestEntry futures =
        new ManifestEntry(
            "packed/futures/NIFTY/202401/exp=2024-01-25/ticks.parquet",
            Days.NIFTY,
            null,
            null,
            LocalDate.of(2024, 1, 25),
            5,
            open,
            open);
    Path file = dir.resolve("packed_manifest.csv");

    ManifestCsv.write(file, List.of(spot, option, futures));

    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0)).isEqualTo("path,symbol,opt_type,strike,expiry,rows,tmin,tmax");
    assertThat(lines.get(1))
        .startsWith("packed/futures/")
        .contains("NIFTY,,,2024-01-25,5,2024-01-02T09:15:00+05:30");
    assertThat(lines.get(2))
        .isEqualTo(
            "packed/options/NIFTY/202401/exp=2024-01-04/type=CE/strike=21700.parquet,NIFTY,CE,21700,2024-01-04,10,"
                + "2024-01-02T09:15:00.123456+05:30,2024-01-02T15:30:00+05:30");
    assertThat(lines.get(3)).contains("NIFTY,,,,3,2024-01-02T09:15:00.000000001+05:30");
    assertThat(ManifestCsv.read(file)).containsExactly(futures, option, spot);
    assertThat(spot.kind()).isEqualTo(ManifestEntry.Kind.SPOT);
    assertThat(futures.kind()).isEqualTo(ManifestEntry.Kind.FUTURES);
  }

  @Test
  void timestampsParseAsOffsetDateTimeDoesForEveryFormTheyComeIn() {
    for (String text :
        List.of(
            "2024-01-02T09:15:00+05:30",
            "2024-01-02T09:15:00.1+05:30",
            "2024-01-02T09:15:00.123456+05:30",
            "2024-01-25T15:30:00.827321165+05:30",
            "2024-02-29T23:59:59.000000001+05:30",
            "1999-12-31T00:00:00.5+05:30",
            "2024-01-02T03:45:00Z",
            "2024-01-02T09:15+05:30",
            "2024-01-02T04:15:00.25+00:00",
            "2024-01-02T09:15:00.+05:30")) {
      java.time.Instant i = java.time.OffsetDateTime.parse(text).toInstant();
      assertThat(ManifestCsv.parse(text))
          .as(text)
          .isEqualTo(i.getEpochSecond() * 1_000_000_000L + i.getNano());
    }
    for (String bad :
        List.of(
            "2023-02-29T09:15:00+05:30",
            "2024-01-02T24:00:00+05:30",
            "2024-01-02T09:15:00.1234567890+05:30",
            "2024-1-02T09:15:00+05:30")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> ManifestCsv.parse(bad))
          .as(bad)
          .isInstanceOf(java.time.format.DateTimeParseException.class);
    }
  }

  @Test
  void aLabsManifestRoundTripsEveryNanosecondForm() throws IOException {
    long open = Ist.epochNanos(LocalDate.of(2024, 1, 2), LocalTime.of(9, 15));
    for (long delta :
        new long[] {0, 1, 999, 1_000, 123_456_000, 999_999_999, 22_500_999_999_999L}) {
      assertThat(ManifestCsv.parse(ManifestCsv.format(open + delta))).isEqualTo(open + delta);
    }
  }
}
