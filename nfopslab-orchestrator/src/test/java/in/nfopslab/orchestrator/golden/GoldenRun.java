package in.nfopslab.orchestrator.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import in.nfopslab.core.trade.TradeLeg;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one strategy did on the {@link GoldenLab}, reduced to the numbers a golden test pins: the
 * number of trades (distinct trade ids), the total of pnl_points over all legs, the total India F&O
 * charges of all legs (bundled fee schedule, no brokerage) and the SHA-256 of the canonical text of
 * the sorted legs: one line per leg with every column and every extra column, numbers to 6 decimals
 * (so a last-bit difference of a libm does not move it).
 *
 * <p>A golden test that fails prints the new values: a change in behaviour is then either a bug, or
 * intended and written into the test with the reason in the commit message.
 */
public record GoldenRun(
    String strategy, List<TradeLeg> legs, int trades, double points, double fees, String sha256) {
  private static final Comparator<TradeLeg> ORDER =
      Comparator.comparing(TradeLeg::tradeDate)
          .thenComparing(TradeLeg::entryTs)
          .thenComparingLong(TradeLeg::tradeId)
          .thenComparingInt(TradeLeg::leg);

  static GoldenRun of(String strategy, List<TradeLeg> legs, double fees) {
    List<TradeLeg> sorted = new ArrayList<>(legs);
    sorted.sort(ORDER);
    Set<Long> ids = new HashSet<>();
    double points = 0;
    for (TradeLeg t : sorted) {
      ids.add(t.tradeId());
      points += t.pnlPoints();
    }
    return new GoldenRun(
        strategy, List.copyOf(sorted), ids.size(), points, fees, sha256(canonical(sorted)));
  }

  /** The canonical text the hash is taken of. */
  public static String canonical(List<TradeLeg> sortedLegs) {
    StringBuilder sb = new StringBuilder();
    for (TradeLeg t : sortedLegs) {
      sb.append(t.strategy())
          .append('|')
          .append(t.paramsId())
          .append('|')
          .append(t.symbol())
          .append('|')
          .append(t.tradeId())
          .append('|')
          .append(t.leg())
          .append('|')
          .append(t.tradeDate())
          .append('|')
          .append(t.expiry())
          .append('|')
          .append(t.optType())
          .append('|')
          .append(t.strike())
          .append('|')
          .append(t.side())
          .append('|')
          .append(t.lots())
          .append('|')
          .append(t.lotSize())
          .append('|')
          .append(t.signalTs())
          .append('|')
          .append(t.entryTs())
          .append('|')
          .append(num(t.entryPrice()))
          .append('|')
          .append(t.exitTs())
          .append('|')
          .append(num(t.exitPrice()))
          .append('|')
          .append(t.exitReason())
          .append('|')
          .append(num(t.pnlPoints()))
          .append('|')
          .append(num(t.pnlInr()));
      for (Map.Entry<String, Double> e : t.extra().entrySet()) {
        sb.append('|').append(e.getKey()).append('=').append(num(e.getValue()));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Asserts the pinned numbers; on a mismatch the message gives the new ones to paste. */
  public void assertGolden(
      int expectedTrades, double expectedPoints, double expectedFees, String expectedSha256) {
    String now =
        String.format(
            Locale.ROOT,
            "%s now: trades %d, points %.6f, fees %.6f, sha256 %s",
            strategy,
            trades,
            points,
            fees,
            sha256);
    assertThat(trades).as(now).isEqualTo(expectedTrades);
    assertThat(points).as(now).isCloseTo(expectedPoints, within(1e-6));
    assertThat(fees).as(now).isCloseTo(expectedFees, within(1e-6));
    assertThat(sha256).as(now + "\nfirst legs:\n" + head()).isEqualTo(expectedSha256);
  }

  private String head() {
    String text = canonical(legs);
    return text.length() > 2000 ? text.substring(0, 2000) : text;
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.6f", v);
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
