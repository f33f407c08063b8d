package org.recsys.attention.sasrec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.recsys.api.EncoderScorerRecommender;
import org.recsys.api.Recommender;
import org.recsys.attention.nn.Blas;
import org.recsys.attention.nn.DotProductScorer;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.NextItemLoss;
import org.recsys.attention.nn.Parameter;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.train.PackedSequences;
import org.recsys.attention.train.TrainableNetwork;
import org.recsys.attention.train.TrainingBatch;

/**
 * SASRec as a {@link TrainableNetwork}: a step packs the batch's windows without padding, splits the sequences
 * into contiguous shares of about equal work, runs one {@link SasRecPass} per thread (each with its own
 * gradient buffers; the first writes straight into the parameters' gradients) and sums the gradients.
 *
 * <p>With the same seed and thread count, steps are bit-for-bit repeatable; dropout masks depend only on the
 * seed and each sequence's index in the batch, so another thread count changes only float summation order.
 */
public final class SasRecNetwork implements TrainableNetwork {
  private final SasRecWeights weights;
  private final NextItemLoss loss;
  private final int negatives;
  private final double gbceBeta;
  private final float dropout;
  private final int threads;
  private final List<SasRecPass> passes = new ArrayList<>();
  private final List<FloatTensor[]> passGrads = new ArrayList<>();
  private final ExecutorService executor;
  private SasRecEncoder encoder;
  private DotProductScorer scorer;

  SasRecNetwork(SasRecWeights weights, NextItemLoss loss, int negatives, double gbceT, double dropout, int threads) {
    if (loss.sampled() && negatives < 1) {
      throw new IllegalArgumentException("loss " + loss.configName() + " needs at least one negative");
    }
    this.weights = weights;
    this.loss = loss;
    this.negatives = loss.sampled() ? negatives : 0;
    this.gbceBeta = loss == NextItemLoss.GBCE ? NextItemLoss.gbceBeta(negatives, weights.numItems, gbceT) : 1.0;
    this.dropout = (float) dropout;
    this.threads = Math.max(1, threads);
    Blas.useSingleThreadedBlas();
    for (int t = 0; t < this.threads; t++) {
      FloatTensor[] g = new FloatTensor[weights.set.size()];
      for (int i = 0; i < g.length; i++) {
        Parameter p = weights.set.get(i);
        g[i] = t == 0 ? p.gradient() : FloatTensor.zeros(p.shape());
      }
      passGrads.add(g);
      passes.add(new SasRecPass(weights, this.dropout, g));
    }
    this.executor = this.threads > 1 ? Executors.newFixedThreadPool(this.threads - 1, r -> {
      Thread th = new Thread(r, "sasrec-step");
      th.setDaemon(true);
      return th;
    }) : null;
  }

  /** A network with freshly initialised weights. */
  static SasRecNetwork create(SasRecParams params, int numItems, long seed) {
    SasRecWeights w = SasRecWeights.allocate(numItems, params.maxLen(), params.hiddenSize(), params.blocks(),
        params.heads());
    w.initialise(seed);
    return new SasRecNetwork(w, params.lossKind(), params.negativesPerPosition(), params.calibration(),
        params.dropout(), params.resolvedThreads());
  }

  SasRecWeights weights() {
    return weights;
  }

  @Override
  public ParameterSet parameters() {
    return weights.set;
  }

  @Override
  public int negativesPerPosition() {
    return negatives;
  }

