package org.recsys.api.explain;

import java.util.List;

/**
 * One explained item: its score for the history and what each history item contributed to it.
 *
 * @param item the explained item's internal id
 * @param score its score with the full history, from the same scoring call as the leave-one-out scores (so
 *     {@code score - drop} is the score without an item)
 * @param contributions one per history position, largest drop first; equal drops put the more recent position
 *     first
 */
public record Explanation(int item, float score, List<Contribution> contributions) {
  public Explanation {
    contributions = List.copyOf(contributions);
  }

  /** The {@code n} largest contributions (fewer when the history is shorter). */
  public List<Contribution> top(int n) {
    return contributions.subList(0, Math.min(n, contributions.size()));
  }
}
