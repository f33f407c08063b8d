package org.recsys.attention.train;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.Parameter;
import org.recsys.attention.nn.ParameterSet;

/**
 * Data-parallel gradient computation for a {@link TrainableNetwork}: one gradient buffer set per worker (worker 0
 * writes straight into the parameters' gradients), a pool for workers 1.., a cost-balanced split of a batch's
 * sequences into contiguous shares, and the summation of the workers' gradients into worker 0's in worker order,
 * so that a step is bit-for-bit repeatable for a given worker count.
 */
public final class ParallelGradients implements AutoCloseable {
  /** One worker's share of a step: the sequences {@code [from, to)}. */
  @FunctionalInterface
  public interface Share {
    /** Computes the share's gradients into worker {@code worker}'s buffers and returns its summed loss. */
    double run(int worker, int from, int to);
  }

  /** One worker's share of a packed batch: the sequences {@code [from, to)} of {@code packed}. */
  @FunctionalInterface
  public interface PackedShare {
    /**
     * Computes the share's gradients of {@code loss * invCount} into worker {@code worker}'s buffers and returns
     * its summed loss.
     */
    double run(int worker, PackedSequences packed, int from, int to, float invCount);
  }

  private final List<FloatTensor[]> gradients = new ArrayList<>();
  private final ExecutorService executor;

  /**
   * @param threads workers (at least 1)
   * @param threadName the name of the pool's threads
   */
  public ParallelGradients(ParameterSet parameters, int threads, String threadName) {
    int workers = Math.max(1, threads);
    for (int t = 0; t < workers; t++) {
      FloatTensor[] g = new FloatTensor[parameters.size()];
      for (int i = 0; i < g.length; i++) {
        Parameter p = parameters.get(i);
        g[i] = t == 0 ? p.gradient() : FloatTensor.zeros(p.shape());
      }
      gradients.add(g);
    }
    this.executor = workers > 1 ? Executors.newFixedThreadPool(workers - 1, r -> {
      Thread th = new Thread(r, threadName);
      th.setDaemon(true);
      return th;
    }) : null;
  }

  /**
   * One training step of a network over packed sequences: packs {@code batch} without padding, zeroes the
   * gradients, splits the sequences into shares of about equal {@code cost} and runs them.
   *
   * @param numItems the catalogue size, against which the batch's item ids are checked
   * @param negatives the negatives per position the network's loss needs
   * @param lossName the loss's config name, for the error when the batch has too few negatives
   * @param cost each packed sequence's estimated work
   * @return the mean loss per target position (0 for a batch without targets)
   */
  public double step(TrainingBatch batch, int numItems, int negatives, String lossName,
      Function<PackedSequences, double[]> cost, PackedShare share) {
    return step(batch, numItems, 0, negatives, lossName, cost, share);
  }

  /**
   * As {@link #step(TrainingBatch, int, int, String, Function, PackedShare)} for inputs that may also be one of
   * {@code specialTokens} ids after the catalogue.
   */
  public double step(TrainingBatch batch, int numItems, int specialTokens, int negatives, String lossName,
      Function<PackedSequences, double[]> cost, PackedShare share) {
    if (batch.negativesPerPosition() < negatives) {
      throw new IllegalArgumentException("loss " + lossName + " needs " + negatives
          + " negatives per position, the batch has " + batch.negativesPerPosition());
    }
    PackedSequences packed = PackedSequences.fromWindows(batch.size(), batch.maxLen(), batch.inputs(),
        batch.targets(), batch.negatives(), batch.negativesPerPosition(), numItems, specialTokens);
    zero();
    int count = packed.targetCount();
    if (count == 0) {
      return 0.0;
    }
    float invCount = 1f / count;
    int[] bounds = split(cost.apply(packed), Math.min(gradients.size(), packed.count));
    return run(bounds, (w, from, to) -> share.run(w, packed, from, to, invCount)) / count;
  }

  /** Worker {@code worker}'s gradient buffers, indexed like the parameter set. */
  public FloatTensor[] gradients(int worker) {
    return gradients.get(worker);
  }

  /** Zeroes every worker's gradients. */
  public void zero() {
    for (FloatTensor[] g : gradients) {
      for (FloatTensor t : g) {
        t.fill(0f);
      }
    }
  }

  /**
   * Contiguous ranges of sequences of about equal total cost: share {@code p} is
   * {@code [bounds[p], bounds[p + 1])}.
   */
  public static int[] split(double[] cost, int parts) {
    int count = cost.length;
    double totalCost = 0;
    for (int s = 0; s < count; s++) {
      totalCost += cost[s];
    }
    int[] bounds = new int[parts + 1];
    bounds[parts] = count;
    double acc = 0;
    int p = 1;
    for (int s = 0; s < count && p < parts; s++) {
      acc += cost[s];
      if (acc >= totalCost * p / parts) {
        bounds[p++] = s + 1;
      }
    }
    while (p < parts) {
      bounds[p++] = count;
    }
    return bounds;
  }

  /**
   * Runs share {@code p} on worker {@code p} (share 0 on the calling thread), then adds workers 1.. gradients into
   * worker 0's.
   *
   * @return the shares' losses summed in share order
   */
  public double run(int[] bounds, Share share) {
    int parts = bounds.length - 1;
    if (parts == 1) {
      return share.run(0, bounds[0], bounds[1]);
    }
    List<Future<Double>> futures = new ArrayList<>();
    for (int p = 1; p < parts; p++) {
      int worker = p;
      int from = bounds[p];
      int to = bounds[p + 1];
      futures.add(executor.submit(() -> share.run(worker, from, to)));
    }
    double total = share.run(0, bounds[0], bounds[1]);
    for (Future<Double> f : futures) {
      total += join(f);
    }
    for (int p = 1; p < parts; p++) {
      addInto(gradients.get(0), gradients.get(p));
    }
    return total;
  }

  private static double join(Future<Double> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during a training step", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    }
  }

  private static void addInto(FloatTensor[] into, FloatTensor[] from) {
    for (int i = 0; i < into.length; i++) {
      FloatBuffer a = into[i].buffer();
      FloatBuffer b = from[i].buffer();
      int n = into[i].length();
      for (int j = 0; j < n; j++) {
        a.put(j, a.get(j) + b.get(j));
      }
    }
  }

  /** Stops the pool and frees the buffers of workers 1.. (worker 0's are the parameters'). */
  @Override
  public void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
    for (int t = 1; t < gradients.size(); t++) {
      for (FloatTensor g : gradients.get(t)) {
        g.close();
      }
    }
  }
}
