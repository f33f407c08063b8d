package org.recsys.data.sampling;

import java.util.SplittableRandom;

/**
 * Draws indices {@code 0..n-1} in proportion to non-negative weights in O(1) per draw (Walker's alias
 * method). Immutable and thread-safe; the random source is passed to each draw.
 */
public final class AliasTable {
  private final double[] probability;
  private final int[] alias;

  /**
   * Builds the table.
   *
   * @throws IllegalArgumentException if a weight is negative or not finite, or all weights are zero
   */
  public AliasTable(double[] weights) {
    int n = weights.length;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
        throw new IllegalArgumentException("weight " + i + " is " + weights[i] + "; weights must be finite and >= 0");
      }
      sum += weights[i];
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException("all " + n + " weights are zero");
    }
    probability = new double[n];
    alias = new int[n];
    double[] scaled = new double[n];
    int[] small = new int[n];
    int[] large = new int[n];
    int ns = 0;
    int nl = 0;
    for (int i = 0; i < n; i++) {
      scaled[i] = weights[i] * n / sum;
      if (scaled[i] < 1.0) {
        small[ns++] = i;
      } else {
        large[nl++] = i;
      }
    }
    while (ns > 0 && nl > 0) {
      int s = small[--ns];
      int l = large[--nl];
      probability[s] = scaled[s];
      alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1.0;
      if (scaled[l] < 1.0) {
        small[ns++] = l;
      } else {
        large[nl++] = l;
      }
    }
    // Left-overs are 1 up to rounding.
    while (nl > 0) {
      int l = large[--nl];
      probability[l] = 1.0;
      alias[l] = l;
    }
    while (ns > 0) {
      int s = small[--ns];
      probability[s] = 1.0;
      alias[s] = s;
    }
  }

  /** The number of indices. */
  public int size() {
    return probability.length;
  }

  /** One index drawn in proportion to its weight. */
  public int sample(SplittableRandom random) {
    int i = random.nextInt(probability.length);
    return random.nextDouble() < probability[i] ? i : alias[i];
  }
}
