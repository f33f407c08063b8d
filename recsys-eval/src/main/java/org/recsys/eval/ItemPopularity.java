package org.recsys.eval;

import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;

/**
 * A popularity value per item id, used by {@link Metric#POPULARITY}. Usually the number of training
 * interactions with each item ({@link #fromDataset}), computed on the training data so the test targets do not
 * leak into it.
 */
public final class ItemPopularity {
  private final double[] byItem;

  private ItemPopularity(double[] byItem) {
    this.byItem = byItem;
  }

  /**
   * Popularity indexed by internal item id; index 0 (padding) is ignored.
   *
   * @throws IllegalArgumentException when a value is negative or not finite
   */
  public static ItemPopularity of(double[] byItemId) {
    double[] copy = byItemId.clone();
    if (copy.length > 0) {
      copy[0] = 0;
    }
    for (int i = 1; i < copy.length; i++) {
      if (!(copy[i] >= 0) || Double.isInfinite(copy[i])) {
        throw new IllegalArgumentException("popularity of item " + i + " must be finite and >= 0, got " + copy[i]);
      }
    }
    return new ItemPopularity(copy);
  }

  /** The number of interactions with each item in {@code data} (repeat interactions count each time). */
  public static ItemPopularity fromDataset(SequenceDataset data) {
    double[] counts = new double[data.numItems() + 1];
    for (UserSequence u : data.users()) {
      for (int i = 0; i < u.length(); i++) {
        counts[u.item(i)]++;
      }
    }
    return new ItemPopularity(counts);
  }

  /** The highest item id this popularity covers. */
  public int numItems() {
    return Math.max(byItem.length - 1, 0);
  }

  /** The popularity of item {@code item}. */
  public double get(int item) {
    return byItem[item];
  }
}
