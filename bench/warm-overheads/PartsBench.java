import in.nfopslab.core.trade.TradeLeg;
import in.nfopslab.data.trades.TradeParquet;
import in.nfopslab.orchestrator.Orchestrator;
import in.nfopslab.orchestrator.StatusParquet;
import in.nfopslab.orchestrator.StatusRow;
import java.nio.file.*;
import java.util.*;

/**
 * PartsBench PARTS_DIR: reads every trade part of a run's parts folder back and the pairs' status rows (what the merge
 * of `nfops run` reads: 70 trade parts for a NIFTY January run of all strategies), eight rounds in one JVM, timing
 * each. Parts of a build from before 2026-11-26 have a one-row `.status.parquet` beside each trade part: those are
 * read, then written again (one row each, as every pair did). Parts of a later build hold the status in the trade
 * part's footer: the rows are read from the footers (`Orchestrator.partStatuses`, what `nfops status` reads) and there
 * is nothing separate to write. Run against the jars of each build:
 * java -cp "JAR:LIB/*" bench/warm-overheads/PartsBench.java DIR
 */
public class PartsBench {
  public static void main(String[] a) throws Exception {
    List<Path> trades = new ArrayList<>();
    List<Path> statuses = new ArrayList<>();
    try (var s = Files.walk(Path.of(a[0]))) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String n = p.getFileName().toString();
        if (n.endsWith(".trades.parquet")) trades.add(p);
        if (n.endsWith(".status.parquet")) statuses.add(p);
      }
    }
    Collections.sort(trades);
    Collections.sort(statuses);
    boolean separate = !statuses.isEmpty();
    Path out = Files.createTempDirectory("pb");
    for (int round = 0; round < 8; round++) {
      long t0 = System.nanoTime();
      long legs = 0;
      for (Path p : trades) legs += TradeParquet.read(p).size();
      long t1 = System.nanoTime();
      List<StatusRow> rows = new ArrayList<>();
      if (separate) {
        for (Path p : statuses) rows.addAll(StatusParquet.read(p));
      } else {
        rows.addAll(Orchestrator.partStatuses(Path.of(a[0])));
      }
      long t2 = System.nanoTime();
      if (separate) {
        for (int i = 0; i < rows.size(); i++) StatusParquet.write(out.resolve("s" + i + ".parquet"), List.of(rows.get(i)));
      }
      long t3 = System.nanoTime();
      System.out.printf("round %d: read %d trade parts (%d legs) %.1f ms, read %d status rows from %s %.1f ms, write status parts %.1f ms%n",
          round, trades.size(), legs, (t1 - t0) / 1e6, rows.size(), separate ? statuses.size() + " status parts" : "the trade parts' footers",
          (t2 - t1) / 1e6, (t3 - t2) / 1e6);
    }
  }
}
