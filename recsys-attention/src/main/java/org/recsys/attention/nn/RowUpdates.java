package org.recsys.attention.nn;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Scattered rank-one updates {@code target[id] += c * v} to the rows of a tensor, buffered and applied grouped
 * by row: each touched row is read and written once per {@link #flush} however many updates it received.
 *
 * <p>Why: the candidate losses add {@code c * state} into hundreds of random item-table rows per position. Done
 * one update at a time, each update is a copy of the row out of native memory and back, and C2 does not
 * vectorise {@code table[o + j] += c * state[j]} on heap arrays either (the two offsets differ and the arrays
 * might alias). Summing a row's updates into a private accumulator first is a same-index loop that C2 does
 * vectorise; with the candidates scored by GEMVs, it halved the sampled-softmax epoch (BENCHMARKS.md).
 *
 * <p>One thread's buffer; the target's rows are only correct after {@link #flush}.
 */
public final class RowUpdates {
  private final FloatTensor target;
  private final int dim;
  private final float[][] vectors;
  private final int[] count;
  private final float[] acc;
  private final float[] row;
  private int vectorsUsed;
  private int[] pairRow = new int[1024];
  private int[] pairVector = new int[1024];
  private float[] pairCoefficient = new float[1024];
  private int[] sortedVector = new int[1024];
  private float[] sortedCoefficient = new float[1024];
  private int pairs;
  private int[] touched = new int[1024];

  /**
   * @param target a tensor of {@code rows x dim} floats
   * @param vectorCapacity how many vectors are buffered before a flush happens by itself
   */
  public RowUpdates(FloatTensor target, int rows, int dim, int vectorCapacity) {
    if ((long) rows * dim != target.length() || vectorCapacity < 1) {
      throw new IllegalArgumentException("row updates of " + rows + " x " + dim + " (capacity " + vectorCapacity
          + ") on a tensor of " + target.length() + " floats");
    }
    this.target = target;
    this.dim = dim;
    this.vectors = new float[vectorCapacity][dim];
    this.count = new int[rows];
    this.acc = new float[dim];
    this.row = new float[dim];
  }

  /** The tensor these updates go into. */
  public FloatTensor target() {
    return target;
  }

  /** Starts updates by a copy of {@code v}'s first {@code dim} floats; flushes first when the buffer is full. */
  public void begin(float[] v) {
    if (vectorsUsed == vectors.length) {
      flush();
    }
    System.arraycopy(v, 0, vectors[vectorsUsed], 0, dim);
    vectorsUsed++;
  }

  /** Buffers {@code target[id] += c * v} for the vector of the last {@link #begin}. */
  public void add(int id, float c) {
    if (vectorsUsed == 0) {
      throw new IllegalStateException("add before begin");
    }
    if (id < 0 || id >= count.length) {
      throw new IndexOutOfBoundsException("row " + id + " outside a target of " + count.length + " rows");
    }
    if (pairs == pairRow.length) {
      int n = pairs * 2;
      pairRow = Arrays.copyOf(pairRow, n);
      pairVector = Arrays.copyOf(pairVector, n);
      pairCoefficient = Arrays.copyOf(pairCoefficient, n);
      sortedVector = new int[n];
      sortedCoefficient = new float[n];
    }
    pairRow[pairs] = id;
    pairVector[pairs] = vectorsUsed - 1;
    pairCoefficient[pairs] = c;
    pairs++;
  }

  /** Applies every buffered update to the target and empties the buffer. */
  public void flush() {
    // Bucket the updates by row (a counting sort over the touched rows only, so the cost does not grow with
    // the number of rows), then sum each bucket into one accumulator and add it to its row.
    int distinct = 0;
    for (int p = 0; p < pairs; p++) {
      int id = pairRow[p];
      if (count[id]++ == 0) {
        if (distinct == touched.length) {
          touched = Arrays.copyOf(touched, distinct * 2);
        }
        touched[distinct++] = id;
      }
    }
    int start = 0;
    for (int t = 0; t < distinct; t++) {
      int id = touched[t];
      int n = count[id];
      count[id] = start;
      start += n;
    }
    for (int p = 0; p < pairs; p++) {
      int q = count[pairRow[p]]++;
      sortedVector[q] = pairVector[p];
      sortedCoefficient[q] = pairCoefficient[p];
    }
    FloatBuffer tb = target.buffer();
    int from = 0;
    for (int t = 0; t < distinct; t++) {
      int id = touched[t];
      int to = count[id];
      count[id] = 0;
      Arrays.fill(acc, 0f);
      int q = from;
      // Four updates per sweep of the accumulator: a quarter of its loads and stores.
      for (; q + 3 < to; q += 4) {
        float c0 = sortedCoefficient[q];
        float c1 = sortedCoefficient[q + 1];
        float c2 = sortedCoefficient[q + 2];
        float c3 = sortedCoefficient[q + 3];
        float[] v0 = vectors[sortedVector[q]];
        float[] v1 = vectors[sortedVector[q + 1]];
        float[] v2 = vectors[sortedVector[q + 2]];
        float[] v3 = vectors[sortedVector[q + 3]];
        for (int j = 0; j < dim; j++) {
          acc[j] += (c0 * v0[j] + c1 * v1[j]) + (c2 * v2[j] + c3 * v3[j]);
        }
      }
      for (; q < to; q++) {
        float c = sortedCoefficient[q];
        float[] v = vectors[sortedVector[q]];
        for (int j = 0; j < dim; j++) {
          acc[j] += c * v[j];
        }
      }
      int o = id * dim;
      tb.get(o, row, 0, dim);
      for (int j = 0; j < dim; j++) {
        row[j] += acc[j];
      }
      tb.put(o, row, 0, dim);
      from = to;
    }
    pairs = 0;
    vectorsUsed = 0;
  }
}
