package org.recsys.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * One held-out evaluation case: what the user did before, and what they did next.
 *
 * @param user external user id
 * @param history internal item ids the model may see, oldest first (may be empty for cold users)
 * @param targets the held-out item ids to retrieve (at least one, no duplicates)
 * @param candidates the items to rank (targets included), or {@code null} to rank all items
 */
public record EvalCase(String user, int[] history, int[] targets, int[] candidates) {
  public EvalCase {
    Objects.requireNonNull(user, "user");
    history = history.clone();
    targets = targets.clone();
    candidates = candidates == null ? null : candidates.clone();
    requirePositive(history, "history", user);
    requirePositive(targets, "targets", user);
    if (targets.length == 0) {
      throw new IllegalArgumentException("user " + user + ": an evaluation case needs at least one target");
    }
    int[] sorted = targets.clone();
    Arrays.sort(sorted);
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1]) {
        throw new IllegalArgumentException("user " + user + ": target item " + sorted[i] + " given twice");
      }
    }
    if (candidates != null) {
      requirePositive(candidates, "candidates", user);
      int[] cand = candidates.clone();
      Arrays.sort(cand);
      for (int t : targets) {
        if (Arrays.binarySearch(cand, t) < 0) {
          throw new IllegalArgumentException("user " + user + ": target item " + t + " is not among the candidates");
        }
      }
    }
  }

  /** A case with one target, ranked against all items. */
  public static EvalCase fullRanking(String user, int[] history, int target) {
    return new EvalCase(user, history, new int[] {target}, null);
  }

  private static void requirePositive(int[] ids, String what, String user) {
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] < 1) {
        throw new IllegalArgumentException("user " + user + ": " + what + " item id " + ids[i] + " at position " + i
            + " is not an item (ids start at 1; 0 is padding)");
      }
    }
  }

  /** The history, oldest first (a copy). */
  @Override
  public int[] history() {
    return history.clone();
  }

  /** The targets (a copy). */
  @Override
  public int[] targets() {
    return targets.clone();
  }

  /** The candidate set (a copy), or {@code null} for full ranking. */
  @Override
  public int[] candidates() {
    return candidates == null ? null : candidates.clone();
  }

  /** True when the case ranks a given candidate set rather than all items. */
  public boolean hasCandidates() {
    return candidates != null;
  }

  /** The number of history items. */
  public int historyLength() {
    return history.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EvalCase other && user.equals(other.user) && Arrays.equals(history, other.history)
        && Arrays.equals(targets, other.targets) && Arrays.equals(candidates, other.candidates);
  }

  @Override
  public int hashCode() {
    return Objects.hash(user, Arrays.hashCode(history), Arrays.hashCode(targets), Arrays.hashCode(candidates));
  }

  @Override
  public String toString() {
    return "EvalCase[user=" + user + ", history=" + history.length + " items, targets=" + Arrays.toString(targets)
        + (candidates == null ? ", all items]" : ", " + candidates.length + " candidates]");
  }
}
