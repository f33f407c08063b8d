package org.recsys.baselines.tribuo;

import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * Turns a history into Tribuo features: the {@code lastItems} most recent items as position-tagged indicators
 * ({@code last1=<id>} is the most recent) and a recency-weighted bag ({@code bag=<id>}) over the {@code bagSize}
 * most recent items, the k-th most recent weighing {@code bagDecay^(k-1)} (an item seen twice in the window
 * adds its weights). Ids are internal item ids.
 *
 * @param lastItems number of position-tagged items, {@code >= 1}
 * @param bagSize number of items in the bag, {@code >= 0}
 * @param bagDecay weight ratio between consecutive bag items, in {@code (0, 1]}
 */
public record HistoryFeatures(int lastItems, int bagSize, double bagDecay) {
  /** Feature name prefix of the bag. */
  public static final String BAG = "bag=";

  public HistoryFeatures {
    if (lastItems < 1 || bagSize < 0 || !(bagDecay > 0 && bagDecay <= 1)) {
      throw new IllegalArgumentException("invalid history features: lastItems=" + lastItems + ", bagSize=" + bagSize
          + ", bagDecay=" + bagDecay);
    }
  }

  /** How many of a history's most recent items the features read. */
  public int window() {
    return Math.max(lastItems, bagSize);
  }

  /** The name of the feature "item {@code id} is the {@code k}-th most recent" ({@code k >= 1}). */
  public static String last(int k, int id) {
    return "last" + k + "=" + id;
  }

  /**
   * The example for the history {@code items[0..end)} (oldest first) with output {@code label}. An empty
   * history gives an example without features.
   */
  public Example<Label> example(int[] items, int end, Label label) {
    int last = Math.min(lastItems, end);
    int bag = Math.min(bagSize, end);
    String[] names = new String[last + bag];
    double[] values = new double[last + bag];
    int n = 0;
    for (int k = 1; k <= last; k++) {
      names[n] = last(k, items[end - k]);
      values[n++] = 1.0;
    }
    int bagStart = n;
    double w = 1.0;
    for (int k = 1; k <= bag; k++, w *= bagDecay) {
      int id = items[end - k];
      String name = BAG + id;
      int seen = -1;
      for (int j = bagStart; j < n; j++) {
        if (names[j].equals(name)) {
          seen = j;
          break;
        }
      }
      if (seen >= 0) {
        values[seen] += w;
      } else {
        names[n] = name;
        values[n++] = w;
      }
    }
    if (n < names.length) {
      names = java.util.Arrays.copyOf(names, n);
      values = java.util.Arrays.copyOf(values, n);
    }
    return new ArrayExample<>(label, names, values);
  }
}