  @Override
  public double computeGradients(TrainingBatch batch, long seed) {
    if (batch.maxLen() != weights.maxLen) {
      throw new IllegalArgumentException("batch windows of " + batch.maxLen() + " positions for a network of maxLen "
          + weights.maxLen);
    }
    if (batch.negativesPerPosition() < negatives) {
      throw new IllegalArgumentException("loss " + loss.configName() + " needs " + negatives
          + " negatives per position, the batch has " + batch.negativesPerPosition());
    }
    PackedSequences packed = PackedSequences.fromWindows(batch.size(), batch.maxLen(), batch.inputs(),
        batch.targets(), batch.negatives(), batch.negativesPerPosition(), weights.numItems);
    for (FloatTensor[] g : passGrads) {
      for (FloatTensor t : g) {
        t.fill(0f);
      }
    }
    int count = packed.targetCount();
    if (count == 0) {
      return 0.0;
    }
    float invCount = 1f / count;
    int[] bounds = split(packed, Math.min(threads, packed.count));
    int parts = bounds.length - 1;
    double total;
    if (parts == 1) {
      total = step(passes.get(0), packed, 0, packed.count, seed, invCount);
    } else {
      List<Future<Double>> futures = new ArrayList<>();
      for (int p = 1; p < parts; p++) {
        SasRecPass pass = passes.get(p);
        int from = bounds[p];
        int to = bounds[p + 1];
        futures.add(executor.submit(() -> step(pass, packed, from, to, seed, invCount)));
      }
      total = step(passes.get(0), packed, bounds[0], bounds[1], seed, invCount);
      for (Future<Double> f : futures) {
        total += join(f);
      }
      for (int p = 1; p < parts; p++) {
        addInto(passGrads.get(0), passGrads.get(p));
      }
    }
    return total / count;
  }

  private double step(SasRecPass pass, PackedSequences packed, int from, int to, long seed, float invCount) {
    pass.forward(packed, from, to, true, seed);
    double l = pass.loss(loss, gbceBeta, invCount);
    pass.backward();
    return l;
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

  /** Contiguous sequence ranges of about equal cost: rows cost d^2-size products, attention n^2 * d. */
  private int[] split(PackedSequences packed, int parts) {
    int d = weights.dim;
    double[] cost = new double[packed.count];
    double totalCost = 0;
    for (int s = 0; s < packed.count; s++) {
      double n = packed.length(s);
      cost[s] = n * 36.0 * d * d + n * n * 13.0 * d;
      totalCost += cost[s];
    }
    int[] bounds = new int[parts + 1];
    bounds[parts] = packed.count;
    double acc = 0;
    int p = 1;
    for (int s = 0; s < packed.count && p < parts; s++) {
      acc += cost[s];
      if (acc >= totalCost * p / parts) {
        bounds[p++] = s + 1;
      }
    }
    while (p < parts) {
      bounds[p++] = packed.count;
    }
    return bounds;
  }

  private static void addInto(FloatTensor[] into, FloatTensor[] from) {
    for (int i = 0; i < into.length; i++) {
      java.nio.FloatBuffer a = into[i].buffer();
      java.nio.FloatBuffer b = from[i].buffer();
      int n = into[i].length();
      for (int j = 0; j < n; j++) {
        a.put(j, a.get(j) + b.get(j));
      }
    }
  }

  @Override
  public Recommender recommender() {
    if (encoder == null) {
      encoder = new SasRecEncoder(weights);
      scorer = new DotProductScorer(weights.value(SasRecWeights.ITEM));
    }
    return new EncoderScorerRecommender<>(encoder, scorer);
  }

  /** The inference encoder over the current weights. */
  SasRecEncoder encoder() {
    recommender();
    return encoder;
  }

  /** Runs a forward pass without dropout on packed histories and returns every row's output (test hook). */
  float[][] outputs(PackedSequences packed) {
    SasRecPass pass = new SasRecPass(weights, 0f, null);
    try {
      pass.forward(packed, 0, packed.count, false, 0L);
      float[][] out = new float[packed.rows][];
      for (int r = 0; r < packed.rows; r++) {
        out[r] = pass.outputRow(r);
      }
      return out;
    } finally {
      pass.close();
    }
  }

  @Override
  public void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
    passes.forEach(SasRecPass::close);
    for (int t = 1; t < passGrads.size(); t++) {
      for (FloatTensor g : passGrads.get(t)) {
        g.close();
      }
    }
    if (encoder != null) {
      encoder.close();
      scorer.close();
    }
    weights.close();
  }
}
