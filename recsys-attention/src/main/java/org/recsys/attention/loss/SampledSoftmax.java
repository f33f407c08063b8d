package org.recsys.attention.loss;

/** Softmax cross-entropy over the target and {@code k} sampled negatives: {@code logsumexp(s+, s_1..s_k) - s+}. */
public record SampledSoftmax(int negatives) implements CandidateLoss {
  public SampledSoftmax {
    if (negatives < 1) {
      throw new IllegalArgumentException("sampled-softmax needs at least one negative, got " + negatives);
    }
  }

  @Override
  public String name() {
    return "sampled-softmax";
  }

  @Override
  public boolean binary() {
    return false;
  }

  @Override
  public double apply(float[] s, int count, float scale) {
    float max = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < count; i++) {
      max = Math.max(max, s[i]);
    }
    double sum = 0;
    for (int i = 0; i < count; i++) {
      s[i] = (float) Math.exp(s[i] - max);
      sum += s[i];
    }
    double loss = Math.log(sum) - Math.log(s[0]);
    for (int i = 0; i < count; i++) {
      s[i] = ((float) (s[i] / sum) - (i == 0 ? 1f : 0f)) * scale;
    }
    return loss;
  }

  @Override
  public String describe() {
    return "sampled-softmax(negatives=" + negatives + ")";
  }
}
