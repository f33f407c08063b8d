package org.recsys.attention.sasrec;

import java.util.ArrayList;
import java.util.List;
import org.recsys.api.EncoderScorerRecommender;
import org.recsys.api.Recommender;
import org.recsys.attention.nn.DotProductScorer;
import org.recsys.attention.nn.NextItemLoss;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.train.PackedSequences;
import org.recsys.attention.train.ParallelGradients;
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
  private final boolean excludeHistory;
  private final float dropout;
  private final int threads;
  private final List<SasRecPass> passes = new ArrayList<>();
  private final ParallelGradients workers;
  private SasRecEncoder encoder;
  private DotProductScorer scorer;

  SasRecNetwork(SasRecWeights weights, NextItemLoss loss, int negatives, double gbceT, double dropout, int threads) {
    this(weights, loss, negatives, gbceT, false, dropout, threads);
  }

  /** @param excludeHistory for {@code ce}: leave each window's own items out of its rows' softmax */
  SasRecNetwork(SasRecWeights weights, NextItemLoss loss, int negatives, double gbceT, boolean excludeHistory,
      double dropout, int threads) {
    if (loss.sampled() && negatives < 1) {
      throw new IllegalArgumentException("loss " + loss.configName() + " needs at least one negative");
    }
    this.weights = weights;
    this.loss = loss;
    this.negatives = loss.sampled() ? negatives : 0;
    this.gbceBeta = loss.positiveWeight(negatives, weights.numItems, gbceT);
    this.excludeHistory = excludeHistory && loss == NextItemLoss.CE;
    this.dropout = (float) dropout;
    this.threads = Math.max(1, threads);
    this.workers = new ParallelGradients(weights.set, this.threads, "sasrec-step");
    for (int t = 0; t < this.threads; t++) {
      passes.add(new SasRecPass(weights, this.dropout, workers.gradients(t)));
    }
  }

  /** A network with freshly initialised weights. */
  static SasRecNetwork create(SasRecParams params, int numItems, long seed) {
    SasRecWeights w = SasRecWeights.allocate(numItems, params.maxLen(), params.hiddenSize(), params.blocks(),
        params.heads(), params.positionOrigin(), params.training().hasScoreBias());
    w.initialise(seed, params.initialisation());
    if (w.hasScoreBias) {
      w.value(w.scoreBias()).fill((float) params.training().initialScoreBias(numItems));
    }
    return new SasRecNetwork(w, params.lossKind(), params.negativesPerPosition(), params.calibration(),
        params.training().excludesHistory(), params.dropout(), params.resolvedThreads());
  }

  SasRecWeights weights() {
    return weights;
  }

  @Override
  public ParameterSet parameters() {
    return weights.set;
  }

  @Override
  public String trainingSetup() {
    return "loss=" + loss.configName() + ", negatives=" + negatives + ", gbceBeta=" + gbceBeta + ", excludeHistory="
        + excludeHistory + ", dropout=" + dropout + ", positions=" + weights.positions;
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
    return workers.step(batch, weights.numItems, negatives, loss.configName(), this::cost,
        (w, packed, from, to, invCount) -> step(passes.get(w), packed, from, to, seed, invCount));
  }

  private double step(SasRecPass pass, PackedSequences packed, int from, int to, long seed, float invCount) {
    pass.forward(packed, from, to, true, seed);
    double l = pass.loss(loss, gbceBeta, invCount, excludeHistory);
    pass.backward();
    return l;
  }

  /**
   * Each sequence's share of a step's work, for the split: per position the d^2-size products and the loss (the
   * full softmax scores every item), per pair of positions the attention.
   */
  private double[] cost(PackedSequences packed) {
    int d = weights.dim;
    double lossCost = loss == NextItemLoss.CE ? 6.0 * (weights.numItems + 1) * d : 4.0 * (negatives + 1) * d;
    double rowCost = 36.0 * d * d + lossCost;
    double[] cost = new double[packed.count];
    for (int s = 0; s < packed.count; s++) {
      double n = packed.length(s);
      cost[s] = n * rowCost + n * n * 13.0 * d;
    }
    return cost;
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
    passes.forEach(SasRecPass::close);
    workers.close();
    if (encoder != null) {
      encoder.close();
      scorer.close();
    }
    weights.close();
  }
}
