import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.data.market.MarketLoader;
import in.nfopslab.data.cache.SecondsCache;
import in.nfopslab.data.read.BarReader;
import in.nfopslab.data.meta.MetaTables;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** OpenDays LAB OUT cached|direct: opens every NIFTY trading day (spot + nearest futures) twice, timing each pass. */
public class OpenDays {
  public static void main(String[] a) throws Exception {
    LabPaths lab = LabPaths.of(Path.of(a[0]));
    LabPaths paths = new LabPaths(lab.root(), lab.data(), lab.meta(), Path.of(a[1]).toAbsolutePath());
    MetaTables meta = MetaTables.load(paths.meta());
    Symbol s = new Symbol("NIFTY");
    MarketLoader open = MarketLoader.open(paths, meta, s);
    MarketLoader loader = a[2].equals("cached") ? open
        : new MarketLoader(open.catalog(), meta, open.cache(), new BarReader());
    List<LocalDate> days = loader.tradingDays(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31));
    for (int pass = 1; pass <= 3; pass++) {
      long t0 = System.nanoTime();
      for (LocalDate d : days) {
        loader.openDay(d);
      }
      System.out.printf("%s pass %d: %d days %.1f ms%n", a[2], pass, days.size(), (System.nanoTime() - t0) / 1e6);
    }
  }
}
