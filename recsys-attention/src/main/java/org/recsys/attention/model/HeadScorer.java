package org.recsys.attention.model;

import java.nio.FloatBuffer;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.recsys.api.Scorer;
import org.recsys.attention.head.CandidateScratch;
import org.recsys.attention.head.Scoring;
import org.recsys.attention.nn.DenseStates;
import org.recsys.attention.nn.FloatTensor;

/**
 * A head at inference, as an {@link Scorer}: the same {@link Scoring} kernels that training's losses score
 * through, the head's per-item bias included. Full scoring is one GEMM per chunk of users; column 0 of every row
 * is {@link Float#NEGATIVE_INFINITY}. Thread-safe: each call borrows its own native scratch.
 */
final class HeadScorer implements Scorer<DenseStates>, AutoCloseable {
  private static final int CHUNK = 128;

  private final Scoring scoring;
  private final int numItems;
  private final int dim;
  private final ConcurrentLinkedDeque<Scratch> pool = new ConcurrentLinkedDeque<>();

  private record Scratch(FloatTensor states, FloatTensor scores) {}

  HeadScorer(Scoring scoring) {
    this.scoring = scoring;
    this.numItems = scoring.numItems();
    this.dim = scoring.dim();
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
          sb.put(i * dim, states.rows()[c0 + i], 0, dim);
        }
        scoring.scoreAll(s.states, 0, m, s.scores);
        for (int i = 0; i < m; i++) {
          float[] row = new float[v];
          ob.get(i * v, row, 0, v);
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
    float[][] out = new float[candidates.length][];
    try (CandidateScratch scratch = new CandidateScratch(dim)) {
      for (int u = 0; u < candidates.length; u++) {
        int[] c = candidates[u];
        for (int i = 0; i < c.length; i++) {
          if (c[i] < 1 || c[i] > numItems) {
            throw new IllegalArgumentException("candidate set " + u + ": item id " + c[i] + " at position " + i
                + " is out of range (valid: 1.." + numItems + ")");
          }
        }
        float[] row = new float[c.length];
        scoring.scoreCandidates(states.rows()[u], c, c.length, scratch, row);
        out[u] = row;
      }
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
    return s != null ? s : new Scratch(FloatTensor.zeros((long) CHUNK * dim),
        FloatTensor.zeros((long) CHUNK * (numItems + 1)));
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
