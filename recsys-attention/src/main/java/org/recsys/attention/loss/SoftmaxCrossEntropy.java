package org.recsys.attention.loss;

import org.recsys.attention.nn.Reductions;
import org.recsys.attention.nn.VectorExp;
import org.recsys.attention.nn.WindowItems;

/**
 * Softmax cross-entropy over every item {@code 1..n}: {@code logsumexp(s_1..s_n) - s+}; with
 * {@link #excludesHistory()} the softmax leaves out the user's other items of the training window.
 */
public record SoftmaxCrossEntropy(boolean excludesHistory) implements FullLoss {
  @Override
  public String name() {
    return "ce";
  }

  @Override
  public double apply(float[] x, float[] scratch, int v, int target, float scale, WindowItems window, int from,
      int to) {
    x[0] = x[1];
    float targetLogit0 = x[target];
    if (window != null) {
      // The window's items leave the softmax (their exponentials are zeroed below); the target stays.
      for (int j = from; j < to; j++) {
        x[window.items()[j]] = Float.NEGATIVE_INFINITY;
        x[window.targets()[j]] = Float.NEGATIVE_INFINITY;
      }
      x[target] = targetLogit0;
    }
    float max = Reductions.max(x, v);
    float targetLogit = x[target];
    VectorExp.expInPlace(x, max, scratch, v);
    x[0] = 0f;
    if (window != null) {
      for (int j = from; j < to; j++) {
        if (window.items()[j] != target) {
          x[window.items()[j]] = 0f;
        }
        if (window.targets()[j] != target) {
          x[window.targets()[j]] = 0f;
        }
      }
    }
    float sum = Reductions.sum(x, v);
    double loss = Math.log(sum) + max - targetLogit;
    float inv = scale / sum;
    for (int j = 0; j < v; j++) {
      x[j] *= inv;
    }
    x[target] -= scale;
    return loss;
  }

  @Override
  public String describe() {
    return "ce(excludeHistory=" + excludesHistory + ")";
  }
}
