package org.recsys.api.explain;

import java.util.Arrays;
import java.util.List;

/**
 * The attention weights of a model for one history, over the model's input window: slot {@code s} holds the
 * history item at index {@link #window()}{@code [s]}, the most recent item in the last slot it fills. A history
 * longer than the window shows only its most recent items; shorter ones leave the first slots empty
 * ({@link #PADDING}).
 *
 * @param window per slot, oldest first: the index into the history of the item the model saw there, {@link
 *     #PADDING} for an empty slot, or {@link #SPECIAL_TOKEN} for a token the model adds itself (the mask a
 *     masked-item model appends)
 * @param maps one per attending layer and head, in the order the model computes them; empty for a model without
 *     attention or for an empty history
 */
public record AttentionMaps(int[] window, List<AttentionMap> maps) {
  /** A window slot without an item. */
  public static final int PADDING = -1;
  /** A window slot holding a token that is not a history item. */
  public static final int SPECIAL_TOKEN = -2;

  public AttentionMaps {
    window = window.clone();
    maps = List.copyOf(maps);
    for (int s = 0; s < window.length; s++) {
      if (window[s] < SPECIAL_TOKEN) {
        throw new IllegalArgumentException("window slot " + s + " holds " + window[s]
            + ": not a history index, PADDING or SPECIAL_TOKEN");
      }
    }
    for (AttentionMap m : maps) {
      if (m.weights().length != window.length) {
        throw new IllegalArgumentException(m + " has " + m.weights().length + " weights for a window of "
            + window.length + " slots");
      }
    }
  }

  /** The window (a copy). */
  @Override
  public int[] window() {
    return window.clone();
  }

  /** The history index in slot {@code slot}, or {@link #PADDING} or {@link #SPECIAL_TOKEN}. */
  public int historyIndex(int slot) {
    return window[slot];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AttentionMaps m && Arrays.equals(window, m.window) && maps.equals(m.maps);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(window) + maps.hashCode();
  }

  @Override
  public String toString() {
    return "AttentionMaps[" + window.length + " slots, " + maps + "]";
  }
}
