package org.recsys.api;

/**
 * A model scored an item NaN or positive infinity: its weights are damaged or training diverged. Ranking such
 * scores would silently return nothing or nonsense, so they are an error. Negative infinity stays allowed: it
 * means "never recommend" (the padding column holds it).
 */
public final class NonFiniteScoreException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public NonFiniteScoreException(String message) {
    super(message);
  }

  /**
   * Returns {@code rows} of {@link Recommender#scoreAll} after checking them; column 0 (padding) is not checked.
   *
   * @throws NonFiniteScoreException naming the first history and item with a NaN or +infinity score
   */
  public static float[][] requireFiniteAll(float[][] rows) {
    for (int u = 0; u < rows.length; u++) {
      float[] row = rows[u];
      for (int item = 1; item < row.length; item++) {
        check(row[item], u, item, "item");
      }
    }
    return rows;
  }

  /**
   * Returns {@code scores} of {@link Recommender#scoreCandidates} after checking them.
   *
   * @throws NonFiniteScoreException naming the first history and candidate with a NaN or +infinity score
   */
  public static float[][] requireFiniteCandidates(float[][] scores, int[][] candidates) {
    for (int u = 0; u < scores.length; u++) {
      for (int j = 0; j < scores[u].length; j++) {
        check(scores[u][j], u, candidates[u][j], "candidate item");
      }
    }
    return scores;
  }

  /** Checks one score row of one history (column 0, padding, left out). */
  static void requireFinite(float[] row) {
    requireFiniteAll(new float[][] {row});
  }

  private static void check(float s, int history, int item, String what) {
    // One comparison for the common case; NaN fails every comparison.
    if (!(s < Float.POSITIVE_INFINITY)) {
      throw new NonFiniteScoreException("the model scored " + what + " " + item + " as " + s + " for history "
          + (history + 1) + ": its weights hold NaN or infinite values (damaged, or training diverged)");
    }
  }
}
