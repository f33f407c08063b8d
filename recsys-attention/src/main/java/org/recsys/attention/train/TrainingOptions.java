package org.recsys.attention.train;

import static org.recsys.attention.train.ParamChecks.orDefault;
import static org.recsys.attention.train.ParamChecks.positive;
import static org.recsys.attention.train.ParamChecks.unitInterval;

import org.recsys.api.ConfigException;
import org.recsys.attention.nn.NextItemLoss;

/**
 * The training hyperparameters every sequence model shares (Adam, batches, loss, validation, threads), resolved
 * from the model's flat {@code model.*} config keys. Build with {@link #resolve}, which applies the defaults and
 * checks every value.
 *
 * @param negatives negatives per position (0 for {@code ce})
 * @param gbceT gBCE's calibration, or null for the other losses
 * @param ceExcludesHistory for {@code ce}: whether the softmax leaves out the user's other items (the window's
 *     inputs and targets), as the sampled losses' negatives do; null for the other losses
 * @param scoreBias for the binary losses ({@code bce}, {@code gbce}): whether training adds one learned constant
 *     to every score, starting at {@link NextItemLoss#baseRateLogit}; null for the softmax losses, which a
 *     constant shift does not change
 */
public record TrainingOptions(double learningRate, double beta1, double beta2, double l2Embedding, int batchSize,
    int epochs, String loss, int negatives, Double gbceT, Boolean ceExcludesHistory, Boolean scoreBias,
    int validateEvery, int patience, String metric, int threads) {

  /**
   * The defaults that differ between models; the rest are shared: learningRate 0.001, beta1 0.9, l2Embedding 0,
   * batchSize 128, epochs 200, gbceT 0.75, ceExcludesHistory false, scoreBias true for gbce and for bce with
   * more than one negative (false for the paper's bce with one), patience 5, metric NDCG@10, threads 0.
   */
  public record Defaults(double beta2, NextItemLoss loss, int validateEvery) {}

  /**
   * Substitutes defaults for nulls and checks each value, in the order of the parameters.
   *
   * @throws ConfigException naming the first bad key ({@code model.learningRate}, ...)
   */
  public static TrainingOptions resolve(Defaults defaults, Double learningRate, Double beta1, Double beta2,
      Double l2Embedding, Integer batchSize, Integer epochs, String loss, Integer negatives, Double gbceT,
      Boolean ceExcludesHistory, Boolean scoreBias, Integer validateEvery, Integer patience, String metric,
      Integer threads) {
    double lr = orDefault(learningRate, 0.001);
    if (!(lr > 0 && Double.isFinite(lr))) {
      throw new ConfigException("model.learningRate", "learningRate must be > 0, got " + lr);
    }
    double b1 = unitInterval("beta1", beta1, 0.9);
    double b2 = unitInterval("beta2", beta2, defaults.beta2());
    double l2 = orDefault(l2Embedding, 0.0);
    if (!(l2 >= 0 && Double.isFinite(l2))) {
      throw new ConfigException("model.l2Embedding", "l2Embedding must be >= 0, got " + l2);
    }
    int batch = positive("batchSize", batchSize, 128);
    int ep = positive("epochs", epochs, 200);
    String lossName = orDefault(loss, defaults.loss().configName());
    NextItemLoss kind = NextItemLoss.find(lossName).orElseThrow(() -> new ConfigException("model.loss",
        "unknown loss '" + lossName + "'; valid: " + NextItemLoss.choices()));
    int k;
    if (kind == NextItemLoss.CE) {
      if (negatives != null && negatives != 0) {
        throw new ConfigException("model.negatives", "loss ce scores every item and takes no negatives, got "
            + negatives);
      }
      k = 0;
    } else {
      k = orDefault(negatives, kind.defaultNegatives());
      if (k < 1) {
        throw new ConfigException("model.negatives", "negatives must be >= 1 for loss " + lossName + ", got " + k);
      }
    }
    Double t = gbceT;
    if (t != null && kind != NextItemLoss.GBCE) {
      throw new ConfigException("model.gbceT", "gbceT applies only to loss gbce (loss is " + lossName + ")");
    }
    if (kind == NextItemLoss.GBCE) {
      t = orDefault(t, 0.75);
      if (!(t >= 0 && t <= 1)) {
        throw new ConfigException("model.gbceT", "gbceT must be in [0, 1], got " + t);
      }
    }
    Boolean exclude = ceExcludesHistory;
    if (exclude != null && kind != NextItemLoss.CE) {
      throw new ConfigException("model.ceExcludesHistory", "ceExcludesHistory applies only to loss ce (loss is "
          + lossName + "; its sampled negatives already leave out the user's items)");
    }
    if (kind == NextItemLoss.CE) {
      exclude = orDefault(exclude, false);
    }
    Boolean bias = scoreBias;
    if (bias != null && !kind.binary()) {
      throw new ConfigException("model.scoreBias", "scoreBias applies only to the binary losses bce and gbce (loss"
          + " is " + lossName + ", which adding one constant to every score does not change)");
    }
    if (kind.binary()) {
      // With many negatives a binary loss wants every score far below zero; without a bias term the network
      // builds that offset from a direction all item embeddings share, which swamps what tells items apart and
      // leaves a popularity model (BENCHMARKS.md, "gBCE").
      bias = orDefault(bias, kind == NextItemLoss.GBCE || k > 1);
    }
    int every = positive("validateEvery", validateEvery, defaults.validateEvery());
    int pat = positive("patience", patience, 5);
    String m = orDefault(metric, "NDCG@10");
    if (m.isBlank()) {
      throw new ConfigException("model.metric", "metric must name a metric such as NDCG@10");
    }
    int th = orDefault(threads, 0);
    if (th < 0) {
      throw new ConfigException("model.threads", "threads must be >= 0 (0 = all processors), got " + th);
    }
    return new TrainingOptions(lr, b1, b2, l2, batch, ep, lossName, k, t, exclude, bias, every, pat, m,
        th);
  }

  /** The loss as an enum. */
  public NextItemLoss lossKind() {
    return NextItemLoss.find(loss).orElseThrow();
  }

  /** gBCE's calibration t, or 0 for the other losses. */
  public double calibration() {
    return gbceT == null ? 0.0 : gbceT;
  }

  /** Whether full softmax leaves out the user's other items (false for the sampled losses). */
  public boolean excludesHistory() {
    return Boolean.TRUE.equals(ceExcludesHistory);
  }

  /** Whether training adds a learned constant to every score (false for the softmax losses). */
  public boolean hasScoreBias() {
    return Boolean.TRUE.equals(scoreBias);
  }

  /**
   * The score bias's starting value for a catalogue of {@code numItems}: {@link NextItemLoss#baseRateLogit} with
   * gBCE's beta (1 for BCE) and the negatives per position.
   *
   * @throws IllegalStateException for a softmax loss, which has no score bias
   */
  public double initialScoreBias(int numItems) {
    NextItemLoss kind = lossKind();
    if (!kind.binary()) {
      throw new IllegalStateException("loss " + loss + " has no score bias");
    }
    return NextItemLoss.baseRateLogit(kind.positiveWeight(negatives, numItems, calibration()), negatives);
  }

  /** {@link #threads()} with 0 resolved to the number of processors. */
  public int resolvedThreads() {
    return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
  }

  /** The {@link SequenceTrainer} settings for windows of {@code maxLen} positions. */
  public TrainerSettings settings(int maxLen) {
    return new TrainerSettings(epochs, batchSize, maxLen, validateEvery, patience, metric, learningRate, beta1,
        beta2, SequenceTrainer.ADAM_EPSILON, l2Embedding);
  }
}
