package org.recsys.baselines.markov;

import java.util.Arrays;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;

/**
 * Counts of item-to-next-item transitions in training sequences, stored as sparse rows (compressed sparse
 * row): the successors of item {@code i} are {@code next[rowStart[i] .. rowStart[i + 1])} in increasing id
 * order, with their counts alongside. Memory grows with the number of distinct transitions, not with
 * {@code n^2}.
 */
public final class TransitionCounts {
  private final int numItems;
  private final int[] rowStart;
  private final int[] next;
  private final int[] count;
  private final int[] rowTotal;

  private TransitionCounts(int numItems, int[] rowStart, int[] next, int[] count) {
    this.numItems = numItems;
    this.rowStart = rowStart;
    this.next = next;
    this.count = count;
    this.rowTotal = new int[numItems + 1];
    for (int i = 1; i <= numItems; i++) {
      long total = 0;
      for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
        total += count[k];
      }
      if (total > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("item " + i + " has more than " + Integer.MAX_VALUE + " transitions");
      }
      rowTotal[i] = (int) total;
    }
  }

  /** Counts the consecutive pairs of every training sequence in {@code data}. */
  public static TransitionCounts of(SequenceDataset data) {
    int n = data.numItems();
    long pairs = 0;
    for (UserSequence u : data.users()) {
      pairs += Math.max(0, u.length() - 1);
    }
    if (pairs > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("too many transitions to count: " + pairs);
    }
    // One long per pair (from in the high half, to in the low half): sorting groups rows and orders columns.
    long[] keys = new long[(int) pairs];
    int p = 0;
    for (UserSequence u : data.users()) {
      for (int t = 1; t < u.length(); t++) {
        keys[p++] = ((long) u.item(t - 1) << 32) | u.item(t);
      }
    }
    Arrays.sort(keys);
    int distinct = 0;
    for (int k = 0; k < keys.length; k++) {
      if (k == 0 || keys[k] != keys[k - 1]) {
        distinct++;
      }
    }
    int[] rowStart = new int[n + 2];
    int[] next = new int[distinct];
    int[] count = new int[distinct];
    int d = -1;
    for (int k = 0; k < keys.length; k++) {
      if (k == 0 || keys[k] != keys[k - 1]) {
        d++;
        next[d] = (int) keys[k];
        rowStart[(int) (keys[k] >>> 32) + 1]++;
      }
      count[d]++;
    }
    for (int i = 1; i < rowStart.length; i++) {
      rowStart[i] += rowStart[i - 1];
    }
    return new TransitionCounts(n, rowStart, next, count);
  }

  /**
   * Counts read back from {@link #rowStarts()}, {@link #successors()} and {@link #counts()}.
   *
   * @throws IllegalArgumentException naming the first inconsistency
   */
  public static TransitionCounts fromArrays(int numItems, int[] rowStart, int[] next, int[] count) {
    if (rowStart.length != numItems + 2) {
      throw new IllegalArgumentException("rowStart has length " + rowStart.length + ", expected " + (numItems + 2));
    }
    if (next.length != count.length) {
      throw new IllegalArgumentException(next.length + " successors but " + count.length + " counts");
    }
    if (rowStart[0] != 0 || rowStart[1] != 0 || rowStart[numItems + 1] != next.length) {
      throw new IllegalArgumentException("rowStart must start with 0, 0 and end with " + next.length);
    }
    for (int i = 1; i <= numItems; i++) {
      if (rowStart[i + 1] < rowStart[i]) {
        throw new IllegalArgumentException("rowStart decreases at item " + i);
      }
      for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
        if (next[k] < 1 || next[k] > numItems || (k > rowStart[i] && next[k] <= next[k - 1])) {
          throw new IllegalArgumentException("successors of item " + i + " are not increasing ids in 1.."
              + numItems + " at entry " + k);
        }
        if (count[k] < 1) {
          throw new IllegalArgumentException("transition " + i + " -> " + next[k] + " has count " + count[k]);
        }
      }
    }
    return new TransitionCounts(numItems, rowStart.clone(), next.clone(), count.clone());
  }

  /** The number of items {@code n}. */
  public int numItems() {
    return numItems;
  }

  /** The number of distinct transitions stored. */
  public int distinctTransitions() {
    return next.length;
  }

  /** The number of training transitions out of {@code from}. */
  public int rowTotal(int from) {
    return rowTotal[from];
  }

  /** The count of {@code from -> to} (0 when never seen). */
  public int count(int from, int to) {
    int k = Arrays.binarySearch(next, rowStart[from], rowStart[from + 1], to);
    return k >= 0 ? count[k] : 0;
  }

  /** Index of the first stored successor of {@code from}; see {@link #rowEnd}. */
  int rowBegin(int from) {
    return rowStart[from];
  }

  /** One past the index of the last stored successor of {@code from}. */
  int rowEnd(int from) {
    return rowStart[from + 1];
  }

  /** The successor stored at index {@code k}. */
  int successorAt(int k) {
    return next[k];
  }

  /** The count stored at index {@code k}. */
  int countAt(int k) {
    return count[k];
  }

  /** Row offsets, for saving (a copy). */
  public int[] rowStarts() {
    return rowStart.clone();
  }

  /** Successor ids row by row, for saving (a copy). */
  public int[] successors() {
    return next.clone();
  }

  /** Counts alongside {@link #successors()}, for saving (a copy). */
  public int[] counts() {
    return count.clone();
  }
}
