package org.recsys.api;

import java.util.Arrays;

/**
 * Partial selection of the {@code k} best-scored items from a score row, in O(n log k) without sorting the
 * row or boxing.
 *
 * <p>Ties are broken towards the smaller item id, so the result is deterministic. Items whose score is NaN
 * or {@link Float#NEGATIVE_INFINITY} are never returned.
 */
public final class TopK {
  private TopK() {}

  /**
   * Selects the best {@code k} items of {@code scores}, skipping column 0 (padding) and excluded items.
   *
   * @param scores a score row indexed by item id (column 0 is padding)
   * @param k how many to return; fewer come back when fewer items are eligible
   * @param excluded flags indexed by item id (may be {@code null}); a true entry is never returned
   * @return item ids, best first
   */
  public static int[] select(float[] scores, int k, boolean[] excluded) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be >= 0, got " + k);
    }
    int cap = Math.min(k, scores.length - 1);
    int[] heap = new int[Math.max(cap, 0)];
    int size = 0;
    for (int item = 1; item < scores.length; item++) {
      float s = scores[item];
      if (Float.isNaN(s) || s == Float.NEGATIVE_INFINITY || (excluded != null && item < excluded.length && excluded[item])) {
        continue;
      }
      if (size < cap) {
        heap[size] = item;
        siftUp(heap, size, scores);
        size++;
      } else if (cap > 0 && better(item, heap[0], scores)) {
        heap[0] = item;
        siftDown(heap, 0, size, scores);
      }
    }
    int[] out = Arrays.copyOf(heap, size);
    // Heap-sort the survivors, best first.
    for (int end = size - 1; end > 0; end--) {
      int tmp = out[0];
      out[0] = out[end];
      out[end] = tmp;
      siftDown(out, 0, end, scores);
    }
    return out;
  }

  /** True when item {@code a} ranks above item {@code b}. */
  static boolean better(int a, int b, float[] scores) {
    float sa = scores[a];
    float sb = scores[b];
    return sa > sb || (sa == sb && a < b);
  }

  // Min-heap on rank: the root is the worst item kept so far.
  private static void siftUp(int[] heap, int i, float[] scores) {
    int item = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!better(heap[parent], item, scores)) {
        break;
      }
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = item;
  }

  private static void siftDown(int[] heap, int i, int size, float[] scores) {
    int item = heap[i];
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && better(heap[child], heap[child + 1], scores)) {
        child++;
      }
      if (!better(item, heap[child], scores)) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = item;
  }
}
