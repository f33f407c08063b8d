package org.recsys.attention.nn;

/** A vectorisable exponential over heap arrays, for the softmax over every item. */
public final class VectorExp {
  private VectorExp() {}

  private static final float LOG2E = 1.4426950408889634f;
  private static final float LN2_HI = 0.693145751953125f;
  private static final float LN2_LO = 1.428606765330187e-06f;
  /** 1.5 * 2^23: adding it rounds a float to an integer held in the low mantissa bits. */
  private static final float ROUND = 12582912f;

  /**
   * {@code x[j] = e^x[j]} for {@code x[j] <= 0} (to about 1e-7 relative; below -87 it gives e^-87), in
   * branch-free loops short enough for C2 to vectorise: round {@code x log2 e} to {@code k}, build {@code 2^k}
   * from the rounding's bits, and scale a degree-7 polynomial of the remainder.
   */
  public static void expInPlace(float[] x, float[] shifted, int n) {
    expInPlace(x, 0f, shifted, n);
  }

  /**
   * {@code x[j] = e^(x[j] - shift)}, as {@link #expInPlace(float[], float[], int)} of the differences (a softmax
   * subtracts its maximum) without a pass of its own for the subtraction.
   */
  public static void expInPlace(float[] x, float shift, float[] shifted, int n) {
    for (int j = 0; j < n; j++) {
      float t = Math.max(x[j] - shift, -87f);
      float s = t * LOG2E + ROUND;
      float kf = s - ROUND;
      x[j] = t - kf * LN2_HI - kf * LN2_LO;
      shifted[j] = s;
    }
    for (int j = 0; j < n; j++) {
      shifted[j] = Float.intBitsToFloat((Float.floatToRawIntBits(shifted[j]) - 0x4B400000 + 127) << 23);
    }
    for (int j = 0; j < n; j++) {
      float q = x[j];
      x[j] = shifted[j] * (1f + q * (1f + q * (0.5f + q * (1f / 6 + q * (1f / 24 + q * (1f / 120 + q * (1f / 720
          + q * (1f / 5040))))))));
    }
  }

}
