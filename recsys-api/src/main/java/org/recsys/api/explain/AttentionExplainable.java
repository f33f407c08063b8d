package org.recsys.api.explain;

/**
 * A model that can show its attention weights for a history. Optional: callers check for it with
 * {@code instanceof}; every model can be explained by {@link OcclusionExplainer}.
 *
 * <p>Attention weights say where the position that is scored looked, not which items caused the score: a
 * weight can be large on an item whose value changes nothing, and later layers mix what earlier ones read.
 */
public interface AttentionExplainable {
  /**
   * The attention weights of the scored position (the last of the window) over the window, for every
   * attending layer and head, as the model computes them when it scores {@code history}.
   *
   * @param history internal item ids, oldest first
   * @throws IllegalArgumentException if the history holds an id outside {@code 1..numItems()}
   */
  AttentionMaps attention(int[] history);
}
