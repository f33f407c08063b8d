package org.recsys.eval;

import java.util.List;
import org.recsys.api.Recommender;

/** Scores every item 0: the model that must not look good. */
class ConstantModel implements Recommender {
  private final int numItems;

  ConstantModel(int numItems) {
    this.numItems = numItems;
  }

  @Override
  public int numItems() {
    return numItems;
  }

  @Override
  public float[][] scoreAll(List<int[]> histories) {
    float[][] out = new float[histories.size()][numItems + 1];
    for (float[] row : out) {
      row[0] = Float.NEGATIVE_INFINITY;
    }
    return out;
  }

  @Override
  public float[][] scoreCandidates(List<int[]> histories, int[][] candidates) {
    float[][] out = new float[histories.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new float[candidates[i].length];
    }
    return out;
  }
}
