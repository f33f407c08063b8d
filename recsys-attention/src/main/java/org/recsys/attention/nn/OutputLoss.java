package org.recsys.attention.nn;

import java.nio.FloatBuffer;

/**
 * The next-item losses over dot-product scores {@code s(row, item) = y[row] . table[item]}, shared by the
 * attention models: binary cross-entropy with sampled negatives (with gBCE's weighting as a special case),
 * sampled softmax, and full softmax cross-entropy over every item. Each call writes
 * {@code d(loss * invCount)/d(y)} for every row (zero where a row has no target) and adds the scoring's share
 * of {@code d(loss * invCount)/d(table)} to the table's gradient; it returns the summed (not averaged) loss.
 *
 * <p>The arithmetic is that of SASRec's pass (the same expressions; full softmax's exponentials come from a
 * vectorised kernel accurate to about 1e-7 relative instead of {@link FastExp}). The padding row 0 of the
 * table is never scored, so its gradient stays zero. {@code y} and {@code dy} are row-major
 * {@code rows x dim} with the table's {@code dim}; row {@code r}'s target is {@code targets[targetFrom + r]}
 * (0: no loss) and its negatives are {@code negatives[(targetFrom + r) * k ...]}.
 *
 * <p>The binary losses may add a learned scalar {@code bias} to every score: {@code s(row, item) = y[row] .
 * table[item] + bias}. A loss over many negatives wants every score far below zero, and without this term the
 * network can only get there by giving every item embedding a shared direction, which swamps what tells items
 * apart (it collapsed gBCE to a popularity model; BENCHMARKS.md). The softmax losses ignore the bias, since
 * adding one constant to every score does not change them.
 *
 * <p>Not thread-safe (full softmax keeps a scratch buffer): use one instance per thread.
 */
public final class OutputLoss implements AutoCloseable {
  private static final int CE_CHUNK = 256;

  private final FloatTensor table;
  private final FloatTensor tableGradient;
  private final int dim;
  private final int numItems;
  private final FloatTensor bias;
  private final FloatTensor biasGradient;
  private FloatTensor logits;
  private float[] row;
  private float[] scratch;
  // The sampled losses score each row against its own k + 1 candidates. The row of y and its candidates' table
  // rows are copied to heap arrays in bulk and the arithmetic runs there: C2 vectorises the update loops, which
  // it does not do through FloatBuffer's indexed accessors (gBCE with 256 negatives took half the time per
  // ML-1M epoch; BENCHMARKS.md).
  private float[] yRow;
  private float[] dyRow;
  private float[] zeroRow;
  private float[] candidateRows;
  private float[] gradientRow;
  private float[] scores;
  private int[] candidates;

  /**
   * @param table the scored table {@code [n + 1, dim]} (row 0 is padding)
   * @param tableGradient where the table's gradient is accumulated (same shape)
   */
  public OutputLoss(FloatTensor table, FloatTensor tableGradient) {
    this(table, tableGradient, null, null);
  }

  /**
   * @param table the scored table {@code [n + 1, dim]} (row 0 is padding)
   * @param tableGradient where the table's gradient is accumulated (same shape)
   * @param bias the binary losses' score bias {@code [1]}, or null for none
   * @param biasGradient where its gradient is accumulated ({@code [1]}; null exactly when {@code bias} is)
   */
  public OutputLoss(FloatTensor table, FloatTensor tableGradient, FloatTensor bias, FloatTensor biasGradient) {
    if ((bias == null) != (biasGradient == null)) {
      throw new IllegalArgumentException("a score bias needs both its value and its gradient");
    }
    if (bias != null && (bias.length() != 1 || biasGradient.length() != 1)) {
      throw new IllegalArgumentException("a score bias is one value");
    }
    this.bias = bias;
    this.biasGradient = biasGradient;
    long[] shape = table.shape();
    if (shape.length != 2 || shape[0] < 2) {
      throw new IllegalArgumentException("an item table must be [n + 1, dim] with n >= 1");
    }
    if (!java.util.Arrays.equals(shape, tableGradient.shape())) {
      throw new IllegalArgumentException("table gradient shape differs from the table's");
    }
    this.table = table;
    this.tableGradient = tableGradient;
    this.numItems = (int) shape[0] - 1;
    this.dim = (int) shape[1];
  }

