package org.recsys.cli.explain;

import java.util.Comparator;
import java.util.List;

/**
 * One attending layer's head, over the slots the model saw, oldest first.
 *
 * @param layer the layer's name in the model
 * @param kind {@code self-attention} or {@code attention-pooling}
 * @param head from 0
 * @param weights one per slot the model saw
 */
public record AttentionView(String layer, String kind, int head, List<AttendedItem> weights) {
  public AttentionView {
    weights = List.copyOf(weights);
  }

  /** The {@code n} largest weights, largest first. */
  public List<AttendedItem> top(int n) {
    return weights.stream().sorted(Comparator.comparingDouble(AttendedItem::weight).reversed()).limit(n).toList();
  }
}
