package org.recsys.attention.nn;

import java.nio.FloatBuffer;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.recsys.api.Scorer;

/**
 * Scores items by the dot product of a user state with each item's row of an embedding table
 * {@code [n + 1, dim]} (row 0 is padding). Full scoring is one GEMM per chunk of users; column 0 of every
 * result row is {@link Float#NEGATIVE_INFINITY}. Thread-safe: each call borrows its own native scratch.
 */
public final class DotProductScorer implements Scorer<DenseStates>, AutoCloseable {
  private static final int CHUNK = 128;

  private final FloatTensor table;
  private final int numItems;
  private final int dim;
  private final ConcurrentLinkedDeque<Scratch> pool = new ConcurrentLinkedDeque<>();

  private record Scratch(FloatTensor states, FloatTensor scores) {}

  /** Reads {@code table} (not copied: later changes to it are seen). */
  public DotProductScorer(FloatTensor table) {
    long[] shape = table.shape();
    if (shape.length != 2 || shape[0] < 2) {
      throw new IllegalArgumentException("an item table must be [n + 1, dim] with n >= 1");
    }
    this.table = table;
    this.numItems = (int) shape[0] - 1;
    this.dim = (int) shape[1];
  }

  @Override
  public int numItems() {
    return numItems;
  }

  @Override
  public float[][] scoreAll(DenseStates states) {
    checkDim(states);
    int n = states.size();
    int v = numItems + 1;
    float[][] out = new float[n][];
    Scratch s = borrow();
    try {
      FloatBuffer sb = s.states.buffer();
      FloatBuffer ob = s.scores.buffer();
      for (int c0 = 0; c0 < n; c0 += CHUNK) {
        int m = Math.min(CHUNK, n - c0);
        for (int i = 0; i < m; i++) {
          float[] row = states.rows()[c0 + i];
          for (int j = 0; j < dim; j++) {
            sb.put(i * dim + j, row[j]);
          }
        }
        Blas.gemm(false, true, m, v, dim, 1f, s.states, 0, dim, table, 0, dim, 0f, s.scores, 0, v);
        for (int i = 0; i < m; i++) {
          float[] row = new float[v];
          FloatBuffer src = ob.duplicate();
          src.position(i * v);
          src.get(row);
          row[0] = Float.NEGATIVE_INFINITY;
          out[c0 + i] = row;
        }
      }
    } finally {
      pool.push(s);
    }
    return out;
  }

  @Override
  public float[][] scoreCandidates(DenseStates states, int[][] candidates) {
    checkDim(states);
    if (candidates.length != states.size()) {
      throw new IllegalArgumentException(states.size() + " states but " + candidates.length + " candidate sets");
    }
    FloatBuffer t = table.buffer();
    float[][] out = new float[candidates.length][];
    for (int u = 0; u < candidates.length; u++) {
      float[] state = states.rows()[u];
      int[] c = candidates[u];
      float[] row = new float[c.length];
      for (int i = 0; i < c.length; i++) {
        int item = c[i];
        if (item < 1 || item > numItems) {
          throw new IllegalArgumentException("candidate set " + u + ": item id " + item + " at position " + i
              + " is out of range (valid: 1.." + numItems + ")");
        }
        float s = 0f;
        int o = item * dim;
        for (int j = 0; j < dim; j++) {
          s += state[j] * t.get(o + j);
        }
        row[i] = s;
      }
      out[u] = row;
    }
    return out;
  }

  private void checkDim(DenseStates states) {
    if (states.dim() != dim) {
      throw new IllegalArgumentException("states of size " + states.dim() + " for an item table of size " + dim);
    }
  }

  private Scratch borrow() {
    Scratch s = pool.poll();
    return s != null ? s : new Scratch(FloatTensor.zeros((long) CHUNK * dim), FloatTensor.zeros((long) CHUNK
        * (numItems + 1)));
  }

  /** Frees the scratch buffers (not the table). */
  @Override
  public void close() {
    Scratch s;
    while ((s = pool.poll()) != null) {
      s.states.close();
      s.scores.close();
    }
  }
}
