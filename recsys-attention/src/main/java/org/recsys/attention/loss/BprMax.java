package org.recsys.attention.loss;

/**
 * BPR-max (Hidasi and Karatzoglou, CIKM 2018, the improved GRU4Rec loss): the target is compared with the
 * negatives weighted by their softmax, so the highest-scoring negatives dominate the gradient, plus a
 * softmax-weighted score regulariser:
 * {@code -log(sum_j w_j sigmoid(s+ - s_j)) + regularization * sum_j w_j s_j^2}, {@code w = softmax(s_1..s_k)}.
 *
 * @param negatives sampled negatives per position
 * @param regularization weight of the score regulariser ({@code bpreg} in GRU4Rec's code)
 */
public record BprMax(int negatives, double regularization) implements CandidateLoss {
  // GRU4Rec adds the same constant so that a vanishing sum does not give an infinite loss.
  private static final double TINY = 1e-24;

  public BprMax {
    if (negatives < 1) {
      throw new IllegalArgumentException("bpr-max needs at least one negative, got " + negatives);
    }
    if (!(regularization >= 0) || Double.isInfinite(regularization)) {
      throw new IllegalArgumentException("bpr-max's regularization must be >= 0, got " + regularization);
    }
  }

  @Override
  public String name() {
    return "bpr-max";
  }

  @Override
  public boolean binary() {
    return false;
  }

  @Override
  public double apply(float[] s, int count, float scale) {
    double positive = s[0];
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 1; j < count; j++) {
      max = Math.max(max, s[j]);
    }
    double z = 0;
    for (int j = 1; j < count; j++) {
      z += Math.exp(s[j] - max);
    }
    // p = sum w_j sig_j, r = sum w_j s_j^2, q = sum w_j sig_j (1 - sig_j): the three sums the gradients need.
    double p = 0;
    double r = 0;
    double q = 0;
    for (int j = 1; j < count; j++) {
      double w = Math.exp(s[j] - max) / z;
      double sig = sigmoid(positive - s[j]);
      p += w * sig;
      r += w * s[j] * s[j];
      q += w * sig * (1 - sig);
    }
    double pt = p + TINY;
    double loss = -Math.log(pt) + regularization * r;
    for (int j = 1; j < count; j++) {
      double sj = s[j];
      double w = Math.exp(sj - max) / z;
      double sig = sigmoid(positive - sj);
      double g = w * (1 - sig * sig / pt) + regularization * w * (sj * sj - r + 2 * sj);
      s[j] = (float) (g * scale);
    }
    s[0] = (float) (-q / pt * scale);
    return loss;
  }

  private static double sigmoid(double x) {
    return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
  }

  @Override
  public String describe() {
    return "bpr-max(negatives=" + negatives + ", regularization=" + regularization + ")";
  }
}
