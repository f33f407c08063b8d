package org.recsys.attention.head;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.recsys.attention.nn.Blas;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.RowUpdates;

/**
 * The dot-product scoring kernels over an item table, shared by training and inference: a row of states
 * against a few candidates (two GEMVs on the gathered rows, buffered table updates), and a chunk of rows against every item (one
 * GEMM), each with its backward. With a per-item bias, {@code score(i) = state . table[i] + bias[i]} on both
 * paths. Row 0 of the table (padding) is never scored by a candidate, and its column in full scoring is left to
 * the caller. Holds no mutable state: callers pass their own scratch.
 */
public final class DotScoring implements Scoring {
  private final FloatTensor table;
  private final FloatTensor bias;
  private final FloatTensor tableGradient;
  private final FloatTensor biasGradient;
  private final int numItems;
  private final int dim;

  /**
   * @param table the table {@code [>= numItems + 1, dim]}
   * @param bias the per-item bias {@code [numItems + 1]}, or null for none
   * @param tableGradient where backward passes add the table's gradient; null for inference
   * @param biasGradient where backward passes add the bias's gradient; null for inference or without a bias
   */
  public DotScoring(FloatTensor table, FloatTensor bias, int numItems, int dim, FloatTensor tableGradient,
      FloatTensor biasGradient) {
    long[] shape = table.shape();
    if (shape.length != 2 || shape[0] < numItems + 1 || shape[1] != dim || numItems < 1) {
      throw new IllegalArgumentException("an item table of shape " + Arrays.toString(shape) + " cannot score "
          + numItems + " items of size " + dim);
    }
    if (bias != null && bias.length() != numItems + 1) {
      throw new IllegalArgumentException("a score bias of " + bias.length() + " values for " + numItems + " items");
    }
    this.table = table;
    this.bias = bias;
    this.tableGradient = tableGradient;
    this.biasGradient = biasGradient;
    this.numItems = numItems;
    this.dim = dim;
  }

  @Override
  public int numItems() {
    return numItems;
  }

  @Override
  public int dim() {
    return dim;
  }

  /**
   * {@code scores[i] = state . table[candidates[i]] (+ bias[candidates[i]])} for {@code i < count}: the
   * candidates' rows are gathered into {@code scratch} (kept for {@link #backCandidates}) and scored by one GEMV.
   */
  @Override
  public void scoreCandidates(float[] state, int[] candidates, int count, CandidateScratch scratch,
      float[] scores) {
    FloatTensor rows = scratch.rows(count);
    FloatTensor out = scratch.scores(count);
    FloatBuffer e = table.buffer();
    FloatBuffer rb = rows.buffer();
    for (int i = 0; i < count; i++) {
      rb.put(i * dim, e, candidates[i] * dim, dim);
    }
    FloatTensor s = scratch.state();
    s.buffer().put(0, state, 0, dim);
    Blas.gemv(false, count, dim, 1f, rows, 0, dim, s, 0, 0f, out, 0);
    out.buffer().get(0, scores, 0, count);
    if (bias != null) {
      FloatBuffer b = bias.buffer();
      for (int i = 0; i < count; i++) {
        scores[i] += b.get(candidates[i]);
      }
    }
  }

  /**
   * With {@code coefficients[i] = d(loss)/d(score_i)}: writes {@code dState = sum_i c_i table[candidate_i]} (one
   * GEMV on the rows {@link #scoreCandidates} gathered) and adds {@code c_i state} to each candidate's table
   * gradient, buffered in {@code scratch} until its flush (and {@code c_i} to its bias's, directly).
   */
  @Override
  public void backCandidates(float[] state, int[] candidates, int count, CandidateScratch scratch,
      float[] coefficients, float[] dState) {
    FloatTensor c = scratch.scores(count);
    c.buffer().put(0, coefficients, 0, count);
    FloatTensor ds = scratch.stateGradient();
    Blas.gemv(true, count, dim, 1f, scratch.rows(count), 0, dim, c, 0, 0f, ds, 0);
    ds.buffer().get(0, dState, 0, dim);
    RowUpdates updates = scratch.updates(tableGradient);
    updates.begin(state);
    for (int i = 0; i < count; i++) {
      updates.add(candidates[i], coefficients[i]);
    }
    if (biasGradient != null) {
      FloatBuffer db = biasGradient.buffer();
      for (int i = 0; i < count; i++) {
        db.put(candidates[i], db.get(candidates[i]) + coefficients[i]);
      }
    }
  }

  /**
   * {@code logits[i][0..n] = states[from + i] . table[0..n] (+ bias[0..n])} for {@code m} rows of {@code states}
   * starting at row {@code from}; {@code logits} is row-major {@code m x (n + 1)}.
   */
  @Override
  public void scoreAll(FloatTensor states, long from, int m, FloatTensor logits) {
    int v = numItems + 1;
    if (bias != null) {
      // The bias rows first, then the product added onto them in the GEMM: no second sweep over the logits.
      FloatBuffer lb = logits.buffer();
      FloatBuffer b = bias.buffer();
      for (int i = 0; i < m; i++) {
        lb.put(i * v, b, 0, v);
      }
    }
    Blas.gemm(false, true, m, v, dim, 1f, states, from * dim, dim, table, 0, dim, bias != null ? 1f : 0f, logits, 0,
        v);
  }

  /**
   * With {@code dLogits} holding d(loss)/d(logits) of {@link #scoreAll}'s rows: writes their states' gradient
   * into {@code dStates} (same rows) and adds the table's (and the bias's).
   *
   * @param sums scratch of {@code n + 1} floats, used only with a bias
   * @param row scratch of {@code n + 1} floats, used only with a bias
   */
  @Override
  public void backAll(FloatTensor dLogits, FloatTensor states, long from, int m, FloatTensor dStates, float[] sums,
      float[] row) {
    int v = numItems + 1;
    Blas.gemm(false, false, m, dim, v, 1f, dLogits, 0, v, table, 0, dim, 0f, dStates, from * dim, dim);
    Blas.gemm(true, false, v, dim, m, 1f, dLogits, 0, v, states, from * dim, dim, 1f, tableGradient, 0, dim);
    if (biasGradient != null) {
      // The bias's gradient is the logits' column sums, summed on heap arrays (which C2 vectorises).
      FloatBuffer g = dLogits.buffer();
      FloatBuffer db = biasGradient.buffer();
      db.get(0, sums, 0, v);
      for (int i = 0; i < m; i++) {
        g.get(i * v, row, 0, v);
        for (int j = 0; j < v; j++) {
          sums[j] += row[j];
        }
      }
      db.put(0, sums, 0, v);
    }
  }
}
