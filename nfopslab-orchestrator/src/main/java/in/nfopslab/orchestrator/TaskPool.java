package in.nfopslab.orchestrator;

import java.io.IOException;
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
    return run(workers, jobs, true);
  }

  /**
   * Runs every job to its end, even when some throw (each writes its own output, which another's
   * failure should not cut short), and returns their results in job order; then, if any threw,
   * throws the failure of the first such job in job order, so what is written and what is reported
   * do not depend on the worker count or the order jobs finished.
   */
  static <T> List<T> runEach(int workers, List<Callable<T>> jobs)
      throws InterruptedException, ExecutionException {
    return run(workers, jobs, false);
  }

  private static <T> List<T> run(int workers, List<Callable<T>> jobs, boolean stopAtFailure)
      throws InterruptedException, ExecutionException {
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
          if (stopAtFailure) {
            pool.shutdownNow();
            throw e;
          }
          out.add(null);
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

  /**
   * The cause of a job's failure as what it was: an IOException (returned, for the caller to
   * throw), RuntimeException or Error is rethrown unchanged (its message names the file), anything
   * else is wrapped.
   */
  static IOException rethrow(ExecutionException e) {
    Throwable c = e.getCause();
    // the pool wraps a job's checked exception in a plain RuntimeException, and may wrap that again
    // for the waiting thread
    while (c != null && c.getClass() == RuntimeException.class && c.getCause() != null) {
      c = c.getCause();
    }
    if (c instanceof IOException io) {
      return io;
    }
    if (c instanceof RuntimeException re) {
      throw re;
    }
    if (c instanceof Error err) {
      throw err;
    }
    return new IOException(reason(c), c);
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
