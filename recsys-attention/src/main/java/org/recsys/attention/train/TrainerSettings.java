package org.recsys.attention.train;

/**
 * How {@link SequenceTrainer} trains, whatever the network.
 *
 * @param epochs most epochs
 * @param batchSize windows per step
 * @param maxLen positions per window
 * @param validateEvery validate after every this many epochs (and after the last)
 * @param patience stop after this many validations in a row without improvement
 * @param metric validation metric key that selects the best epoch (higher is better), e.g. {@code NDCG@10}
 * @param learningRate Adam step size
 * @param beta1 Adam first-moment decay
 * @param beta2 Adam second-moment decay
 * @param epsilon Adam's denominator term
 * @param l2Embedding L2 coefficient on embedding tensors (0 for none)
 */
public record TrainerSettings(int epochs, int batchSize, int maxLen, int validateEvery, int patience, String metric,
    double learningRate, double beta1, double beta2, double epsilon, double l2Embedding) {
  public TrainerSettings {
    require(epochs >= 1, "epochs must be >= 1, got " + epochs);
    require(batchSize >= 1, "batchSize must be >= 1, got " + batchSize);
    require(maxLen >= 1, "maxLen must be >= 1, got " + maxLen);
    require(validateEvery >= 1, "validateEvery must be >= 1, got " + validateEvery);
    require(patience >= 1, "patience must be >= 1, got " + patience);
    require(metric != null && !metric.isBlank(), "metric must be named");
    require(learningRate > 0, "learningRate must be > 0, got " + learningRate);
    require(beta1 >= 0 && beta1 < 1, "beta1 must be in [0, 1), got " + beta1);
    require(beta2 >= 0 && beta2 < 1, "beta2 must be in [0, 1), got " + beta2);
    require(epsilon > 0, "epsilon must be > 0, got " + epsilon);
    require(l2Embedding >= 0, "l2Embedding must be >= 0, got " + l2Embedding);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
