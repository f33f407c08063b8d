package org.recsys.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * What a metric reads about one evaluated case. The arrays are shared with the evaluator, not copied (every
 * metric reads every case): do not change them.
 *
 * @param ranks the targets' 1-based ranks, ascending; targets that were not ranked at all are left out
 * @param targets the number of targets ({@code >= ranks.length})
 * @param topItems the recommended items, best first (at least the largest cutoff when that many were
 *     eligible); {@code null} unless some metric of the suite {@link Metric#needsTopItems() needs them}
 * @param popularity item popularity; {@code null} unless the evaluation was given one
 */
public record RankedCase(int[] ranks, int targets, int[] topItems, ItemPopularity popularity) {
  /**
   * One case per index of {@code ranks} and {@code targets}.
   *
   * @param topItems per case, or {@code null} when not kept
   */
  public static List<RankedCase> all(int[][] ranks, int[] targets, int[][] topItems, ItemPopularity popularity) {
    List<RankedCase> out = new ArrayList<>(ranks.length);
    for (int c = 0; c < ranks.length; c++) {
      out.add(new RankedCase(ranks[c], targets[c], topItems == null ? null : topItems[c], popularity));
    }
    return out;
  }
}
