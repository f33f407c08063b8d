package org.recsys.attention.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

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
  /** Per sequence, the sequence whose first rows it shares (-1: none); {@code null} when none shares any. */
  private final int[] prefixRoot;
  /** Per sequence, how many of its first rows are {@link #prefixRoot}'s first rows; {@code null} likewise. */
  private final int[] sharedRows;

  private PackedSequences(int count, int[] start, int[] items, int[] positions, int[] targets, int[] negatives,
      int negativesPerRow) {
    this(count, start, items, positions, targets, negatives, negativesPerRow, null, null);
  }

  private PackedSequences(int count, int[] start, int[] items, int[] positions, int[] targets, int[] negatives,
      int negativesPerRow, int[] prefixRoot, int[] sharedRows) {
    this.count = count;
    this.start = start;
    this.rows = start[count];
    this.items = items;
    this.positions = positions;
    this.targets = targets;
    this.negatives = negatives;
    this.negativesPerRow = negativesPerRow;
    this.prefixRoot = prefixRoot;
    this.sharedRows = sharedRows;
  }

  /** The rows sequence {@code s} holds itself (not those it shares, see {@link #sharedRows}). */
  public int length(int s) {
    return start[s + 1] - start[s];
  }

  /** Whether some sequence shares its first rows with another ({@link #sharingPrefixes}). */
  public boolean sharesPrefixes() {
    return sharedRows != null;
  }

  /**
   * How many rows come before sequence {@code s}'s own: the first rows of {@link #prefixRoot(int)}, which holds
   * them. 0 for a sequence that holds all its rows.
   */
  public int sharedRows(int s) {
    return sharedRows == null ? 0 : sharedRows[s];
  }

  /** The sequence whose first {@link #sharedRows(int)} rows sequence {@code s} starts with; -1 if none. */
  public int prefixRoot(int s) {
    return prefixRoot == null ? -1 : prefixRoot[s];
  }

  /**
   * The same inference batch, with each sequence whose first rows (the same items at the same window positions)
   * are another's first rows for at least {@code minRows} rows holding only the rest. A causal encoder computes row
   * {@code r} from rows {@code <= r} alone, so those rows' results are the other sequence's, which it computes in
   * full (a root: sharing is one level deep, so a sequence's earlier rows are one contiguous range of the batch).
   * Leave-one-out histories, which share everything before the left-out item, then cost about half the rows.
   *
   * <p>Roots are picked greedily, the sequences with the longest prefix in common with any other first; every
   * sequence keeps at least its last row, the one scored. Deterministic: the result depends only on the batch.
   *
   * @throws IllegalStateException on a training batch (rows with targets) or one that already shares
   */
  public PackedSequences sharingPrefixes(int minRows) {
    if (targets != null || sharedRows != null) {
      throw new IllegalStateException("only an inference batch that shares nothing yet can share prefixes");
    }
    Integer[] sorted = IntStream.range(0, count).boxed().toArray(Integer[]::new);
    Arrays.sort(sorted, this::compareRows);
    // The longest prefix any other sequence has in common with each: the larger of its sorted neighbours'.
    int[] branch = new int[count];
    for (int k = 0; k + 1 < count; k++) {
      int common = commonRows(sorted[k], sorted[k + 1]);
      branch[sorted[k]] = Math.max(branch[sorted[k]], common);
      branch[sorted[k + 1]] = Math.max(branch[sorted[k + 1]], common);
    }
    Integer[] byBranch = IntStream.range(0, count).boxed().toArray(Integer[]::new);
    Arrays.sort(byBranch, Comparator.comparingInt((Integer s) -> -branch[s]).thenComparingInt(s -> s));
    int[] root = new int[count];
    int[] shared = new int[count];
    Arrays.fill(root, -1);
    List<Integer> roots = new ArrayList<>();
    boolean any = false;
    for (int s : byBranch) {
      if (branch[s] >= minRows) {
        int best = -1;
        int bestRows = 0;
        for (int r : roots) {
          int common = commonRows(s, r);
          if (common > bestRows) {
            best = r;
            bestRows = common;
          }
        }
        int rows = Math.min(bestRows, length(s) - 1);
        if (rows >= minRows) {
          root[s] = best;
          shared[s] = rows;
          any = true;
          continue;
        }
      }
      roots.add(s);
    }
    if (!any) {
      return this;
    }
    int[] ownStart = new int[count + 1];
    for (int s = 0; s < count; s++) {
      ownStart[s + 1] = ownStart[s] + length(s) - shared[s];
    }
    int[] ownItems = new int[ownStart[count]];
    int[] ownPositions = new int[ownStart[count]];
    for (int s = 0; s < count; s++) {
      int from = start[s] + shared[s];
      System.arraycopy(items, from, ownItems, ownStart[s], start[s + 1] - from);
      System.arraycopy(positions, from, ownPositions, ownStart[s], start[s + 1] - from);
    }
    return new PackedSequences(count, ownStart, ownItems, ownPositions, null, new int[0], 0, root, shared);
  }

  /** Row by row (item, then window position); a sequence sorts before those it is a prefix of. */
  private int compareRows(int a, int b) {
    int common = commonRows(a, b);
    if (common == length(a) || common == length(b)) {
      return Integer.compare(length(a), length(b));
    }
    int ra = start[a] + common;
    int rb = start[b] + common;
    return items[ra] != items[rb] ? Integer.compare(items[ra], items[rb]) : Integer.compare(positions[ra],
        positions[rb]);
  }

  /** How many first rows sequences {@code a} and {@code b} have in common. */
  private int commonRows(int a, int b) {
    int n = Math.min(length(a), length(b));
    int i = 0;
    while (i < n && items[start[a] + i] == items[start[b] + i] && positions[start[a] + i] == positions[start[b] + i]) {
      i++;
    }
    return i;
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
