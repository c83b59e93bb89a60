package in.nfopslab.orchestrator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs a batch of jobs on a ForkJoinPool of an explicit size that this call owns and shuts down:
 * nothing runs on the common pool. Jobs catch and record their own failures; a job that throws
 * could not record its result (e.g. a full disk), so the other jobs are stopped at once rather than
 * each failing the same way, and the batch ends with that exception.
 */
final class TaskPool {
  private TaskPool() {}

  static <T> List<T> runAll(int workers, List<Callable<T>> jobs)
      throws InterruptedException, ExecutionException {
    ForkJoinPool pool = new ForkJoinPool(workers);
    try {
      List<Future<T>> futures = new ArrayList<>(jobs.size());
      for (Callable<T> job : jobs) {
        futures.add(pool.submit(job));
      }
      List<T> out = new ArrayList<>(jobs.size());
      for (Future<T> f : futures) {
        try {
          out.add(f.get());
        } catch (ExecutionException e) {
          pool.shutdownNow();
          throw e;
        }
      }
      return out;
    } finally {
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }
  }

  /**
   * The first message down a failure's cause chain: an error while loading a native codec, or a
   * library's RuntimeException around an IOException, often has none at the top.
   */
  static String reason(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c.getMessage() != null && !c.getMessage().isBlank()) {
        return c.getMessage();
      }
    }
    return t.getClass().getSimpleName();
  }
}
