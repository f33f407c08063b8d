package org.recsys.attention.spec;

import static org.recsys.attention.spec.SpecChecks.orDefault;
import static org.recsys.attention.spec.SpecChecks.positive;
import static org.recsys.attention.spec.SpecChecks.unitInterval;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.recsys.api.ConfigException;
import org.recsys.attention.train.SequenceTrainer;
import org.recsys.attention.train.TrainerSettings;

/**
 * How a sequential model is trained ({@code model.training}): Adam, batches, validation and early stopping,
 * threads. Every field may be omitted; the defaults are SASRec's ML-1M settings.
 *
 * @param learningRate Adam step size (0.001)
 * @param beta1 Adam first-moment decay (0.9)
 * @param beta2 Adam second-moment decay (0.98)
 * @param l2Embedding L2 coefficient on the embedding tables (0)
 * @param batchSize windows per step (128)
 * @param epochs most epochs (200)
 * @param validateEvery validate every this many epochs (10); the last epoch always is
 * @param patience stop after this many validations in a row without improvement (5)
 * @param metric the validation metric that picks the best epoch ({@code NDCG@10})
 * @param threads compute threads of a step, 0 for every processor (0)
 */
public record TrainingSpec(Double learningRate, Double beta1, Double beta2, Double l2Embedding, Integer batchSize,
    Integer epochs, Integer validateEvery, Integer patience, String metric, Integer threads) {
  public TrainingSpec {
    learningRate = SpecChecks.positive("learningRate", learningRate, 0.001);
    beta1 = unitInterval("beta1", beta1, 0.9);
    beta2 = unitInterval("beta2", beta2, 0.98);
    l2Embedding = orDefault(l2Embedding, 0.0);
    if (!(l2Embedding >= 0 && Double.isFinite(l2Embedding))) {
      throw new ConfigException("l2Embedding", "l2Embedding must be >= 0, got " + l2Embedding);
    }
    batchSize = positive("batchSize", batchSize, 128);
    epochs = positive("epochs", epochs, 200);
    validateEvery = positive("validateEvery", validateEvery, 10);
    patience = positive("patience", patience, 5);
    metric = orDefault(metric, "NDCG@10");
    if (metric.isBlank()) {
      throw new ConfigException("metric", "metric must name a metric such as NDCG@10");
    }
    threads = SpecChecks.nonNegative("threads", threads, 0);
  }

  /** The defaults. */
  public static TrainingSpec defaults() {
    return new TrainingSpec(null, null, null, null, null, null, null, null, null, null);
  }

  /** {@link #threads()} with 0 resolved to the number of processors. */
  @JsonIgnore
  public int resolvedThreads() {
    return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
  }

  /** The trainer's settings for windows of {@code maxLen}. */
  public TrainerSettings settings(int maxLen) {
    return new TrainerSettings(epochs, batchSize, maxLen, validateEvery, patience, metric, learningRate, beta1, beta2,
        SequenceTrainer.ADAM_EPSILON, l2Embedding);
  }
}
