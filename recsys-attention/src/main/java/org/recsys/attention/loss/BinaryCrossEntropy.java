package org.recsys.attention.loss;

/**
 * Binary cross-entropy over the target and {@code k} sampled negatives: {@code norm * (beta * softplus(-s+) +
 * sum_k softplus(s_k))}. SASRec's loss is {@code beta = norm = 1} with one negative; gBCE (Petrov and Macdonald,
 * gSASRec, RecSys 2023) is {@link #gbce}.
 *
 * @param name the config name
 * @param negatives negatives per position
 * @param beta weight of the positive's term
 * @param norm factor on the whole position's loss
 */
public record BinaryCrossEntropy(String name, int negatives, double beta, double norm) implements CandidateLoss {
  public BinaryCrossEntropy {
    if (negatives < 1) {
      throw new IllegalArgumentException(name + " needs at least one negative, got " + negatives);
    }
    if (!(beta > 0)) {
      throw new IllegalArgumentException(name + ": beta must be > 0, got " + beta);
    }
  }

  /** SASRec's BCE with {@code negatives} negatives per position. */
  public static BinaryCrossEntropy bce(int negatives) {
    return new BinaryCrossEntropy("bce", negatives, 1, 1);
  }

  /**
   * gBCE with {@code k} negatives over {@code numItems} items and calibration {@code t}: {@code alpha = k / (n -
   * 1)}, {@code beta = alpha * (t * (1 - 1/alpha) + 1/alpha)}, {@code norm = 1 / (k + 1)}.
   */
  public static BinaryCrossEntropy gbce(int k, int numItems, double t) {
    double alpha = k / (double) Math.max(numItems - 1, 1);
    return new BinaryCrossEntropy("gbce", k, alpha * (t * (1 - 1 / alpha) + 1 / alpha), 1.0 / (k + 1));
  }

  @Override
  public boolean binary() {
    return true;
  }

  /** {@code argmin_b beta * softplus(-b) + k * softplus(b) = log(beta / k)}. */
  @Override
  public double initialBias() {
    return Math.log(beta / negatives);
  }

  @Override
  public double apply(float[] s, int count, float scale) {
    float b = (float) beta;
    float sc = (float) norm * scale;
    // The positive's terms are those of a negative scored -s+: softplus(-s+) and -sigmoid(-s+).
    s[0] = -s[0];
    double rowLoss = 0;
    for (int q = 0; q < count; q++) {
      double x = s[q];
      double t = Math.exp(-Math.abs(x));
      double softplus = Math.max(x, 0) + Math.log(1 + t);
      double sigmoid = x >= 0 ? 1 / (1 + t) : t / (1 + t);
      if (q == 0) {
        rowLoss += b * softplus;
        s[q] = (float) (-b * sigmoid) * sc;
      } else {
        rowLoss += softplus;
        s[q] = (float) sigmoid * sc;
      }
    }
    return rowLoss * (float) norm;
  }

  @Override
  public String describe() {
    return name + "(negatives=" + negatives + ", beta=" + beta + ")";
  }
}
