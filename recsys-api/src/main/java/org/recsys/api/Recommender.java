package org.recsys.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores items for users given their histories, and recommends the best ones.
 *
 * <p>Implementations are immutable after training and safe to call from several threads.
 */
public interface Recommender {
  /** The number of items {@code n}; item ids are {@code 1..n}. */
  int numItems();

  /**
   * Scores every item for each history.
   *
   * @param histories internal item ids, oldest first; empty histories are allowed
   * @return one row per history of length {@code numItems() + 1}, indexed by item id; column 0 (padding) holds
   *     {@link Float#NEGATIVE_INFINITY}
   */
  float[][] scoreAll(List<int[]> histories);

  /**
   * Scores a candidate set per history.
   *
   * @return {@code scores[u][j]} is the score of {@code candidates[u][j]}
   */
  float[][] scoreCandidates(List<int[]> histories, int[][] candidates);

  /**
   * The {@code k} best items for one history, best first.
   *
   * @param exclude item ids never to recommend (for example the history itself); may be empty
   * @throws IllegalArgumentException if the history or exclusions hold an id outside {@code 1..numItems()}
   * @throws NonFiniteScoreException if an item's score is NaN or +infinity
   */
  default List<ScoredItem> recommend(int[] history, int k, int[] exclude) {
    int n = numItems();
    checkIds(history, n, "history");
    checkIds(exclude, n, "exclude");
    float[] scores = scoreAll(List.of(history))[0];
    // Ranking would silently skip NaN scores and return nothing.
    NonFiniteScoreException.requireFinite(scores);
    boolean[] excluded = new boolean[n + 1];
    for (int item : exclude) {
      excluded[item] = true;
    }
    int[] top = TopK.select(scores, k, excluded);
    List<ScoredItem> out = new ArrayList<>(top.length);
    for (int item : top) {
      out.add(new ScoredItem(item, scores[item]));
    }
    return out;
  }

  /** The {@code k} best items for one history that are not already in it. */
  default List<ScoredItem> recommend(int[] history, int k) {
    return recommend(history, k, history);
  }

  private static void checkIds(int[] ids, int n, String what) {
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] < 1 || ids[i] > n) {
        throw new IllegalArgumentException(what + ": item id " + ids[i] + " at position " + i
            + " is out of range (valid: 1.." + n + ")");
      }
    }
  }
}
