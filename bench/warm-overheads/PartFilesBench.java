import in.nfopslab.core.trade.TradeLeg;
import in.nfopslab.data.trades.TradeParquet;
import in.nfopslab.orchestrator.StatusParquet;
import in.nfopslab.orchestrator.StatusRow;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.*;
import java.util.*;

/**
 * PartFilesBench PARTS_DIR [ROUNDS]: what a run's parts cost to write and to read back for the merge, in the two
 * layouts, in one JVM on the same pairs: "two files" = a trade part, then a one-row status part (the layout before
 * 2026-11-26: TradeParquet.write + StatusParquet.write, read back with TradeParquet.read + StatusParquet.read);
 * "one file" = a trade part whose footer holds the status row (TradeParquet.write with StatusFooter's keys, read
 * back with one TradeParquet.readWithFooter). The pairs (legs and status rows) come from PARTS_DIR, a run's parts
 * folder written by a build with the status in the footer. Rounds alternate the layouts; each prints the thread CPU
 * time and wall of writing and of reading every pair once. Needs the jars of a build that has StatusFooter:
 * java -cp "JAR:LIB/*" bench/warm-overheads/PartFilesBench.java DIR 20
 */
public class PartFilesBench {
  public static void main(String[] a) throws Exception {
    Class<?> footer = Class.forName("in.nfopslab.orchestrator.StatusFooter");
    Method encode = footer.getDeclaredMethod("encode", StatusRow.class);
    Method decode = footer.getDeclaredMethod("decode", Map.class);
    encode.setAccessible(true);
    decode.setAccessible(true);
    List<List<TradeLeg>> legs = new ArrayList<>();
    List<StatusRow> rows = new ArrayList<>();
    try (var s = Files.walk(Path.of(a[0]))) {
      for (Path p : (Iterable<Path>) s.sorted()::iterator) {
        if (p.getFileName().toString().endsWith(".trades.parquet")) {
          TradeParquet.Contents c = TradeParquet.readWithFooter(p);
          legs.add(c.legs());
          rows.add((StatusRow) decode.invoke(null, c.footer()));
        }
      }
    }
    int rounds = a.length > 1 ? Integer.parseInt(a[1]) : 20;
    var bean = ManagementFactory.getThreadMXBean();
    Path out = Files.createTempDirectory("pfb");
    long n = legs.stream().mapToLong(List::size).sum();
    System.out.printf("%d pairs, %d legs%n", rows.size(), n);
    for (int round = 0; round < rounds; round++) {
      for (boolean one : new boolean[] {round % 2 == 0, round % 2 != 0}) {
        long c0 = bean.getCurrentThreadCpuTime(), w0 = System.nanoTime();
        for (int i = 0; i < rows.size(); i++) {
          Path t = out.resolve("p" + i + ".trades.parquet");
          if (one) {
            @SuppressWarnings("unchecked")
            Map<String, String> f = (Map<String, String>) encode.invoke(null, rows.get(i));
            TradeParquet.write(t, legs.get(i), f);
          } else {
            TradeParquet.write(t, legs.get(i));
            StatusParquet.write(out.resolve("p" + i + ".status.parquet"), List.of(rows.get(i)));
          }
        }
        long c1 = bean.getCurrentThreadCpuTime(), w1 = System.nanoTime();
        long back = 0;
        for (int i = 0; i < rows.size(); i++) {
          Path t = out.resolve("p" + i + ".trades.parquet");
          if (one) {
            TradeParquet.Contents c = TradeParquet.readWithFooter(t);
            back += c.legs().size() + (decode.invoke(null, c.footer()) == null ? 0 : 1);
          } else {
            back += TradeParquet.read(t).size() + StatusParquet.read(out.resolve("p" + i + ".status.parquet")).size();
          }
        }
        long c2 = bean.getCurrentThreadCpuTime(), w2 = System.nanoTime();
        long files;
        try (var s = Files.list(out)) {
          files = s.count();
        }
        System.out.printf("round %2d %-9s: write %6.1f ms CPU (%6.1f wall), read back %6.1f ms CPU (%6.1f wall), %d files, %d legs+rows%n",
            round, one ? "one file" : "two files", (c1 - c0) / 1e6, (w1 - w0) / 1e6, (c2 - c1) / 1e6, (w2 - w1) / 1e6, files, back);
        try (var s = Files.list(out)) {
          for (Path p : (Iterable<Path>) s::iterator) Files.delete(p);
        }
      }
    }
  }
}
