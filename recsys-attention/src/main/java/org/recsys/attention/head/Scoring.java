package org.recsys.attention.head;

import org.recsys.attention.nn.FloatTensor;

/**
 * A head's scoring kernels, shared by training and inference: a state against a few candidates (heap arrays
 * in, native scratch inside), and a chunk of states against every item (native buffers), each with its backward. Training's losses and
 * inference's rankings both score through these, so a loss sees exactly the scores a recommendation ranks by.
 * Implementations hold no per-call state: callers pass their own scratch.
 */
public interface Scoring {
  /** The items scored: ids {@code 1..numItems()}. */
  int numItems();

  /** The size of the states scored. */
  int dim();

  /**
   * {@code scores[i] = score(state, candidates[i])} for {@code i < count}; {@code scratch} keeps what
   * {@link #backCandidates} reads back.
   */
  void scoreCandidates(float[] state, int[] candidates, int count, CandidateScratch scratch, float[] scores);

  /**
   * With {@code coefficients[i] = d(loss)/d(score_i)}, right after {@link #scoreCandidates} of the same
   * arguments: writes {@code d(loss)/d(state)} into {@code dState} and adds the head's parameters' gradients,
   * possibly buffered in {@code scratch} until its {@link CandidateScratch#flush}.
   */
  void backCandidates(float[] state, int[] candidates, int count, CandidateScratch scratch, float[] coefficients,
      float[] dState);

  /**
   * {@code logits[i][0..n]}: the scores of rows {@code from .. from + m} of {@code states} against every item
   * (column 0 is padding, for the caller to ignore); row-major {@code m x (n + 1)}.
   */
  void scoreAll(FloatTensor states, long from, int m, FloatTensor logits);

  /**
   * With {@code dLogits} holding d(loss)/d(logits) of {@link #scoreAll}'s rows: writes their states' gradient into
   * {@code dStates} (same rows) and adds the head's parameters' gradients.
   *
   * @param sums scratch of {@code n + 1} floats
   * @param row scratch of {@code n + 1} floats
   */
  void backAll(FloatTensor dLogits, FloatTensor states, long from, int m, FloatTensor dStates, float[] sums,
      float[] row);
}