  /**
   * The loss {@code kind} as its method here: BCE ({@code beta = norm = 1}), gBCE ({@code norm = 1 / (k + 1)}),
   * sampled softmax or full softmax; see the class comment for the arguments.
   *
   * @param beta gBCE's positive-score weight (ignored by the other losses)
   * @param exclude for full softmax: the windows whose items leave each row's softmax (all but the row's own
   *     target), or null to score every item; ignored by the sampled losses, whose negatives already avoid them
   */
  public double compute(NextItemLoss kind, double beta, FloatTensor y, int rows, int[] targets, int targetFrom,
      int[] negatives, int k, float invCount, FloatTensor dy, WindowItems exclude) {
    return switch (kind) {
      case BCE -> binary(y, rows, targets, targetFrom, negatives, k, 1f, 1f, invCount, dy);
      case GBCE -> binary(y, rows, targets, targetFrom, negatives, k, (float) beta, 1f / (k + 1), invCount, dy);
      case SAMPLED_SOFTMAX -> sampledSoftmax(y, rows, targets, targetFrom, negatives, k, invCount, dy);
      case CE -> fullSoftmax(y, rows, targets, targetFrom, invCount, dy, exclude);
    };
  }

  /**
   * Binary cross-entropy: per target row {@code norm * (beta * softplus(-s+) + sum_k softplus(s_k))}. BCE is
   * {@code beta = norm = 1}; gBCE passes its {@code beta} and {@code norm = 1 / (k + 1)}. The scores include the
   * score bias, when there is one, whose gradient is accumulated too.
   */
  public double binary(FloatTensor y, int rows, int[] targets, int targetFrom, int[] negatives, int k, float beta,
      float norm, float invCount, FloatTensor dy) {
    ensureRowScratch(k);
    float[] s = scores;
    float b = bias == null ? 0f : bias.get(0);
    double biasSum = 0;
    double total = 0;
    for (int r = 0; r < rows; r++) {
      int target = targets[targetFrom + r];
      if (!loadRow(y, r, target, negatives, targetFrom, k)) {
        dy.buffer().put(r * dim, zeroRow, 0, dim);
        continue;
      }
      scoreCandidates(k + 1);
      if (bias != null) {
        for (int q = 0; q <= k; q++) {
          s[q] += b;
        }
      }
      float scale = norm * invCount;
      // The positive's terms are those of a negative scored -s+: softplus(-s+) and -sigmoid(-s+).
      s[0] = -s[0];
      double rowLoss = 0;
      for (int q = 0; q <= k; q++) {
        double x = s[q];
        double t = Math.exp(-Math.abs(x));
        double softplus = Math.max(x, 0) + Math.log(1 + t);
        double sigmoid = x >= 0 ? 1 / (1 + t) : t / (1 + t);
        if (q == 0) {
          rowLoss += beta * softplus;
          s[q] = (float) (-beta * sigmoid) * scale;
        } else {
          rowLoss += softplus;
          s[q] = (float) sigmoid * scale;
        }
      }
      total += rowLoss * norm;
      if (bias != null) {
        for (int q = 0; q <= k; q++) {
          biasSum += s[q];
        }
      }
      backCandidates(dy, r, k + 1);
    }
    if (bias != null) {
      biasGradient.set(0, (float) (biasGradient.get(0) + biasSum));
    }
    return total;
  }

  /** Softmax cross-entropy over the target and its {@code k} sampled negatives. */
  public double sampledSoftmax(FloatTensor y, int rows, int[] targets, int targetFrom, int[] negatives, int k,
      float invCount, FloatTensor dy) {
    ensureRowScratch(k);
    float[] s = scores;
    double total = 0;
    for (int r = 0; r < rows; r++) {
      int target = targets[targetFrom + r];
      if (!loadRow(y, r, target, negatives, targetFrom, k)) {
        dy.buffer().put(r * dim, zeroRow, 0, dim);
        continue;
      }
      scoreCandidates(k + 1);
      float max = Float.NEGATIVE_INFINITY;
      for (int i = 0; i <= k; i++) {
        max = Math.max(max, s[i]);
      }
      double sum = 0;
      for (int i = 0; i <= k; i++) {
        s[i] = (float) Math.exp(s[i] - max);
        sum += s[i];
      }
      total += Math.log(sum) - Math.log(s[0]);
      for (int i = 0; i <= k; i++) {
        s[i] = ((float) (s[i] / sum) - (i == 0 ? 1f : 0f)) * invCount;
      }
      backCandidates(dy, r, k + 1);
    }
    return total;
  }

  private void ensureRowScratch(int k) {
    if (scores == null || scores.length < k + 1) {
      yRow = new float[dim];
      dyRow = new float[dim];
      zeroRow = new float[dim];
      gradientRow = new float[dim];
      candidateRows = new float[(k + 1) * dim];
      scores = new float[k + 1];
      candidates = new int[k + 1];
    }
  }

  /** Loads row {@code r} of y and its candidates' table rows; false when the row has no target. */
  private boolean loadRow(FloatTensor y, int r, int target, int[] negatives, int targetFrom, int k) {
    if (target == 0) {
      return false;
    }
    y.buffer().get(r * dim, yRow, 0, dim);
    candidates[0] = target;
    System.arraycopy(negatives, (targetFrom + r) * k, candidates, 1, k);
    FloatBuffer e = table.buffer();
    for (int i = 0; i <= k; i++) {
      e.get(candidates[i] * dim, candidateRows, i * dim, dim);
    }
    return true;
  }

