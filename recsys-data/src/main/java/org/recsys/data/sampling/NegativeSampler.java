package org.recsys.data.sampling;

import java.util.SplittableRandom;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;

/**
 * Draws negative items: items a user has not interacted with, either uniformly or in proportion to their
 * popularity in a data set. Seeded: the same seed and the same calls give the same items.
 *
 * <p>Use: set the user's items with {@link #exclude(int[])} (O(length), no allocation), then draw with
 * {@link #next()} or {@link #fill}. Draws are O(1) expected (rejection), falling back to an explicit list of
 * allowed items when the user has seen most of the likely ones. Not thread-safe: use one sampler per thread
 * (create more with {@link #copy(long)}).
 */
public final class NegativeSampler {
  private static final int MAX_REJECTIONS = 32;

  private final int numItems;
  private final AliasTable popularity;
  private final double[] weights;
  private final int[] stamp;
  private int generation;
  private int excludedCount;
  private int[] allowed;
  private double[] allowedCumulative;
  private SplittableRandom random;

  private NegativeSampler(int numItems, double[] weights, long seed) {
    if (numItems < 1) {
      throw new IllegalArgumentException("a sampler needs at least one item, got " + numItems);
    }
    this.numItems = numItems;
    this.weights = weights;
    this.popularity = weights == null ? null : new AliasTable(weights);
    this.stamp = new int[numItems + 1];
    this.generation = 1;
    this.random = new SplittableRandom(seed);
  }

  /** Uniform over items {@code 1..numItems}. */
  public static NegativeSampler uniform(int numItems, long seed) {
    return new NegativeSampler(numItems, null, seed);
  }

  /**
   * Proportional to each item's number of interactions in {@code data} (items never seen there are never
   * drawn).
   */
  public static NegativeSampler popularity(SequenceDataset data, long seed) {
    double[] w = new double[data.numItems() + 1];
    for (UserSequence u : data.users()) {
      for (int i = 0; i < u.length(); i++) {
        w[u.item(i)]++;
      }
    }
    return new NegativeSampler(data.numItems(), w, seed);
  }

  /** Proportional to {@code counts[item]} for items {@code 1..counts.length-1} ({@code counts[0]} is ignored). */
  public static NegativeSampler popularity(long[] counts, long seed) {
    double[] w = new double[counts.length];
    for (int i = 1; i < counts.length; i++) {
      if (counts[i] < 0) {
        throw new IllegalArgumentException("count of item " + i + " is negative: " + counts[i]);
      }
      w[i] = counts[i];
    }
    return new NegativeSampler(counts.length - 1, w, seed);
  }

  /** {@code "uniform"} or {@code "popularity"}, for protocols and reports. */
  public String kind() {
    return popularity == null ? "uniform" : "popularity";
  }

  /** The number of items; draws are in {@code 1..numItems()}. */
  public int numItems() {
    return numItems;
  }

  /** An independent sampler of the same kind and weights with its own seed and no exclusions. */
  public NegativeSampler copy(long seed) {
    return new NegativeSampler(numItems, weights, seed);
  }

  /** Restarts the random stream from {@code seed} (e.g. once per epoch, so epochs are reproducible alone). */
  public void reseed(long seed) {
    random = new SplittableRandom(seed);
  }

  /** Makes {@code items} (ids in 1..numItems, repeats allowed) the only excluded items. */
  public void exclude(int[] items) {
    exclude(items, 0, items.length);
  }

  /** Makes {@code items[from..to)} the only excluded items. */
  public void exclude(int[] items, int from, int to) {
    if (++generation == Integer.MAX_VALUE) {
      java.util.Arrays.fill(stamp, 0);
      generation = 1;
    }
    excludedCount = 0;
    allowed = null;
    alsoExclude(items, from, to);
  }

  /** Adds {@code items} to the excluded items. */
  public void alsoExclude(int[] items) {
    alsoExclude(items, 0, items.length);
  }

  private void alsoExclude(int[] items, int from, int to) {
    for (int i = from; i < to; i++) {
      int item = items[i];
      if (item < 1 || item > numItems) {
        throw new IllegalArgumentException("item id " + item + " is out of range 1.." + numItems);
      }
      if (stamp[item] != generation) {
        stamp[item] = generation;
        excludedCount++;
        allowed = null;
      }
    }
  }

  /** True when {@code item} is currently excluded. */
  public boolean isExcluded(int item) {
    return stamp[item] == generation;
  }

  /** The number of items that can still be drawn. */
  public int available() {
    if (popularity == null) {
      return numItems - excludedCount;
    }
    buildAllowed();
    return allowed.length;
  }

  /**
   * One item that is not excluded.
   *
   * @throws IllegalStateException when every item is excluded
   */
  public int next() {
    for (int t = 0; t < MAX_REJECTIONS; t++) {
      int item = popularity == null ? 1 + random.nextInt(numItems) : popularity.sample(random);
      if (stamp[item] != generation && item != 0) {
        return item;
      }
    }
    buildAllowed();
    if (allowed.length == 0) {
      throw new IllegalStateException("every item is excluded: no negative can be drawn");
    }
    if (allowedCumulative == null) {
      return allowed[random.nextInt(allowed.length)];
    }
    double r = random.nextDouble() * allowedCumulative[allowed.length - 1];
    int k = java.util.Arrays.binarySearch(allowedCumulative, r);
    k = k >= 0 ? k + 1 : -k - 1;
    return allowed[Math.min(k, allowed.length - 1)];
  }

  /** Fills {@code out[offset..offset+count)} with independent draws (repeats possible). */
  public void fill(int[] out, int offset, int count) {
    for (int i = 0; i < count; i++) {
      out[offset + i] = next();
    }
  }

  /**
   * {@code count} distinct items that are not excluded, in draw order; fewer when fewer are available.
   * The drawn items stay excluded until the next {@link #exclude}.
   */
  public int[] distinct(int count) {
    int n = Math.min(count, available());
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int item = next();
      out[i] = item;
      stamp[item] = generation;
      excludedCount++;
      allowed = null;
    }
    return out;
  }

  private void buildAllowed() {
    if (allowed != null) {
      return;
    }
    int n = 0;
    int[] list = new int[numItems];
    for (int item = 1; item <= numItems; item++) {
      if (stamp[item] != generation && (weights == null || weights[item] > 0)) {
        list[n++] = item;
      }
    }
    allowed = java.util.Arrays.copyOf(list, n);
    if (weights == null) {
      allowedCumulative = null;
    } else {
      allowedCumulative = new double[n];
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += weights[allowed[i]];
        allowedCumulative[i] = sum;
      }
    }
  }
}
