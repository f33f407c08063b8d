package org.recsys.attention.lstm;

import java.nio.FloatBuffer;
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
import org.recsys.attention.nn.Parameter;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.nn.NextItemLoss;
import org.recsys.attention.train.PackedSequences;
import org.recsys.attention.train.TrainableNetwork;
import org.recsys.attention.train.TrainingBatch;

/**
 * The LSTM-attention network as a {@link TrainableNetwork}, trained on every position of each window: a step
 * packs the batch's windows without padding, splits the sequences into contiguous shares of about equal work, runs
 * one {@link LstmAttentionPass} per thread (each with its own gradient buffers; the first writes straight into
 * the parameters' gradients) and sums the gradients.
 *
 * <p>With the same seed and thread count, steps are bit-for-bit repeatable; dropout masks depend only on the seed
 * and each sequence's index in the batch, so another thread count changes only float summation order.
 */
public final class LstmAttentionNetwork implements TrainableNetwork {
  private final LstmAttentionWeights weights;
  private final NextItemLoss loss;
  private final int negatives;
  private final double gbceBeta;
  private final int threads;
  private final int maxLen;
  private final List<LstmAttentionPass> passes = new ArrayList<>();
  private final List<FloatTensor[]> passGrads = new ArrayList<>();
  private final ExecutorService executor;
  private LstmAttentionEncoder encoder;
  private DotProductScorer scorer;

  /**
   * @param maxLen the window the inference encoder keeps of each history (the training windows' length)
   */
  LstmAttentionNetwork(LstmAttentionWeights weights, int maxLen, NextItemLoss loss, int negatives, double gbceT,
      double dropout, int threads) {
    if (loss.sampled() && negatives < 1) {
      throw new IllegalArgumentException("loss " + loss.configName() + " needs at least one negative");
    }
    this.weights = weights;
    this.maxLen = maxLen;
    this.loss = loss;
    this.negatives = loss.sampled() ? negatives : 0;
    this.gbceBeta = loss == NextItemLoss.GBCE ? NextItemLoss.gbceBeta(negatives, weights.numItems, gbceT) : 1.0;
    this.threads = Math.max(1, threads);
    Blas.useSingleThreadedBlas();
    for (int t = 0; t < this.threads; t++) {
      FloatTensor[] g = new FloatTensor[weights.set.size()];
      for (int i = 0; i < g.length; i++) {
        Parameter p = weights.set.get(i);
        g[i] = t == 0 ? p.gradient() : FloatTensor.zeros(p.shape());
      }
      passGrads.add(g);
      passes.add(new LstmAttentionPass(weights, (float) dropout, g));
    }
    this.executor = this.threads > 1 ? Executors.newFixedThreadPool(this.threads - 1, r -> {
      Thread th = new Thread(r, "lstm-attention-step");
      th.setDaemon(true);
      return th;
    }) : null;
  }

  /** A network with freshly initialised weights. */
  static LstmAttentionNetwork create(LstmAttentionParams params, int numItems, long seed) {
    LstmAttentionWeights w = LstmAttentionWeights.allocate(params, numItems);
    w.initialise(seed);
    return new LstmAttentionNetwork(w, params.maxLen(), params.lossKind(), params.negativesPerPosition(), params.calibration(),
        params.dropout(), params.resolvedThreads());
  }

  LstmAttentionWeights weights() {
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
    if (batch.negativesPerPosition() < negatives) {
      throw new IllegalArgumentException("loss " + loss.configName() + " needs " + negatives
          + " negatives per position, the batch has " + batch.negativesPerPosition());
    }
    PackedSequences packed = PackedSequences.fromWindows(batch.size(), batch.maxLen(), batch.inputs(), batch.targets(),
        batch.negatives(), batch.negativesPerPosition(), weights.numItems);
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
        LstmAttentionPass pass = passes.get(p);
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

  private double step(LstmAttentionPass pass, PackedSequences packed, int from, int to, long seed, float invCount) {
    pass.forward(packed, from, to, true, seed, true);
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

  /**
   * Contiguous sequence ranges of about equal cost: per position the LSTM, combination and loss (the full
   * softmax scores every item), per pair of positions the additive attention.
   */
  private int[] split(PackedSequences packed, int parts) {
    int d = weights.dim;
    int h = weights.hidden;
    double lossCost = loss == NextItemLoss.CE ? 6.0 * (weights.numItems + 1) * weights.stateDim()
        : 4.0 * (negatives + 1) * weights.stateDim();
    double rowCost = 24.0 * h * (d + h) * weights.layers + 12.0 * h * d + lossCost;
    double pairCost = 12.0 * weights.attention + 4.0 * h;
    double[] cost = new double[packed.count];
    double totalCost = 0;
    for (int s = 0; s < packed.count; s++) {
      double n = packed.length(s);
      cost[s] = n * rowCost + n * n * pairCost;
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
      FloatBuffer a = into[i].buffer();
      FloatBuffer b = from[i].buffer();
      int n = into[i].length();
      for (int j = 0; j < n; j++) {
        a.put(j, a.get(j) + b.get(j));
      }
    }
  }

  @Override
  public Recommender recommender() {
    if (encoder == null) {
      encoder = new LstmAttentionEncoder(weights, maxLen);
      scorer = new DotProductScorer(weights.value(weights.scoreTable()));
    }
    return new EncoderScorerRecommender<>(encoder, scorer);
  }

  /** The inference encoder over the current weights. */
  LstmAttentionEncoder encoder() {
    recommender();
    return encoder;
  }

  /** Runs a forward pass without dropout and returns every row's state (test hook). */
  float[][] outputs(PackedSequences packed) {
    try (LstmAttentionPass pass = new LstmAttentionPass(weights, 0f, null)) {
      pass.forward(packed, 0, packed.count, false, 0L, true);
      float[][] out = new float[packed.rows][];
      for (int r = 0; r < packed.rows; r++) {
        out[r] = pass.outputRow(r);
      }
      return out;
    }
  }

  @Override
  public void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
    passes.forEach(LstmAttentionPass::close);
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
