package org.recsys.api;

/**
 * Turns user states into scores over items. Higher is better.
 *
 * @param <S> the batch-of-states type produced by the paired {@link Encoder}
 */
public interface Scorer<S> {
  /** The number of items {@code n}; item ids are {@code 1..n}. */
  int numItems();

  /**
   * Scores every item for every user in the batch.
   *
   * @return one row per user of length {@code numItems() + 1}; column {@code i} is item {@code i}'s score and
   *     column 0 (padding) holds {@link Float#NEGATIVE_INFINITY}
   */
  float[][] scoreAll(S states);

  /**
   * Scores a given candidate set per user.
   *
   * @param candidates one array of item ids per user in the batch
   * @return {@code scores[u][j]} is the score of {@code candidates[u][j]}
   */
  float[][] scoreCandidates(S states, int[][] candidates);
}
