package in.nfopslab.orchestrator.golden;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.trade.StanceRow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a stance strategy wrote on the {@link GoldenLab}, reduced to what a golden test pins: the
 * number of rows, the count of each stance, and the SHA-256 of the canonical text of the rows
 * (every column and value, numbers to 6 decimals), as {@link GoldenRun} does for trades.
 */
public record GoldenStances(
    String strategy, List<StanceRow> rows, Map<String, Integer> counts, String sha256) {
  static GoldenStances of(String strategy, List<StanceRow> rows) {
    Map<String, Integer> counts = new TreeMap<>();
    for (StanceRow r : rows) {
      counts.merge(r.stance(), 1, Integer::sum);
    }
    return new GoldenStances(strategy, List.copyOf(rows), counts, sha256(canonical(rows)));
  }

  /** The canonical text the hash is taken of, one line per row in file order. */
  public static String canonical(List<StanceRow> rows) {
    StringBuilder sb = new StringBuilder();
    for (StanceRow r : rows) {
      sb.append(r.strategy())
          .append('|')
          .append(r.paramsId())
          .append('|')
          .append(r.symbol())
          .append('|')
          .append(r.tradeDate())
          .append('|')
          .append(r.ts())
          .append('|')
          .append(r.stance())
          .append('|')
          .append(r.note());
      for (Map.Entry<String, Double> e : r.values().entrySet()) {
        double v = e.getValue() == null ? Double.NaN : e.getValue();
        sb.append('|')
            .append(e.getKey())
            .append('=')
            .append(Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.6f", v));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Asserts the pinned numbers; on a mismatch the message gives the new ones and the rows. */
  public void assertGolden(
      int expectedRows, Map<String, Integer> expectedCounts, String expectedSha256) {
    String now =
        String.format(
            Locale.ROOT,
            "%s now: rows %d, counts %s, sha256 %s%n%s",
            strategy,
            rows.size(),
            counts,
            sha256,
            canonical(rows));
    assertThat(rows).as(now).hasSize(expectedRows);
    assertThat(counts).as(now).isEqualTo(expectedCounts);
    assertThat(sha256).as(now).isEqualTo(expectedSha256);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
