package org.recsys.baselines;

import java.util.Arrays;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;

/** How often each item occurs in training sequences: the popularity every baseline backs off to. */
public final class ItemCounts {
  private final int[] counts;
  private final long total;

  private ItemCounts(int[] counts) {
    this.counts = counts;
    long t = 0;
    for (int c : counts) {
      t += c;
    }
    this.total = t;
  }

  /**
   * Counts the items of {@code data}.
   *
   * @throws IllegalArgumentException when {@code data} holds no interaction
   */
  public static ItemCounts of(SequenceDataset data) {
    int[] counts = new int[data.numItems() + 1];
    for (UserSequence u : data.users()) {
      for (int i = 0; i < u.length(); i++) {
        counts[u.item(i)]++;
      }
    }
    ItemCounts c = new ItemCounts(counts);
    if (c.total == 0) {
      throw new IllegalArgumentException("the training data holds no interaction (" + data.users().size()
          + " users, " + data.numItems() + " items)");
    }
    return c;
  }

  /**
   * Counts read back from {@link #toArray()}.
   *
   * @throws IllegalArgumentException when a count is negative, slot 0 is not 0 or all counts are 0
   */
  public static ItemCounts fromArray(int[] counts) {
    if (counts.length < 2 || counts[0] != 0) {
      throw new IllegalArgumentException("item counts need slot 0 = 0 and at least one item, got length "
          + counts.length);
    }
    for (int i = 1; i < counts.length; i++) {
      if (counts[i] < 0) {
        throw new IllegalArgumentException("count of item " + i + " is negative: " + counts[i]);
      }
    }
    ItemCounts c = new ItemCounts(counts.clone());
    if (c.total == 0) {
      throw new IllegalArgumentException("every item count is 0");
    }
    return c;
  }

  /** The number of items {@code n}; counts are indexed {@code 1..n}. */
  public int numItems() {
    return counts.length - 1;
  }

  /** The count of {@code item}. */
  public int count(int item) {
    return counts[item];
  }

  /** The number of interactions counted. */
  public long total() {
    return total;
  }

  /** The share of interactions that are {@code item}. */
  public double probability(int item) {
    return counts[item] / (double) total;
  }

  /** The counts indexed by item id, slot 0 unused (a copy). */
  public int[] toArray() {
    return counts.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ItemCounts other && Arrays.equals(counts, other.counts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts);
  }
}
