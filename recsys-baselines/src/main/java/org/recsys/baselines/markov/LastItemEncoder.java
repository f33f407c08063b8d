package org.recsys.baselines.markov;

import java.util.List;
import org.recsys.api.Encoder;
import org.recsys.baselines.IdChecks;

/** The state of a first-order model: each history's last item, or 0 (padding) for an empty history. */
public final class LastItemEncoder implements Encoder<int[]> {
  private final int numItems;

  public LastItemEncoder(int numItems) {
    this.numItems = numItems;
  }

  /**
   * @throws IllegalArgumentException when a history holds an id outside {@code 1..numItems}
   */
  @Override
  public int[] encode(List<int[]> histories) {
    IdChecks.histories(histories, numItems);
    int[] last = new int[histories.size()];
    for (int u = 0; u < last.length; u++) {
      int[] h = histories.get(u);
      last[u] = h.length == 0 ? 0 : h[h.length - 1];
    }
    return last;
  }
}
