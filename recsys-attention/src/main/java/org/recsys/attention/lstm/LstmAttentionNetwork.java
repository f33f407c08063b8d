package org.recsys.attention.lstm;

import java.util.ArrayList;
import java.util.List;
import org.recsys.api.EncoderScorerRecommender;
import org.recsys.api.Recommender;
import org.recsys.attention.nn.DotProductScorer;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.nn.NextItemLoss;
import org.recsys.attention.train.PackedSequences;
import org.recsys.attention.train.ParallelGradients;
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
  private final boolean excludeHistory;
  private final double dropout;
  private final int threads;
  private final int maxLen;
  private final List<LstmAttentionPass> passes = new ArrayList<>();
  private final ParallelGradients workers;
  private LstmAttentionEncoder encoder;
  private DotProductScorer scorer;

  /**
   * @param maxLen the window the inference encoder keeps of each history (the training windows' length)
   */
  LstmAttentionNetwork(LstmAttentionWeights weights, int maxLen, NextItemLoss loss, int negatives, double gbceT,
      double dropout, int threads) {
    this(weights, maxLen, loss, negatives, gbceT, false, dropout, threads);
  }

  /** @param excludeHistory for {@code ce}: leave each window's own items out of its rows' softmax */
  LstmAttentionNetwork(LstmAttentionWeights weights, int maxLen, NextItemLoss loss, int negatives, double gbceT,
      boolean excludeHistory, double dropout, int threads) {
    if (loss.sampled() && negatives < 1) {
      throw new IllegalArgumentException("loss " + loss.configName() + " needs at least one negative");
    }
    this.weights = weights;
    this.maxLen = maxLen;
    this.loss = loss;
    this.negatives = loss.sampled() ? negatives : 0;
    this.gbceBeta = loss.positiveWeight(negatives, weights.numItems, gbceT);
    this.excludeHistory = excludeHistory && loss == NextItemLoss.CE;
    this.dropout = dropout;
    this.threads = Math.max(1, threads);
    this.workers = new ParallelGradients(weights.set, this.threads, "lstm-attention-step");
    for (int t = 0; t < this.threads; t++) {
      passes.add(new LstmAttentionPass(weights, (float) dropout, workers.gradients(t)));
    }
  }

  /** A network with freshly initialised weights. */
  static LstmAttentionNetwork create(LstmAttentionParams params, int numItems, long seed) {
    LstmAttentionWeights w = LstmAttentionWeights.allocate(params, numItems);
    w.initialise(seed);
    if (w.hasScoreBias) {
      w.value(w.scoreBias()).fill((float) params.training().initialScoreBias(numItems));
    }
    return new LstmAttentionNetwork(w, params.maxLen(), params.lossKind(), params.negativesPerPosition(),
        params.calibration(), params.training().excludesHistory(), params.dropout(), params.resolvedThreads());
  }

  LstmAttentionWeights weights() {
    return weights;
  }

  @Override
  public ParameterSet parameters() {
    return weights.set;
  }

  @Override
  public String trainingSetup() {
    return "loss=" + loss.configName() + ", negatives=" + negatives + ", gbceBeta=" + gbceBeta + ", excludeHistory="
        + excludeHistory + ", dropout=" + dropout;
  }

  @Override
  public int negativesPerPosition() {
    return negatives;
  }

  @Override
  public double computeGradients(TrainingBatch batch, long seed) {
    return workers.step(batch, weights.numItems, negatives, loss.configName(), this::cost,
        (w, packed, from, to, invCount) -> step(passes.get(w), packed, from, to, seed, invCount));
  }

  private double step(LstmAttentionPass pass, PackedSequences packed, int from, int to, long seed, float invCount) {
    pass.forward(packed, from, to, true, seed, true);
    double l = pass.loss(loss, gbceBeta, invCount, excludeHistory);
    pass.backward();
    return l;
  }

  /**
   * Each sequence's share of a step's work, for the split: per position the LSTM, combination and loss (the full
   * softmax scores every item), per pair of positions the additive attention.
   */
  private double[] cost(PackedSequences packed) {
    int d = weights.dim;
    int h = weights.hidden;
    double lossCost = loss == NextItemLoss.CE ? 6.0 * (weights.numItems + 1) * weights.stateDim()
        : 4.0 * (negatives + 1) * weights.stateDim();
    double rowCost = 24.0 * h * (d + h) * weights.layers + 12.0 * h * d + lossCost;
    double pairCost = 12.0 * weights.attention + 4.0 * h;
    double[] cost = new double[packed.count];
    for (int s = 0; s < packed.count; s++) {
      double n = packed.length(s);
      cost[s] = n * rowCost + n * n * pairCost;
    }
    return cost;
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
    passes.forEach(LstmAttentionPass::close);
    workers.close();
    if (encoder != null) {
      encoder.close();
      scorer.close();
    }
    weights.close();
  }
}
