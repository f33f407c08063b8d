package org.recsys.baselines.tribuo;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Builds Tribuo's training set: one example per position {@code t >= 1} of every training sequence, with the
 * features of the history before {@code t} and the item at {@code t} as label. Users with more positions than
 * {@code maxExamplesPerUser} contribute their latest ones ({@code recent}) or a seeded uniform sample
 * ({@code random}).
 */
public final class TrainingExamples {
  private TrainingExamples() {}

  /**
   * @throws IllegalArgumentException when no user has two items (no example can be made)
   */
  public static MutableDataset<Label> build(SequenceDataset train, TribuoParams params, long seed) {
    LabelFactory labels = new LabelFactory();
    HistoryFeatures features = params.features();
    int cap = params.maxExamplesPerUser();
    boolean random = params.examplePositions().equals("random");
    String description = "recsys training sequences: " + train.users().size() + " users, " + train.numItems()
        + " items, " + train.numInteractions() + " interactions; positions=" + params.examplePositions()
        + ", maxExamplesPerUser=" + cap + ", seed=" + seed;
    MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance(description, labels), labels);
    SplittableRandom rng = new SplittableRandom(seed);
    Label[] labelOf = new Label[train.numItems() + 1];
    for (UserSequence u : train.users()) {
      int[] items = u.items();
      int[] positions = positions(items.length, cap, random, rng);
      for (int t : positions) {
        int target = items[t];
        if (labelOf[target] == null) {
          labelOf[target] = new Label(Integer.toString(target));
        }
        dataset.add(features.example(items, t, labelOf[target]));
      }
    }
    if (dataset.size() == 0) {
      throw new IllegalArgumentException("no training example: no user has two or more training items ("
          + train.users().size() + " users)");
    }
    return dataset;
  }

  /** The positions {@code 1..length-1} a user contributes, in increasing order. */
  static int[] positions(int length, int cap, boolean random, SplittableRandom rng) {
    int available = Math.max(0, length - 1);
    int take = cap == 0 ? available : Math.min(cap, available);
    int[] out = new int[take];
    if (take == available || !random) {
      for (int i = 0; i < take; i++) {
        out[i] = length - take + i;
      }
      return out;
    }
    // Partial Fisher-Yates over 1..length-1.
    int[] all = new int[available];
    for (int i = 0; i < available; i++) {
      all[i] = i + 1;
    }
    for (int i = 0; i < take; i++) {
      int j = i + rng.nextInt(available - i);
      int tmp = all[i];
      all[i] = all[j];
      all[j] = tmp;
    }
    System.arraycopy(all, 0, out, 0, take);
    Arrays.sort(out);
    return out;
  }
}
