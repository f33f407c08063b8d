package org.recsys.attention.layer;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import org.recsys.attention.nn.Blas;
import org.recsys.attention.nn.DropoutRandom;
import org.recsys.attention.nn.FastExp;
import org.recsys.attention.nn.FastTanh;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.nn.Reductions;

/**
 * Causal additive (Bahdanau) attention over each sequence's rows so far, combined with the row itself:
 * {@code score(t, j) = v . tanh(Wq h_t + bq + Wk h_j)} for {@code j <= t}, {@code alpha_t = softmax_j(score)},
 * {@code c_t = sum_j alpha_tj h_j}, output {@code dropout([h_t ; c_t]) Wc + bc}. This is the LSTM-attention
 * model's read-out over its LSTM states.
 *
 * <p>Parameters: {@code <name>.wq [in, a]} and {@code <name>.wk [in, a]} (Xavier-normal), {@code <name>.bq [a]}
 * (zeros), {@code <name>.v [a]} (uniform in {@code +-1/sqrt(a)}), and the combination {@code <name>.combine.w
 * [2 in, out]} (Xavier-normal) and {@code <name>.combine.b [out]} (zeros). An empty history's output is
 * {@code bc}: no evidence.
 *
 * <p>The scores run over keys transposed into one heap array per attention unit, so that the tanh loop over a
 * query's keys vectorises ({@link FastTanh}); every heap array starts at index 0 (C2 vectorises only loops whose
 * arrays share one offset).
 *
 * @param attentionSize the size {@code a} of the score's hidden layer
 * @param dropout drop rate of {@code [h_t ; c_t]} in training
 */
