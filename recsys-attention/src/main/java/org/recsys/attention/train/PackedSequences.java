package org.recsys.attention.train;

import java.util.List;

/**
 * Sequences laid out row after row with no padding: sequence {@code s} occupies rows
 * {@code [start[s], start[s+1])}, oldest first. Each row keeps the column it had in the right-aligned window
 * of {@code maxLen} (for networks with position embeddings). Because the networks never look at padding (attention
 * and recurrences see only a sequence's own rows), this computes exactly what the padded {@code [batch, maxLen]}
 * layout does, without the work on padding rows. The arrays are shared, not copied: treat them as read-only.
 */
public final class PackedSequences {
  public final int count;
  public final int[] start;
  public final int rows;
  public final int[] items;
  public final int[] positions;
  /** Next-item targets per row (0: no loss at this row); {@code null} for inference. */
  public final int[] targets;
  /** {@code rows * negativesPerRow} negatives, or an empty array. */
  public final int[] negatives;
  public final int negativesPerRow;

  private PackedSequences(int count, int[] start, int[] items, int[] positions, int[] targets, int[] negatives,
      int negativesPerRow) {
    this.count = count;
    this.start = start;
    this.rows = start[count];
    this.items = items;
    this.positions = positions;
    this.targets = targets;
    this.negatives = negatives;
    this.negativesPerRow = negativesPerRow;
  }

  public int length(int s) {
    return start[s + 1] - start[s];
  }

  /** The number of rows with a target (the loss's denominator). */
  public int targetCount() {
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
   * Packs left-padded windows of {@code maxLen} (row-major {@code size x maxLen} arrays, 0 = padding) with
   * their targets and {@code k} negatives per position.
   *
   * @throws IllegalArgumentException if padding follows an item in a window or an id is out of range
   */
  public static PackedSequences fromWindows(int size, int maxLen, int[] inputs, int[] targets, int[] negatives,
      int k, int numItems) {
    return fromWindows(size, maxLen, inputs, targets, negatives, k, numItems, 0);
  }

  /**
   * As {@link #fromWindows(int, int, int[], int[], int[], int, int)}, with inputs that may also be one of
   * {@code specialTokens} ids after the catalogue (a mask token {@code numItems + 1}).
   */
  public static PackedSequences fromWindows(int size, int maxLen, int[] inputs, int[] targets, int[] negatives,
      int k, int numItems, int specialTokens) {
    int[] start = new int[size + 1];
    int rows = 0;
    for (int b = 0; b < size; b++) {
      int first = firstItem(inputs, b * maxLen, maxLen);
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
    int[] positions = new int[rows];
    int[] tg = new int[rows];
    int[] ng = new int[rows * k];
    int r = 0;
    for (int b = 0; b < size; b++) {
      int first = maxLen - (start[b + 1] - start[b]);
      for (int t = first; t < maxLen; t++) {
        int at = b * maxLen + t;
        items[r] = check(inputs[at], numItems + specialTokens, "input", b, t);
        positions[r] = t;
        tg[r] = targets[at] == 0 ? 0 : check(targets[at], numItems, "target", b, t);
        if (k > 0) {
          for (int j = 0; j < k; j++) {
            int neg = negatives[at * k + j];
            ng[r * k + j] = tg[r] == 0 ? 0 : check(neg, numItems, "negative", b, t);
          }
        }
        r++;
      }
    }
    return new PackedSequences(size, start, items, positions, tg, ng, k);
  }

  /** Packs histories for inference, keeping the most recent {@code maxLen} items of each. */
  public static PackedSequences fromHistories(List<int[]> histories, int maxLen, int numItems) {
    int count = histories.size();
    int[] start = new int[count + 1];
    for (int s = 0; s < count; s++) {
      start[s + 1] = start[s] + Math.min(histories.get(s).length, maxLen);
    }
    int rows = start[count];
    int[] items = new int[rows];
    int[] positions = new int[rows];
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
        positions[start[s] + i] = maxLen - n + i;
      }
    }
    return new PackedSequences(count, start, items, positions, null, new int[0], 0);
  }

  private static int firstItem(int[] inputs, int from, int maxLen) {
    int t = 0;
    while (t < maxLen && inputs[from + t] == 0) {
      t++;
    }
    return t;
  }

  private static int check(int id, int numItems, String what, int row, int t) {
    if (id < 1 || id > numItems) {
      throw new IllegalArgumentException("window " + row + ", position " + t + ": " + what + " item id " + id
          + " is out of range (valid: 1.." + numItems + ")");
    }
    return id;
  }
}
