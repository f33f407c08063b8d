package org.recsys.attention.lstm;

import java.util.List;

/**
 * Sequences laid out one after another without padding: sequence {@code s} occupies rows
 * {@code [start[s], start[s+1])}, oldest first. The LSTM starts every sequence from a zero state at its first
 * real item and the attention only ever sees a sequence's own rows, so this computes exactly what a padded
 * layout with masked padding would, without the work on padding.
 */
final class PackedWindows {
  final int count;
  final int[] start;
  final int rows;
  final int[] items;
  /** Next-item targets per row (0: no loss at this row); {@code null} for inference. */
  final int[] targets;
  /** {@code rows * negativesPerRow} negatives, or an empty array. */
  final int[] negatives;
  final int negativesPerRow;

  private PackedWindows(int count, int[] start, int[] items, int[] targets, int[] negatives, int negativesPerRow) {
    this.count = count;
    this.start = start;
    this.rows = start[count];
    this.items = items;
    this.targets = targets;
    this.negatives = negatives;
    this.negativesPerRow = negativesPerRow;
  }

  int length(int s) {
    return start[s + 1] - start[s];
  }

  /** The number of rows with a target (the loss's denominator). */
  int targetCount() {
    if (targets == null) {
      return 0;
    }
    int n = 0;
    for (int t : targets) {
      if (t != 0) {
        n++;
      }
    }
    return n;
  }

  /**
   * Packs left-padded windows (row-major {@code size x maxLen} arrays, 0 = padding) with their targets and
   * {@code k} negatives per position.
   *
   * @throws IllegalArgumentException if padding follows an item in a window or an id is out of range
   */
  static PackedWindows fromWindows(int size, int maxLen, int[] inputs, int[] targets, int[] negatives, int k,
      int numItems) {
    int[] start = new int[size + 1];
    int rows = 0;
    for (int b = 0; b < size; b++) {
      int first = 0;
      while (first < maxLen && inputs[b * maxLen + first] == 0) {
        first++;
      }
      for (int t = first; t < maxLen; t++) {
        if (inputs[b * maxLen + t] == 0) {
          throw new IllegalArgumentException("window " + b + ": padding at position " + t + " after an item"
              + " (windows must be left-padded)");
        }
      }
      rows += maxLen - first;
      start[b + 1] = rows;
    }
    int[] items = new int[rows];
    int[] tg = new int[rows];
    int[] ng = new int[rows * k];
    int r = 0;
    for (int b = 0; b < size; b++) {
      int first = maxLen - (start[b + 1] - start[b]);
      for (int t = first; t < maxLen; t++) {
        int at = b * maxLen + t;
        items[r] = check(inputs[at], numItems, "input", b, t);
        tg[r] = targets[at] == 0 ? 0 : check(targets[at], numItems, "target", b, t);
        for (int j = 0; j < k; j++) {
          ng[r * k + j] = tg[r] == 0 ? 0 : check(negatives[at * k + j], numItems, "negative", b, t);
        }
        r++;
      }
    }
    return new PackedWindows(size, start, items, tg, ng, k);
  }

  /** Packs histories for inference, keeping the most recent {@code maxLen} items of each. */
  static PackedWindows fromHistories(List<int[]> histories, int maxLen, int numItems) {
    int count = histories.size();
    int[] start = new int[count + 1];
    for (int s = 0; s < count; s++) {
      start[s + 1] = start[s] + Math.min(histories.get(s).length, maxLen);
    }
    int[] items = new int[start[count]];
    for (int s = 0; s < count; s++) {
      int[] h = histories.get(s);
      int n = start[s + 1] - start[s];
      int from = h.length - n;
      for (int i = 0; i < n; i++) {
        int item = h[from + i];
        if (item < 1 || item > numItems) {
          throw new IllegalArgumentException("history " + s + ": item id " + item + " at position " + (from + i)
              + " is out of range (valid: 1.." + numItems + ")");
        }
        items[start[s] + i] = item;
      }
    }
    return new PackedWindows(count, start, items, null, new int[0], 0);
  }

  private static int check(int id, int numItems, String what, int row, int t) {
    if (id < 1 || id > numItems) {
      throw new IllegalArgumentException("window " + row + ", position " + t + ": " + what + " item id " + id
          + " is out of range (valid: 1.." + numItems + ")");
    }
    return id;
  }
}
