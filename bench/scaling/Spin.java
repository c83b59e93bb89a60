import java.util.concurrent.*;
/** Machine scaling probe: a compute-bound loop and a memory-streaming loop, N threads, wall and CPU. */
public class Spin {
  static double compute(long n) { double x = 1; for (long i = 0; i < n; i++) { x = x * 1.0000001 + 1e-9; if (x > 2) x -= 1; } return x; }
  static long stream(int rounds) { long[] a = new long[16 << 20]; long s = 0; for (int r = 0; r < rounds; r++) for (int i = 0; i < a.length; i++) { a[i] += i; s += a[i]; } return s; }
  public static void main(String[] args) throws Exception {
    int threads = Integer.parseInt(args[0]); String kind = args[1];
    ExecutorService ex = Executors.newFixedThreadPool(threads);
    for (int pass = 0; pass < 3; pass++) {
      long t0 = System.nanoTime();
      var fs = new java.util.ArrayList<Future<?>>();
      for (int t = 0; t < threads; t++) fs.add(ex.submit(() -> kind.equals("compute") ? compute(400_000_000L) : stream(6)));
      for (var f : fs) f.get();
      System.out.printf("%s threads=%d pass=%d wall=%.3f s per-thread work%n", kind, threads, pass, (System.nanoTime() - t0) / 1e9);
    }
    ex.shutdown();
  }
}
