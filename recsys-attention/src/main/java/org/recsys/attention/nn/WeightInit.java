package org.recsys.attention.nn;

import java.util.SplittableRandom;

/**
 * Random initialisation of tensors from a seeded {@link SplittableRandom}, value by value in storage order, so
 * the same seed and the same sequence of calls give the same weights.
 */
public final class WeightInit {
  private WeightInit() {}

  /** Xavier-normal for a {@code [rows, cols]} matrix: std {@code sqrt(2 / (rows + cols))}. */
  public static void xavier(FloatTensor t, int rows, int cols, SplittableRandom random) {
    normal(t, Math.sqrt(2.0 / (rows + cols)), random);
  }

  /** Normal with mean 0 and standard deviation {@code std}. */
  public static void normal(FloatTensor t, double std, SplittableRandom random) {
    for (int i = 0; i < t.length(); i++) {
      t.set(i, (float) (gaussian(random) * std));
    }
  }

  /** Uniform in {@code [-bound, bound)}. */
  public static void uniform(FloatTensor t, float bound, SplittableRandom random) {
    for (int i = 0; i < t.length(); i++) {
      t.set(i, (float) ((random.nextDouble() * 2 - 1) * bound));
    }
  }

  /** A standard normal by the polar method (two uniforms per try, so it depends only on the stream). */
  private static double gaussian(SplittableRandom random) {
    double u;
    double v;
    double s;
    do {
      u = random.nextDouble() * 2 - 1;
      v = random.nextDouble() * 2 - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    return u * Math.sqrt(-2 * Math.log(s) / s);
  }
}
