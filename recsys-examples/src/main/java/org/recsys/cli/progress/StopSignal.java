package org.recsys.cli.progress;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (SIGINT / SIGTERM) into a polite request: the trainer sees {@link #requested()}, writes a
 * checkpoint and stops (evaluation and reporting stop too), and the JVM exits only once {@link #finished()} was
 * called or a grace period passed.
 */
public final class StopSignal implements AutoCloseable {
  private static final long GRACE_SECONDS = 60;
  private volatile boolean requested;
  private final CountDownLatch done = new CountDownLatch(1);
  private final Thread hook;

  private StopSignal(boolean install) {
    hook = new Thread(this::onShutdown, "recsys-stop");
    if (install) {
      Runtime.getRuntime().addShutdownHook(hook);
    }
  }

  /** A signal wired to the JVM's shutdown (Ctrl-C). */
  public static StopSignal install() {
    return new StopSignal(true);
  }

  /** A signal that only {@link #request()} sets (for tests). */
  public static StopSignal manual() {
    return new StopSignal(false);
  }

  /** True once a stop was asked for. */
  public boolean requested() {
    return requested;
  }

  /** Asks for a stop. */
  public void request() {
    requested = true;
  }

  /** Tells the signal that the work has stopped and its files are safe, so the JVM may exit. */
  public void finished() {
    done.countDown();
  }

  private void onShutdown() {
    if (done.getCount() == 0) {
      return;
    }
    requested = true;
    System.err.println("\nrecsys: stopping at the next safe point (a checkpoint when training); the unfinished run"
        + " is kept for --resume...");
    try {
      done.await(GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    finished();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // Already shutting down, or never installed: nothing to remove.
    }
  }
}