public record AttentionPooling(String name, int inputSize, int attentionSize, int outputSize, double dropout)
    implements Layer {
  public AttentionPooling {
    if (inputSize < 1 || attentionSize < 1 || outputSize < 1) {
      throw new IllegalArgumentException(name + ": sizes must be positive, got " + inputSize + ", " + attentionSize
          + " and " + outputSize);
    }
    DropoutRandom.threshold(dropout);
  }

  /** The combination's weight's parameter name. */
  public String combineWeight() {
    return name + ".combine.w";
  }

  /** The combination's bias's parameter name. */
  public String combineBias() {
    return name + ".combine.b";
  }

  @Override
  public List<ParameterSpec> parameters() {
    int h = inputSize;
    int a = attentionSize;
    Initializer projection = Initializer.normal(Math.sqrt(2.0 / (h + a)));
    return List.of(ParameterSpec.of(name + ".wq", projection, h, a),
        ParameterSpec.of(name + ".bq", Initializer.zeros(), a),
        ParameterSpec.of(name + ".wk", projection, h, a),
        ParameterSpec.of(name + ".v", Initializer.uniform(1 / Math.sqrt(a)), a),
        ParameterSpec.of(combineWeight(), Initializer.normal(Math.sqrt(2.0 / (2 * h + outputSize))), 2L * h,
            outputSize),
        ParameterSpec.of(combineBias(), Initializer.zeros(), outputSize));
  }

  @Override
  public double cost(int length) {
    return length * 12.0 * inputSize * (outputSize + attentionSize)
        + (double) length * length * (12.0 * attentionSize + 4.0 * inputSize);
  }

  @Override
  public float[] emptyOutput(ParameterSet weights) {
    return weights.value(combineBias()).toArray();
  }

  @Override
  public LayerPass pass(ParameterSet weights, boolean trainable) {
    return new Pass(weights, trainable);
  }

  private final class Pass implements LayerPass {
    private final int h = inputSize;
    private final int att = attentionSize;
    private final int d = outputSize;
    private final int wqIndex;
    private final int bqIndex;
    private final int wkIndex;
    private final int vIndex;
    private final int wcIndex;
    private final int bcIndex;
    private final ParameterSet weights;
    private final boolean trainable;
    private final int threshold = DropoutRandom.threshold(dropout);
    private final float keepScale = dropout > 0 ? (float) (1 / (1 - dropout)) : 1f;
    private final RowBuffers buffers = new RowBuffers();
    private final RowBuffers attnBuffers = new RowBuffers();
    private boolean dropoutOn;
    private int[] attnOff = new int[1];
    private int capLen = -1;
    // Native: u = [h_t ; c_t] and its dropped copy, the projections, the attention weights, the output.
    private FloatTensor u;
    private FloatTensor ud;
    private FloatTensor q;
    private FloatTensor k;
    private FloatTensor p;
    private FloatTensor out;
    private FloatTensor du;
    private FloatTensor dq;
    private FloatTensor dk;
    private FloatTensor dpScratch;
    private FloatTensor dIn;
    // Heap, kept from forward to backward.
    private float[] combineMask;
    private float[] qh;
    private float[] kh;
    private float[] ph;
    private float[] dqh;
    private float[] dkh;
    // Heap scratch, all indexed from 0.
    private float[] row;
    private float[] erow;
    private float[] wtmp;
    private float[] grow;
    private float[][] kT;
    private float[][] dkT;
    private float[][] dvAcc;
    private final float[] vh;
    private final float[] dv;

    Pass(ParameterSet weights, boolean trainable) {
      this.weights = weights;
      this.trainable = trainable;
      wqIndex = weights.indexOf(name + ".wq");
      bqIndex = weights.indexOf(name + ".bq");
      wkIndex = weights.indexOf(name + ".wk");
      vIndex = weights.indexOf(name + ".v");
      wcIndex = weights.indexOf(combineWeight());
      bcIndex = weights.indexOf(combineBias());
      vh = new float[att];
      dv = new float[att];
      row = new float[2 * h];
    }

    private FloatTensor value(int index) {
      return weights.get(index).value();
    }

    @Override
    public FloatTensor forward(Rows rows, FloatTensor in) {
      ensure(rows);
      dropoutOn = rows.training() && trainable && dropout > 0;
      int n = rows.rows();
      FloatBuffer src = in.buffer();
      FloatBuffer ub = u.buffer();
      for (int r = 0; r < n; r++) {
        src.get(r * h, row, 0, h);
        ub.put(r * 2 * h, row, 0, h);
      }
      projections(n);
      attention(rows);
      combine(rows);
      return out;
    }

    /** Its forward always covers every row (it has no last-rows path), so the weights are always there. */
    @Override
    public List<RowAttention> lastRowAttention(Rows rows, int s) {
      int n = rows.length(s);
      float[] w = new float[n];
      if (n > 0) {
        System.arraycopy(ph, attnOff[s] + (n - 1) * n, w, 0, n);
      }
      return List.of(new RowAttention(name, "attention-pooling", 0, w));
    }

    private void projections(int rows) {
      RowKernels.fillRows(q, value(bqIndex), rows, att);
      Blas.gemm(false, false, rows, att, h, 1f, u, 0, 2 * h, value(wqIndex), 0, att, 1f, q, 0, att);
      Blas.gemm(false, false, rows, att, h, 1f, u, 0, 2 * h, value(wkIndex), 0, att, 0f, k, 0, att);
      q.buffer().get(0, qh, 0, rows * att);
      k.buffer().get(0, kh, 0, rows * att);
      value(vIndex).buffer().get(0, vh, 0, att);
    }

    /** The weights of every row over its sequence's rows so far, and the contexts into {@code u}'s second half. */
    private void attention(Rows rows) {
      FloatBuffer pb = p.buffer();
      for (int s = 0; s < rows.count(); s++) {
        int n = rows.length(s);
        if (n == 0) {
          continue;
        }
        int r0 = rows.start(s);
        int po = attnOff[s];
        loadKeys(r0, n);
        for (int t = 0; t < n; t++) {
          scores(r0 + t, t + 1);
          softmax(t + 1);
          int ro = po + t * n;
          System.arraycopy(erow, 0, ph, ro, t + 1);
          Arrays.fill(ph, ro + t + 1, ro + n, 0f);
        }
        pb.put(po, ph, po, n * n);
        Blas.gemm(false, false, n, h, n, 1f, p, po, n, u, (long) r0 * 2 * h, 2 * h, 0f, u, (long) r0 * 2 * h + h,
            2 * h);
      }
    }

    /** Sequence {@code r0..r0+n)}'s keys, transposed: {@code kT[a][j]}, each array indexed from 0. */
    private void loadKeys(int r0, int n) {
      for (int j = 0; j < n; j++) {
        int o = (r0 + j) * att;
        for (int a = 0; a < att; a++) {
          kT[a][j] = kh[o + a];
        }
      }
    }

    /** {@code erow[j] = v . tanh(q_t + k_j)} for {@code j < len}. */
    private void scores(int qRow, int len) {
      float[] e = erow;
      Arrays.fill(e, 0, len, 0f);
      int qo = qRow * att;
      for (int a = 0; a < att; a++) {
        float qa = qh[qo + a];
        float va = vh[a];
        float[] ka = kT[a];
        for (int j = 0; j < len; j++) {
          e[j] += va * FastTanh.tanh(qa + ka[j]);
        }
      }
    }

    /** In-place softmax of {@code erow[0..len)}. */
    private void softmax(int len) {
      float[] e = erow;
      float max = Float.NEGATIVE_INFINITY;
      for (int j = 0; j < len; j++) {
        max = Math.max(max, e[j]);
      }
      float sum = 0f;
      for (int j = 0; j < len; j++) {
        float x = FastExp.exp(e[j] - max);
        e[j] = x;
        sum += x;
      }
      float inv = 1f / sum;
      for (int j = 0; j < len; j++) {
        e[j] *= inv;
      }
    }

    /** {@code out = dropout(u) Wc + bc}; each sequence draws its mask from its own stream, row by row. */
    private void combine(Rows rows) {
      int n = rows.rows();
      FloatTensor src = u;
      if (dropoutOn) {
        FloatBuffer ub = u.buffer();
        FloatBuffer db = ud.buffer();
        for (int s = 0; s < rows.count(); s++) {
          DropoutRandom random = rows.random(s);
          for (int i = rows.start(s) * 2 * h; i < rows.start(s + 1) * 2 * h; i++) {
            float m = random.keep(threshold) ? keepScale : 0f;
            combineMask[i] = m;
            db.put(i, ub.get(i) * m);
          }
        }
        src = ud;
      }
      RowKernels.fillRows(out, value(bcIndex), n, d);
      Blas.gemm(false, false, n, d, 2 * h, 1f, src, 0, 2 * h, value(wcIndex), 0, d, 1f, out, 0, d);
    }

    @Override
    public FloatTensor backward(Rows rows, FloatTensor dOut, FloatTensor[] grads) {
      int n = rows.rows();
      FloatTensor src = dropoutOn ? ud : u;
      Blas.gemm(true, false, 2 * h, d, n, 1f, src, 0, 2 * h, dOut, 0, d, 1f, grads[wcIndex], 0, d);
      RowKernels.addColumnSums(dOut, grads[bcIndex], n, d);
      Blas.gemm(false, true, n, 2 * h, d, 1f, dOut, 0, d, value(wcIndex), 0, d, 0f, du, 0, 2 * h);
      FloatBuffer dub = du.buffer();
      FloatBuffer db = dIn.buffer();
      for (int r = 0; r < n; r++) {
        dub.get(r * 2 * h, row, 0, 2 * h);
        if (dropoutOn) {
          int o = r * 2 * h;
          for (int j = 0; j < 2 * h; j++) {
            row[j] *= combineMask[o + j];
          }
          dub.put(o, row, 0, 2 * h);
        }
        // The direct path: d(h_t) starts as dU[:, :h].
        db.put(r * h, row, 0, h);
      }
      attentionBackward(rows, grads);
      return dIn;
    }

    /** Back through the contexts, the weights and the scores, adding into {@code dIn}. */
    private void attentionBackward(Rows rows, FloatTensor[] grads) {
      int n0 = rows.rows();
      Arrays.fill(dv, 0f);
      FloatBuffer dpb = dpScratch.buffer();
      float[] g = grow;
      for (int s = 0; s < rows.count(); s++) {
        int n = rows.length(s);
        if (n == 0) {
          continue;
        }
        int r0 = rows.start(s);
        int po = attnOff[s];
        long uo = (long) r0 * 2 * h;
        // dP = dC Hs^T; dHs += P^T dC.
        Blas.gemm(false, true, n, n, h, 1f, du, uo + h, 2 * h, u, uo, 2 * h, 0f, dpScratch, 0, n);
        Blas.gemm(true, false, n, h, n, 1f, p, po, n, du, uo + h, 2 * h, 1f, dIn, (long) r0 * h, h);
        loadKeys(r0, n);
        for (int a = 0; a < att; a++) {
          Arrays.fill(dkT[a], 0, n, 0f);
          Arrays.fill(dvAcc[a], 0, n, 0f);
        }
        for (int t = 0; t < n; t++) {
          int len = t + 1;
          int ro = po + t * n;
          dpb.get(t * n, g, 0, len);
          float dot = 0f;
          for (int j = 0; j < len; j++) {
            dot += g[j] * ph[ro + j];
          }
          for (int j = 0; j < len; j++) {
            g[j] = ph[ro + j] * (g[j] - dot);
          }
          int qo = (r0 + t) * att;
          for (int a = 0; a < att; a++) {
            float qa = qh[qo + a];
            float va = vh[a];
            float[] ka = kT[a];
            float[] dka = dkT[a];
            float[] dva = dvAcc[a];
            float[] wt = wtmp;
            float[] th = erow;
            for (int j = 0; j < len; j++) {
              th[j] = FastTanh.tanh(qa + ka[j]);
            }
            for (int j = 0; j < len; j++) {
              dva[j] += g[j] * th[j];
            }
            for (int j = 0; j < len; j++) {
              wt[j] = g[j] * va * (1f - th[j] * th[j]);
            }
            for (int j = 0; j < len; j++) {
              dka[j] += wt[j];
            }
            dqh[qo + a] = Reductions.sum(wt, len);
          }
        }
        for (int a = 0; a < att; a++) {
          dv[a] += Reductions.sum(dvAcc[a], n);
          float[] dka = dkT[a];
          for (int j = 0; j < n; j++) {
            dkh[(r0 + j) * att + a] = dka[j];
          }
        }
      }
      FloatBuffer gv = grads[vIndex].buffer();
      for (int a = 0; a < att; a++) {
        gv.put(a, gv.get(a) + dv[a]);
      }
      dq.buffer().put(0, dqh, 0, n0 * att);
      dk.buffer().put(0, dkh, 0, n0 * att);
      Blas.gemm(true, false, h, att, n0, 1f, u, 0, 2 * h, dq, 0, att, 1f, grads[wqIndex], 0, att);
      RowKernels.addColumnSums(dq, grads[bqIndex], n0, att);
      Blas.gemm(true, false, h, att, n0, 1f, u, 0, 2 * h, dk, 0, att, 1f, grads[wkIndex], 0, att);
      Blas.gemm(false, true, n0, h, att, 1f, dq, 0, att, value(wqIndex), 0, att, 1f, dIn, 0, h);
      Blas.gemm(false, true, n0, h, att, 1f, dk, 0, att, value(wkIndex), 0, att, 1f, dIn, 0, h);
    }

    private void ensure(Rows rows) {
      if (!buffers.fits(rows.rows())) {
        u = buffers.allocate(2 * h);
        q = buffers.allocate(att);
        k = buffers.allocate(att);
        out = buffers.allocate(d);
        int cap = buffers.capacity();
        qh = new float[cap * att];
        kh = new float[cap * att];
        if (trainable) {
          du = buffers.allocate(2 * h);
          dq = buffers.allocate(att);
          dk = buffers.allocate(att);
          dIn = buffers.allocate(h);
          dqh = new float[cap * att];
          dkh = new float[cap * att];
          if (dropout > 0) {
            ud = buffers.allocate(2 * h);
            combineMask = new float[cap * 2 * h];
          }
        }
      }
      if (attnOff.length < rows.count() + 1) {
        attnOff = new int[rows.count() + 1];
      }
      long total = 0;
      for (int s = 0; s < rows.count(); s++) {
        attnOff[s] = (int) total;
        total += (long) rows.length(s) * rows.length(s);
      }
      if (total > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("batch too large: " + total + " attention weights; use smaller batches");
      }
      attnOff[rows.count()] = (int) total;
      if (!attnBuffers.fits((int) total)) {
        p = attnBuffers.allocate(1);
        ph = new float[attnBuffers.capacity()];
        capLen = -1;
      }
      int longest = Math.max(1, rows.longest());
      if (longest > capLen) {
        capLen = Math.max(longest, capLen + capLen / 2);
        if (trainable) {
          dpScratch = attnBuffers.allocateFlat((long) capLen * capLen);
        }
        erow = new float[capLen];
        wtmp = new float[capLen];
        grow = new float[capLen];
        kT = new float[att][capLen];
        dkT = new float[att][capLen];
        dvAcc = new float[att][capLen];
      }
    }

    @Override
    public void close() {
      buffers.close();
      attnBuffers.close();
    }
  }
}
