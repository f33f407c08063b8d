package org.recsys.attention.nn;

/** Reductions over the leading elements of a float array, shared by the passes' kernels. */
public final class Reductions {
  private Reductions() {}

  /**
   * The largest of {@code x[0..n)} ({@code -infinity} for none), NaNs skipped. A conditional move rather than
   * {@link Math#max}, whose NaN and signed-zero rules cost several instructions per element (the softmax's
   * largest part in a profile); equal to it for the finite and infinite values a softmax subtracts.
   */
  public static float max(float[] x, int n) {
    float max = Float.NEGATIVE_INFINITY;
    for (int j = 0; j < n; j++) {
      float v = x[j];
      max = v > max ? v : max;
    }
    return max;
  }

  /**
   * The sum of {@code x[0..n)}, with four accumulators: a dependency chain of one add per element is
   * latency-bound.
   */
  public static float sum(float[] x, int n) {
    float a0 = 0f;
    float a1 = 0f;
    float a2 = 0f;
    float a3 = 0f;
    int j = 0;
    for (; j + 3 < n; j += 4) {
      a0 += x[j];
      a1 += x[j + 1];
      a2 += x[j + 2];
      a3 += x[j + 3];
    }
    for (; j < n; j++) {
      a0 += x[j];
    }
    return (a0 + a1) + (a2 + a3);
  }
}
