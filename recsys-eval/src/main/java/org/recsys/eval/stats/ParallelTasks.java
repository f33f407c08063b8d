package org.recsys.eval.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs numbered tasks on a bounded number of threads. Tasks must write only to their own slots of shared
 * arrays; results are therefore the same for any thread count.
 */
public final class ParallelTasks {
  private static final AtomicInteger POOL_IDS = new AtomicInteger();

  private ParallelTasks() {}

  /**
   * Runs {@code task.accept(i)} for {@code i = 0..tasks-1} on up to {@code threads} threads (inline when one
   * thread suffices) and returns when all have finished. After a task fails, no new task starts; the first
   * failure is rethrown.
   */
  public static void run(int tasks, int threads, IntConsumer task) {
    int workers = Math.min(Math.max(threads, 1), tasks);
    if (workers <= 1) {
      for (int i = 0; i < tasks; i++) {
        task.accept(i);
      }
      return;
    }
    int poolId = POOL_IDS.incrementAndGet();
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "recsys-eval-" + poolId);
      t.setDaemon(true);
      return t;
    });
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        futures.add(pool.submit(() -> {
          int i;
          while (failure.get() == null && (i = next.getAndIncrement()) < tasks) {
            try {
              task.accept(i);
            } catch (Throwable e) {
              failure.compareAndSet(null, e);
            }
          }
        }));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          failure.compareAndSet(null, e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          failure.compareAndSet(null, e);
          break;
        }
      }
    } finally {
      pool.shutdownNow();
    }
    Throwable e = failure.get();
    if (e instanceof RuntimeException re) {
      throw re;
    }
    if (e instanceof Error err) {
      throw err;
    }
    if (e != null) {
      throw new IllegalStateException("a parallel task failed", e);
    }
  }
}
