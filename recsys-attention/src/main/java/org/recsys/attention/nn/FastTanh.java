package org.recsys.attention.nn;

/**
 * Branch-free {@code tanh} and logistic sigmoid for float kernels, accurate to about 4e-7 absolute over the
 * whole float range: a [13/6] rational minimax approximation on a clamped argument (the coefficients of
 * Eigen's {@code generic_fast_tanh_float}). Being branch-free, loops calling it over plain arrays vectorise:
 * about 0.4 ns per element here against 30 ns for {@link Math#tanh}, and the additive attention calls it
 * billions of times per epoch.
 */
public final class FastTanh {
  /** Beyond this, float tanh is +-1 within rounding. */
  private static final float CLAMP = 7.90531110763549805f;

  private FastTanh() {}

  /** {@code tanh(x)}, within about 4e-7. */
  public static float tanh(float x) {
    float c = Math.max(-CLAMP, Math.min(CLAMP, x));
    float x2 = c * c;
    float p = -2.76076847742355e-16f;
    p = p * x2 + 2.00018790482477e-13f;
    p = p * x2 + -8.60467152213735e-11f;
    p = p * x2 + 5.12229709037114e-08f;
    p = p * x2 + 1.48572235717979e-05f;
    p = p * x2 + 6.37261928875436e-04f;
    p = p * x2 + 4.89352455891786e-03f;
    float q = 1.19825839466702e-06f;
    q = q * x2 + 1.18534705686654e-04f;
    q = q * x2 + 2.26843463243900e-03f;
    q = q * x2 + 4.89352518554385e-03f;
    return c * p / q;
  }

  /** {@code 1 / (1 + e^-x)} as {@code (1 + tanh(x / 2)) / 2}. */
  public static float sigmoid(float x) {
    return 0.5f + 0.5f * tanh(0.5f * x);
  }

  /** {@code x[j] = tanh(x[j])} for {@code j < n}: a loop C2 vectorises. */
  public static void tanhInPlace(float[] x, int n) {
    for (int j = 0; j < n; j++) {
      x[j] = tanh(x[j]);
    }
  }

  /** {@code x[j] = sigmoid(x[j])} for {@code j < n}: a loop C2 vectorises. */
  public static void sigmoidInPlace(float[] x, int n) {
    for (int j = 0; j < n; j++) {
      x[j] = sigmoid(x[j]);
    }
  }
}
