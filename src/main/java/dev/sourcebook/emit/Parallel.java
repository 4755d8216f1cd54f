package dev.sourcebook.emit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks that write files on a pool of daemon threads made for the call, and gives their
 * results in the order of the tasks. The first failure is thrown as the task threw it; the other
 * tasks are stopped, and have stopped, before it is (so that the caller may delete what was
 * written).
 */
public final class Parallel {
  private Parallel() {}

  /** A task that may fail with an {@link IOException}. */
  @FunctionalInterface
  public interface Task<T> {
    T run() throws IOException;
  }

  public static <T> List<T> run(List<Task<T>> tasks, int threads, String threadName) throws IOException {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(threads, tasks.size())),
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<T>> running = new ArrayList<>();
      for (Task<T> task : tasks) running.add(pool.submit(task::run));
      List<T> out = new ArrayList<>();
      for (Future<T> f : running) out.add(f.get());
      return out;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) throw io;
      if (e.getCause() instanceof UncheckedIOException io) throw io.getCause();
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing", e);
    } finally {
      pool.shutdownNow();
      awaitQuietly(pool);
    }
  }

  private static void awaitQuietly(ExecutorService pool) {
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.SECONDS)) break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }
}
