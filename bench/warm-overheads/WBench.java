import in.nfopslab.core.trade.TradeLeg;
import in.nfopslab.data.trades.TradeParquet;
import java.nio.file.*;
import java.util.*;

/**
 * WBench RESULTS_DIR [ROUNDS]: writes the trade legs of a run's result files again, each as five parts plus the whole
 * (91 files for a NIFTY January run of all strategies), ROUNDS (8) rounds in one JVM, timing each round (wall and the
 * thread's CPU time): the cost of TradeParquet's writer set-up and rows. Run against the jars of each build:
 * java -cp "JAR:LIB/*" bench/warm-overheads/WBench.java DIR [ROUNDS]
 */
public class WBench {
  public static void main(String[] a) throws Exception {
    Path dir = Path.of(a[0]);
    List<List<TradeLeg>> sets = new ArrayList<>();
    try (var s = Files.list(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String n = p.getFileName().toString();
        if (n.endsWith(".parquet") && !n.startsWith("run_all") && !n.startsWith("dispersion")) sets.add(TradeParquet.read(p));
      }
    }
    int rows = 0; for (var l : sets) rows += l.size();
    System.out.println(sets.size() + " files, " + rows + " legs");
    Path out = Files.createTempDirectory("wb");
    int rounds = a.length > 1 ? Integer.parseInt(a[1]) : 8;
    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int round = 0; round < rounds; round++) {
      long t0 = System.nanoTime(), c0 = mx.getCurrentThreadCpuTime();
      int k = 0;
      for (var l : sets) {
        // split each into 5 parts like (strategy, task) parts
        int n = l.size(), per = Math.max(1, n / 5);
        for (int i = 0; i < n || i == 0; i += per) {
          TradeParquet.write(out.resolve("p" + (k++) + ".parquet"), l.subList(i, Math.min(n, i + per)));
          if (n == 0) break;
        }
        TradeParquet.write(out.resolve("m" + (k++) + ".parquet"), l);
      }
      System.out.printf("round %d: %d files %.1f ms, cpu %.1f ms%n", round, k, (System.nanoTime() - t0) / 1e6, (mx.getCurrentThreadCpuTime() - c0) / 1e6);
    }
  }
}