  /** {@code scores[i] = y . E[candidates[i]]} for the loaded row. */
  private void scoreCandidates(int count) {
    for (int i = 0; i < count; i++) {
      scores[i] = Reductions.dot(yRow, 0, candidateRows, i * dim, dim);
    }
  }

  /**
   * With {@code scores[i]} now holding {@code dLoss/dscore_i}: writes {@code dy[r] = sum_i c_i E[i]} and adds
   * {@code c_i y[r]} to each candidate's table gradient.
   */
  private void backCandidates(FloatTensor dy, int r, int count) {
    float[] g = dyRow;
    java.util.Arrays.fill(g, 0f);
    FloatBuffer de = tableGradient.buffer();
    for (int i = 0; i < count; i++) {
      float c = scores[i];
      int o = i * dim;
      for (int j = 0; j < dim; j++) {
        g[j] += c * candidateRows[o + j];
      }
      int eo = candidates[i] * dim;
      de.get(eo, gradientRow, 0, dim);
      for (int j = 0; j < dim; j++) {
        gradientRow[j] += c * yRow[j];
      }
      de.put(eo, gradientRow, 0, dim);
    }
    dy.buffer().put(r * dim, g, 0, dim);
  }

  /**
   * Softmax cross-entropy over every item {@code 1..n}: {@code logsumexp(s_1..s_n) - s+}. The per-row work runs on
   * heap arrays in short loops that C2 vectorises, with {@link VectorExp#expInPlace}; against scalar {@link FastExp} over
   * the ND4J buffer this cut a whole LSTM-attention CE step on ML-1M shapes by about a third.
   *
   * @param exclude when not null, each row's softmax leaves out the items of its window except its own target:
   *     {@code logsumexp} over the other items only, and those items get no gradient from the row
   */
  public double fullSoftmax(FloatTensor y, int rows, int[] targets, int targetFrom, float invCount, FloatTensor dy,
      WindowItems exclude) {
    int window = 0;
    int v = numItems + 1;
    int d = dim;
    if (logits == null) {
      // Allocated on first use only: CE_CHUNK x (n + 1) floats is large for big catalogues.
      logits = FloatTensor.zeros((long) CE_CHUNK * v);
      row = new float[v];
      scratch = new float[v];
    }
    FloatBuffer lb = logits.buffer();
    float[] x = row;
    double total = 0;
    for (int c0 = 0; c0 < rows; c0 += CE_CHUNK) {
      int m = Math.min(CE_CHUNK, rows - c0);
      Blas.gemm(false, true, m, v, d, 1f, y, (long) c0 * d, d, table, 0, d, 0f, logits, 0, v);
      for (int i = 0; i < m; i++) {
        int ro = i * v;
        int target = targets[targetFrom + c0 + i];
        if (target == 0) {
          logits.fill(ro, ro + v, 0f);
          continue;
        }
        lb.get(ro, x, 0, v);
        x[0] = x[1];
        int from = 0;
        int to = 0;
        if (exclude != null) {
          // The window's items leave the softmax (their exponentials are zeroed below); the target stays.
          int g = targetFrom + c0 + i;
          while (exclude.start()[window + 1] <= g) {
            window++;
          }
          from = exclude.start()[window];
          to = exclude.start()[window + 1];
          for (int j = from; j < to; j++) {
            x[exclude.items()[j]] = Float.NEGATIVE_INFINITY;
            x[exclude.targets()[j]] = Float.NEGATIVE_INFINITY;
          }
          x[target] = lb.get(ro + target);
        }
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < v; j++) {
          max = Math.max(max, x[j]);
        }
        float targetLogit = x[target];
        for (int j = 0; j < v; j++) {
          x[j] -= max;
        }
        VectorExp.expInPlace(x, scratch, v);
        x[0] = 0f;
        for (int j = from; j < to; j++) {
          if (exclude.items()[j] != target) {
            x[exclude.items()[j]] = 0f;
          }
          if (exclude.targets()[j] != target) {
            x[exclude.targets()[j]] = 0f;
          }
        }
        float sum = Reductions.sum(x, v);
        total += Math.log(sum) + max - targetLogit;
        float inv = invCount / sum;
        for (int j = 0; j < v; j++) {
          x[j] *= inv;
        }
        x[target] -= invCount;
        lb.put(ro, x, 0, v);
      }
      Blas.gemm(false, false, m, d, v, 1f, logits, 0, v, table, 0, d, 0f, dy, (long) c0 * d, d);
      Blas.gemm(true, false, v, d, m, 1f, logits, 0, v, y, (long) c0 * d, d, 1f, tableGradient, 0, d);
    }
    return total;
  }

  /** Frees the full-softmax scratch (not the table). */
  @Override
  public void close() {
    if (logits != null) {
      logits.close();
      logits = null;
    }
  }
}
