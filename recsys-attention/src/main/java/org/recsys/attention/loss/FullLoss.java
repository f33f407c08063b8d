package org.recsys.attention.loss;

import org.recsys.attention.nn.WindowItems;

/**
 * A loss that scores each target position against every item: the head produces a whole row of logits.
 *
 * @see SoftmaxCrossEntropy
 */
public non-sealed interface FullLoss extends Loss {
  @Override
  default int negatives() {
    return 0;
  }

  /**
   * Whether each position's softmax leaves out the other items of its training window (the user's own items),
   * as sampled negatives do.
   */
  boolean excludesHistory();

  /**
   * The loss of one position from its logits {@code x[1..v)} ({@code x[0]} is padding and ignored), with the
   * inputs and targets of rows {@code [from, to)} of {@code window} left out of the softmax unless they are the
   * target. On return {@code x[i]} holds {@code scale * d(loss)/d(x_i)} (0 for padding and excluded items).
   *
   * @param scratch a work array of at least {@code v} floats
   * @param window the training windows' items, or null to leave nothing out
   */
  double apply(float[] x, float[] scratch, int v, int target, float scale, WindowItems window, int from, int to);
}
