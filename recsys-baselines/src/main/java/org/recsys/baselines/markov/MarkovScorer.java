package org.recsys.baselines.markov;

import java.util.Objects;
import org.recsys.api.Scorer;
import org.recsys.baselines.IdChecks;
import org.recsys.baselines.ItemCounts;

/**
 * Scores the successors of each user's last item with smoothed transition probabilities interpolated with
 * popularity, as {@link MarkovParams} defines. Full rows and candidate sets use the same arithmetic, so an
 * item scores the same either way.
 */
public final class MarkovScorer implements Scorer<int[]> {
  private final TransitionCounts transitions;
  private final double[] popularity;
  private final double smoothing;
  private final double weight;

  public MarkovScorer(TransitionCounts transitions, ItemCounts counts, MarkovParams params) {
    this.transitions = Objects.requireNonNull(transitions, "transitions");
    if (counts.numItems() != transitions.numItems()) {
      throw new IllegalArgumentException("popularity of " + counts.numItems() + " items but transitions of "
          + transitions.numItems());
    }
    int n = counts.numItems();
    this.popularity = new double[n + 1];
    for (int i = 1; i <= n; i++) {
      popularity[i] = counts.probability(i);
    }
    this.smoothing = params.smoothing();
    this.weight = params.popularityWeight();
  }

  @Override
  public int numItems() {
    return transitions.numItems();
  }

  @Override
  public float[][] scoreAll(int[] lastItems) {
    int n = numItems();
    float[][] out = new float[lastItems.length][];
    for (int u = 0; u < lastItems.length; u++) {
      float[] row = new float[n + 1];
      row[0] = Float.NEGATIVE_INFINITY;
      int from = lastItems[u];
      if (backsOff(from)) {
        for (int j = 1; j <= n; j++) {
          row[j] = (float) popularity[j];
        }
      } else {
        double denominator = denominator(from);
        for (int j = 1; j <= n; j++) {
          row[j] = score(0, denominator, j);
        }
        for (int k = transitions.rowBegin(from); k < transitions.rowEnd(from); k++) {
          int j = transitions.successorAt(k);
          row[j] = score(transitions.countAt(k), denominator, j);
        }
      }
      out[u] = row;
    }
    return out;
  }

  @Override
  public float[][] scoreCandidates(int[] lastItems, int[][] candidates) {
    IdChecks.candidates(candidates, lastItems.length, numItems());
    float[][] out = new float[lastItems.length][];
    for (int u = 0; u < lastItems.length; u++) {
      int from = lastItems[u];
      int[] c = candidates[u];
      float[] row = new float[c.length];
      if (backsOff(from)) {
        for (int k = 0; k < c.length; k++) {
          row[k] = (float) popularity[c[k]];
        }
      } else {
        double denominator = denominator(from);
        for (int k = 0; k < c.length; k++) {
          row[k] = score(transitions.count(from, c[k]), denominator, c[k]);
        }
      }
      out[u] = row;
    }
    return out;
  }

  private boolean backsOff(int from) {
    return from == 0 || transitions.rowTotal(from) == 0;
  }

  private double denominator(int from) {
    return transitions.rowTotal(from) + smoothing * numItems();
  }

  private float score(int count, double denominator, int item) {
    return (float) ((1.0 - weight) * (count + smoothing) / denominator + weight * popularity[item]);
  }
}
