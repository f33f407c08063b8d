package org.recsys.eval;

import java.util.Arrays;

/**
 * Where targets land in a score row, counted without sorting the row.
 *
 * <p>Ties are resolved against the targets: a target is ranked below every competing item that scores the
 * same, so a model that scores every item equally ranks each target last, not first. Among the targets
 * themselves, tied targets take consecutive positions (their order does not change any metric, since every
 * target has the same gain). A competing item whose score is NaN counts as scoring above every target.
 *
 * <p>Formally, with the targets sorted by score descending as {@code t_1..t_m}, target {@code t_j} gets rank
 * {@code j + |{competitors c : score(c) >= score(t_j) or score(c) is NaN}|}.
 * This costs one pass over the row (plus {@code log m} per item when there are several targets).
 */
public final class PessimisticRank {
  private PessimisticRank() {}

  /**
   * Ranks targets within {@code scores[from..scores.length)}.
   *
   * @param scores the score row
   * @param from the first index that is an item (1 for rows indexed by item id, whose column 0 is padding;
   *     0 for candidate rows)
   * @param targets indices of the targets in {@code scores} (distinct, each {@code >= from})
   * @param excluded indices that do not compete (distinct, none of them a target, each {@code >= from}), for
   *     example the items already in the user's history; may be empty
   * @return the targets' 1-based ranks, ascending
   * @throws IllegalArgumentException when a target's score is NaN
   */
  public static int[] ranks(float[] scores, int from, int[] targets, int[] excluded) {
    int m = targets.length;
    if (m == 0) {
      return new int[0];
    }
    float[] thresholds = new float[m];
    for (int j = 0; j < m; j++) {
      float s = scores[targets[j]];
      if (Float.isNaN(s)) {
        throw new IllegalArgumentException("the score of target index " + targets[j] + " is NaN");
      }
      thresholds[j] = s;
    }
    if (m == 1) {
      return new int[] {1 + competitorsAtOrAbove(scores, from, thresholds[0], targets[0], excluded)};
    }
    Arrays.sort(thresholds); // ascending
    // reach[b] counts items that reach exactly b thresholds (b = 0..m); an item reaching the j-th
    // (ascending) threshold reaches all lower ones too.
    int[] reach = new int[m + 1];
    for (int i = from; i < scores.length; i++) {
      reach[thresholdsReached(scores[i], thresholds)]++;
    }
    for (int t : targets) {
      reach[thresholdsReached(scores[t], thresholds)]--;
    }
    for (int e : excluded) {
      reach[thresholdsReached(scores[e], thresholds)]--;
    }
    // Competitors at or above ascending threshold j: the items reaching more than j thresholds.
    int[] ranks = new int[m];
    int above = 0;
    for (int j = m - 1; j >= 0; j--) {
      above += reach[j + 1];
      // Threshold j ascending is the (m - j)-th best target.
      ranks[m - 1 - j] = (m - j) + above;
    }
    return ranks;
  }

  private static int competitorsAtOrAbove(float[] scores, int from, float t, int target, int[] excluded) {
    int count = 0;
    for (int i = from; i < scores.length; i++) {
      // !(s < t) is true for s >= t and for NaN: a NaN competitor counts against the target.
      count += !(scores[i] < t) ? 1 : 0;
    }
    count--; // the target itself
    for (int e : excluded) {
      count -= !(scores[e] < t) ? 1 : 0;
    }
    return count;
  }

  /** How many ascending thresholds {@code s} reaches ({@code s >= threshold}; NaN reaches all). */
  private static int thresholdsReached(float s, float[] thresholds) {
    int lo = 0;
    int hi = thresholds.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (!(s < thresholds[mid])) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
