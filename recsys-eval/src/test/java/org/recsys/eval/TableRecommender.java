package org.recsys.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.recsys.api.Recommender;

/** A recommender that looks its score rows up by history, for known-answer tests. */
final class TableRecommender implements Recommender {
  private final int numItems;
  private final Map<List<Integer>, float[]> rows = new ConcurrentHashMap<>();
  final AtomicInteger calls = new AtomicInteger();
  final AtomicInteger largestBatch = new AtomicInteger();

  TableRecommender(int numItems) {
    this.numItems = numItems;
  }

  /** Registers the scores of items 1..n for a history; column 0 is set to -inf. */
  TableRecommender put(int[] history, float... scoresOfItems) {
    if (scoresOfItems.length != numItems) {
      throw new IllegalArgumentException("need " + numItems + " scores");
    }
    float[] row = new float[numItems + 1];
    row[0] = Float.NEGATIVE_INFINITY;
    System.arraycopy(scoresOfItems, 0, row, 1, numItems);
    rows.put(key(history), row);
    return this;
  }

  @Override
  public int numItems() {
    return numItems;
  }

  @Override
  public float[][] scoreAll(List<int[]> histories) {
    calls.incrementAndGet();
    largestBatch.accumulateAndGet(histories.size(), Math::max);
    float[][] out = new float[histories.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = row(histories.get(i)).clone();
    }
    return out;
  }

  @Override
  public float[][] scoreCandidates(List<int[]> histories, int[][] candidates) {
    calls.incrementAndGet();
    largestBatch.accumulateAndGet(histories.size(), Math::max);
    float[][] out = new float[histories.size()][];
    for (int i = 0; i < out.length; i++) {
      float[] row = row(histories.get(i));
      out[i] = new float[candidates[i].length];
      for (int j = 0; j < candidates[i].length; j++) {
        out[i][j] = row[candidates[i][j]];
      }
    }
    return out;
  }

  private float[] row(int[] history) {
    float[] row = rows.get(key(history));
    if (row == null) {
      throw new IllegalStateException("no scores for history " + Arrays.toString(history));
    }
    return row;
  }

  private static List<Integer> key(int[] history) {
    List<Integer> k = new ArrayList<>();
    for (int h : history) {
      k.add(h);
    }
    return k;
  }
}
