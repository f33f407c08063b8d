package org.recsys.attention.loss;

/**
 * A loss that scores each target position against its target and {@code k} sampled negatives.
 *
 * <p>Binary losses ({@link #binary()}) score each candidate on its own, so a constant added to every score
 * changes them; such a loss may train with a learned score bias ({@link #initialBias()}).
 */
public non-sealed interface CandidateLoss extends Loss {
  /**
   * The loss of one position. {@code scores[0]} is the target's score and {@code scores[1..count)} its
   * negatives'; on return {@code scores[i]} holds {@code scale * d(loss)/d(score_i)}.
   *
   * @return the position's loss (unscaled)
   */
  double apply(float[] scores, int count, float scale);

  /** Whether the loss scores each candidate on its own (BCE, gBCE) rather than as a softmax. */
  boolean binary();

  /**
   * Where a learned score bias starts: the constant score that minimises the loss when every candidate gets it.
   * Only binary losses have one.
   */
  default double initialBias() {
    throw new UnsupportedOperationException(name() + " has no score bias");
  }
}
