package org.recsys.attention.preset;

import org.recsys.api.ConfigException;
import org.recsys.attention.spec.TrainingSpec;

/**
 * The presets' flat training keys as the spec's {@code training} record; unset keys take the preset's defaults. A
 * bad value is an error naming its flat key ({@code model.beta2}).
 */
record FlatTraining(Double learningRate, Double beta1, Double beta2, Double l2Embedding, Integer batchSize,
    Integer epochs, Integer validateEvery, Integer patience, String metric, Integer threads) {

  /** The training spec, with {@code beta2} and {@code validateEvery} defaulting to the preset's own values. */
  TrainingSpec toSpec(double defaultBeta2, int defaultValidateEvery) {
    try {
      return new TrainingSpec(learningRate, beta1, beta2 == null ? defaultBeta2 : beta2, l2Embedding, batchSize,
          epochs, validateEvery == null ? defaultValidateEvery : validateEvery, patience, metric, threads);
    } catch (ConfigException e) {
      throw new ConfigException("model." + e.key(), e.getMessage() + " (model." + e.key() + ")", e);
    }
  }
}
