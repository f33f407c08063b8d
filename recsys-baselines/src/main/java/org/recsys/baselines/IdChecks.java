package org.recsys.baselines;

import java.util.List;

/** Checks the item ids a recommender is asked about, so that a bad id fails with its position, never silently. */
public final class IdChecks {
  private IdChecks() {}

  /**
   * @throws IllegalArgumentException naming the history and position of the first id outside {@code 1..n}
   */
  public static void histories(List<int[]> histories, int n) {
    for (int h = 0; h < histories.size(); h++) {
      ids(histories.get(h), n, "history " + h);
    }
  }

  /**
   * @throws IllegalArgumentException when the batch sizes differ or a candidate is outside {@code 1..n}
   */
  public static void candidates(int[][] candidates, int batch, int n) {
    if (candidates.length != batch) {
      throw new IllegalArgumentException(batch + " users but " + candidates.length + " candidate sets");
    }
    for (int u = 0; u < candidates.length; u++) {
      ids(candidates[u], n, "candidates of user " + u);
    }
  }

  private static void ids(int[] ids, int n, String what) {
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] < 1 || ids[i] > n) {
        throw new IllegalArgumentException(what + ": item id " + ids[i] + " at position " + i
            + " is out of range (valid: 1.." + n + ", 0 is padding)");
      }
    }
  }
}
