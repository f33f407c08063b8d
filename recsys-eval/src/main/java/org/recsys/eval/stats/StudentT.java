package org.recsys.eval.stats;

/** Student's t distribution, through {@link IncompleteBeta}. */
public final class StudentT {
  private StudentT() {}

  /**
   * {@code P(T <= t)} for {@code df} degrees of freedom:
   * {@code 1 - I_{df/(df+t^2)}(df/2, 1/2) / 2} for {@code t >= 0}, and symmetric for {@code t < 0}.
   *
   * @throws IllegalArgumentException when {@code df <= 0} or {@code t} is NaN
   */
  public static double cdf(double t, double df) {
    double tail = twoSidedP(t, df) / 2;
    return t >= 0 ? 1 - tail : tail;
  }

  /** The two-sided p-value {@code P(|T| >= |t|) = I_{df/(df+t^2)}(df/2, 1/2)}. */
  public static double twoSidedP(double t, double df) {
    if (!(df > 0)) {
      throw new IllegalArgumentException("degrees of freedom must be > 0, got " + df);
    }
    if (Double.isNaN(t)) {
      throw new IllegalArgumentException("t is NaN");
    }
    if (Double.isInfinite(t)) {
      return 0;
    }
    double t2 = t * t;
    double x = df / (df + t2);
    return IncompleteBeta.regularized(x, df / 2, 0.5);
  }
}
