package org.recsys.eval.stats;

/**
 * The regularized incomplete beta function {@code I_x(a, b)}, by the continued fraction of Numerical Recipes
 * (modified Lentz), with the symmetry {@code I_x(a, b) = 1 - I_{1-x}(b, a)} where the fraction converges
 * slowly. Accurate to about 1e-13 relative over the range used by {@link StudentT}.
 */
public final class IncompleteBeta {
  private static final int MAX_ITERATIONS = 1_000_000;
  private static final double EPSILON = 1e-15;
  private static final double TINY = 1e-300;
  // Lanczos approximation, g = 7, n = 9.
  private static final double[] LANCZOS = {
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
  };

  private IncompleteBeta() {}

  /**
   * {@code I_x(a, b)}, the CDF at {@code x} of a Beta(a, b) variable.
   *
   * @throws IllegalArgumentException when {@code a <= 0}, {@code b <= 0} or {@code x} is outside [0, 1]
   */
  public static double regularized(double x, double a, double b) {
    if (!(a > 0) || !(b > 0)) {
      throw new IllegalArgumentException("a and b must be > 0, got a=" + a + ", b=" + b);
    }
    if (!(x >= 0 && x <= 1)) {
      throw new IllegalArgumentException("x must be in [0, 1], got " + x);
    }
    if (x == 0 || x == 1) {
      return x;
    }
    double logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
    if (x < (a + 1) / (a + b + 2)) {
      return Math.exp(logFront) * continuedFraction(x, a, b) / a;
    }
    return 1 - Math.exp(logFront) * continuedFraction(1 - x, b, a) / b;
  }

  /** {@code ln Gamma(x)} for {@code x > 0}. */
  public static double logGamma(double x) {
    if (!(x > 0)) {
      throw new IllegalArgumentException("logGamma needs x > 0, got " + x);
    }
    if (x < 0.5) {
      // Reflection keeps the Lanczos series in its accurate range.
      return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
    }
    double z = x - 1;
    double sum = LANCZOS[0];
    for (int i = 1; i < LANCZOS.length; i++) {
      sum += LANCZOS[i] / (z + i);
    }
    double t = z + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
  }

  private static double continuedFraction(double x, double a, double b) {
    double qab = a + b;
    double qap = a + 1;
    double qam = a - 1;
    double c = 1;
    double d = 1 - qab * x / qap;
    if (Math.abs(d) < TINY) {
      d = TINY;
    }
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= MAX_ITERATIONS; m++) {
      int m2 = 2 * m;
      double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
      d = 1 + aa * d;
      if (Math.abs(d) < TINY) {
        d = TINY;
      }
      c = 1 + aa / c;
      if (Math.abs(c) < TINY) {
        c = TINY;
      }
      d = 1 / d;
      h *= d * c;
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
      d = 1 + aa * d;
      if (Math.abs(d) < TINY) {
        d = TINY;
      }
      c = 1 + aa / c;
      if (Math.abs(c) < TINY) {
        c = TINY;
      }
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < EPSILON) {
        return h;
      }
    }
    throw new ArithmeticException("incomplete beta did not converge for x=" + x + ", a=" + a + ", b=" + b);
  }
}
