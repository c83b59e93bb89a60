package in.nfopslab.orchestrator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs a batch of jobs on a ForkJoinPool of an explicit size that this call owns and shuts down: nothing runs on
 * the common pool. A job that throws is a bug in recording results (jobs catch and record their own failures), so
 * it ends the batch with that exception after the other jobs finished.
 */
final class TaskPool {
  private TaskPool() {}

  static <T> List<T> runAll(int workers, List<Callable<T>> jobs) throws InterruptedException, ExecutionException {
    ForkJoinPool pool = new ForkJoinPool(workers);
    try {
      List<Future<T>> futures = new ArrayList<>(jobs.size());
      for (Callable<T> job : jobs) {
        futures.add(pool.submit(job));
      }
      List<T> out = new ArrayList<>(jobs.size());
      ExecutionException first = null;
      for (Future<T> f : futures) {
        try {
          out.add(f.get());
        } catch (ExecutionException e) {
          first = first == null ? e : first;
        }
      }
      if (first != null) {
        throw first;
      }
      return out;
    } finally {
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }
  }
}
