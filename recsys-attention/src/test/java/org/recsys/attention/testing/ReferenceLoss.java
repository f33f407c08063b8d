package org.recsys.attention.testing;

import java.util.function.IntToDoubleFunction;

/**
 * The next-item losses of one target position in plain double precision, straight from their definitions (the
 * formulas of {@code loss/BinaryCrossEntropy}, {@code SampledSoftmax} and {@code SoftmaxCrossEntropy}, written
 * again here), for the reference networks the gradient tests check against.
 */
public final class ReferenceLoss {
  private ReferenceLoss() {}

  /**
   * The loss at one position.
   *
   * @param loss the loss's config name: {@code bce}, {@code gbce}, {@code sampled-softmax} or {@code ce}
   * @param beta gBCE's positive-score weight (1 otherwise)
   * @param sp the target's score
   * @param sn the {@code k} negatives' scores (empty for ce)
   * @param score every item's score, for ce
   * @param numItems the items ce normalises over ({@code 1..numItems})
   */
  public static double position(String loss, double beta, double sp, double[] sn, IntToDoubleFunction score,
      int numItems) {
    int k = sn.length;
    switch (loss) {
      case "bce" -> {
        double l = softplus(-sp);
        for (double s : sn) {
          l += softplus(s);
        }
        return l;
      }
      case "gbce" -> {
        double l = beta * softplus(-sp);
        for (double s : sn) {
          l += softplus(s);
        }
        return l / (k + 1);
      }
      case "sampled-softmax" -> {
        double max = sp;
        for (double s : sn) {
          max = Math.max(max, s);
        }
        double sum = Math.exp(sp - max);
        for (double s : sn) {
          sum += Math.exp(s - max);
        }
        return Math.log(sum) + max - sp;
      }
      case "ce" -> {
        double max = Double.NEGATIVE_INFINITY;
        double[] all = new double[numItems + 1];
        for (int i = 1; i <= numItems; i++) {
          all[i] = score.applyAsDouble(i);
          max = Math.max(max, all[i]);
        }
        double sum = 0;
        for (int i = 1; i <= numItems; i++) {
          sum += Math.exp(all[i] - max);
        }
        return Math.log(sum) + max - sp;
      }
      default -> throw new IllegalArgumentException("no reference for loss " + loss);
    }
  }

  /** {@code log(1 + e^x)} without overflow. */
  public static double softplus(double x) {
    return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
  }
}
