package org.recsys.attention.nn;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The next-item training objectives the sequence models share (config names {@code bce}, {@code ce},
 * {@code sampled-softmax}, {@code gbce}); every one averages over positions that have a target.
 */
public enum NextItemLoss {
  /**
   * Binary cross-entropy with sampled negatives (the paper's, one per position):
   * {@code softplus(-s+) + sum_k softplus(s_k)}.
   */
  BCE("bce", 1),
  /** Softmax cross-entropy over every item: {@code logsumexp(s_1..s_n) - s+}. */
  CE("ce", 0),
  /** Softmax cross-entropy over the target and its sampled negatives: {@code logsumexp(s+, s_1..s_k) - s+}. */
  SAMPLED_SOFTMAX("sampled-softmax", 100),
  /**
   * Generalised BCE (Petrov and Macdonald, gSASRec, RecSys 2023):
   * {@code (beta * softplus(-s+) + sum_k softplus(s_k)) / (k + 1)} with {@code alpha = k / (n - 1)} and
   * {@code beta = alpha * (t * (1 - 1/alpha) + 1/alpha)}; {@code t = 0} is BCE, {@code t = 1} fully calibrated.
   */
  GBCE("gbce", 256);

  private final String configName;
  private final int defaultNegatives;

  NextItemLoss(String configName, int defaultNegatives) {
    this.configName = configName;
    this.defaultNegatives = defaultNegatives;
  }

  /** The name used in configs. */
  public String configName() {
    return configName;
  }

  /** Negatives per position when the config gives none (0 for {@link #CE}, which needs none). */
  public int defaultNegatives() {
    return defaultNegatives;
  }

  /** Whether batches must carry sampled negatives. */
  public boolean sampled() {
    return this != CE;
  }

  /**
   * Whether this is a binary loss ({@link #BCE}, {@link #GBCE}), which scores each candidate on its own and so,
   * unlike the softmax losses, changes when every score is shifted by the same constant.
   */
  public boolean binary() {
    return this == BCE || this == GBCE;
  }

  /**
   * The constant score that minimises a binary loss when every candidate gets the same score:
   * {@code argmin_b beta * softplus(-b) + k * softplus(b) = log(beta / k)} (BCE: {@code beta = 1}). A learned
   * score bias starts here, so that the network need not build this offset out of a direction shared by all
   * item embeddings (see {@code scoreBias} in the models' parameters).
   */
  public static double baseRateLogit(double beta, int k) {
    if (!(beta > 0) || k < 1) {
      throw new IllegalArgumentException("need beta > 0 and k >= 1, got beta=" + beta + ", k=" + k);
    }
    return Math.log(beta / k);
  }

  /** The loss with this config name, or empty. */
  public static java.util.Optional<NextItemLoss> find(String name) {
    return Arrays.stream(values()).filter(l -> l.configName.equals(name)).findFirst();
  }

  /** The valid config names, comma-separated, for error messages. */
  public static String choices() {
    return Arrays.stream(values()).map(NextItemLoss::configName).collect(Collectors.joining(", "));
  }

  /**
   * The weight of the positive's term: gBCE's beta ({@link #gbceBeta}) for {@link #GBCE}, 1 for every other loss.
   */
  public double positiveWeight(int k, int numItems, double t) {
    return this == GBCE ? gbceBeta(k, numItems, t) : 1.0;
  }

  /** gBCE's beta for {@code k} negatives over {@code numItems} items and calibration {@code t}. */
  public static double gbceBeta(int k, int numItems, double t) {
    double alpha = k / (double) Math.max(numItems - 1, 1);
    return alpha * (t * (1 - 1 / alpha) + 1 / alpha);
  }
}
