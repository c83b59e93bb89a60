import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.data.catalog.PackedCatalog;
import java.nio.file.Path;

/** CatLoad LAB: PackedCatalog.load of NIFTY and BANKNIFTY, five rounds, timing each. */
public class CatLoad {
  public static void main(String[] a) throws Exception {
    LabPaths paths = LabPaths.of(Path.of(a[0]));
    for (int round = 1; round <= 5; round++) {
      long t0 = System.nanoTime();
      PackedCatalog.load(paths, new Symbol("NIFTY"));
      PackedCatalog.load(paths, new Symbol("BANKNIFTY"));
      System.out.printf("round %d: %.1f ms%n", round, (System.nanoTime() - t0) / 1e6);
    }
  }
}
