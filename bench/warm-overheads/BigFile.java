import in.nfopslab.core.trade.TradeLeg;
import in.nfopslab.data.trades.TradeParquet;
import java.nio.file.*;
import java.util.*;
/**
 * BigFile RESULTS_DIR: the trade legs of a run's result files five times over (85,130 legs for a NIFTY January run of
 * all strategies) written as one trade file and read back, twelve rounds in one JVM, with the thread's CPU time of
 * each: the per-row cost of TradeParquet's writer and reader (a sweep's batch files are this size).
 * java -cp "JAR:LIB/*" bench/warm-overheads/BigFile.java DIR
 */
public class BigFile {
  public static void main(String[] a) throws Exception {
    List<TradeLeg> all = new ArrayList<>();
    try (var s = Files.list(Path.of(a[0]))) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String n = p.getFileName().toString();
        if (n.endsWith(".parquet") && !n.startsWith("run_all") && !n.startsWith("dispersion")) all.addAll(TradeParquet.read(p));
      }
    }
    List<TradeLeg> big = new ArrayList<>();
    for (int i = 0; i < 5; i++) big.addAll(all);
    Path out = Files.createTempDirectory("bw").resolve("big.parquet");
    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int r = 0; r < 12; r++) {
      long c0 = mx.getCurrentThreadCpuTime();
      TradeParquet.write(out, big);
      long c1 = mx.getCurrentThreadCpuTime();
      int n = TradeParquet.read(out).size();
      long c2 = mx.getCurrentThreadCpuTime();
      System.out.printf("round %d: %d legs write cpu %.1f ms read cpu %.1f ms size %d%n", r, n, (c1 - c0) / 1e6, (c2 - c1) / 1e6, Files.size(out));
    }
  }
}
