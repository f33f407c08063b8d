package org.recsys.api.explain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One attending layer's head: the weights of the scored position over the slots of the model's window.
 *
 * @param layer the layer's name in the model (e.g. {@code encoder.block0.attention})
 * @param kind what the weights are, e.g. {@code self-attention} or {@code attention-pooling}
 * @param head the head, from 0
 * @param weights one weight per window slot (see {@link AttentionMaps#window()}); they sum to 1 over the slots
 *     the model saw and are 0 on padding
 */
public record AttentionMap(String layer, String kind, int head, float[] weights) {
  public AttentionMap {
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(kind, "kind");
    if (head < 0) {
      throw new IllegalArgumentException("head must be >= 0, got " + head);
    }
    weights = weights.clone();
  }

  /** The weights (a copy). */
  @Override
  public float[] weights() {
    return weights.clone();
  }

  /** The weight on window slot {@code slot}. */
  public float weight(int slot) {
    return weights[slot];
  }

  // A value type: two maps with the same weights are equal, which the record's array identity would deny.
  @Override
  public boolean equals(Object o) {
    return o instanceof AttentionMap m && layer.equals(m.layer) && kind.equals(m.kind) && head == m.head
        && Arrays.equals(weights, m.weights);
  }

  @Override
  public int hashCode() {
    return Objects.hash(layer, kind, head, Arrays.hashCode(weights));
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "AttentionMap[%s %s head %d, %d slots]", layer, kind, head, weights.length);
  }
}
