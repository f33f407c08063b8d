package org.recsys.attention.sasrec;

import static org.recsys.attention.sasrec.SasRecWeights.B1;
import static org.recsys.attention.sasrec.SasRecWeights.B2;
import static org.recsys.attention.sasrec.SasRecWeights.BK;
import static org.recsys.attention.sasrec.SasRecWeights.BO;
import static org.recsys.attention.sasrec.SasRecWeights.BQ;
import static org.recsys.attention.sasrec.SasRecWeights.BV;
import static org.recsys.attention.sasrec.SasRecWeights.ITEM;
import static org.recsys.attention.sasrec.SasRecWeights.LN1_BIAS;
import static org.recsys.attention.sasrec.SasRecWeights.LN1_GAIN;
import static org.recsys.attention.sasrec.SasRecWeights.LN2_BIAS;
import static org.recsys.attention.sasrec.SasRecWeights.LN2_GAIN;
import static org.recsys.attention.sasrec.SasRecWeights.POSITION;
import static org.recsys.attention.sasrec.SasRecWeights.W1;
import static org.recsys.attention.sasrec.SasRecWeights.W2;
import static org.recsys.attention.sasrec.SasRecWeights.WK;
import static org.recsys.attention.sasrec.SasRecWeights.WO;
import static org.recsys.attention.sasrec.SasRecWeights.WQ;
import static org.recsys.attention.sasrec.SasRecWeights.WV;

import java.nio.FloatBuffer;
import org.recsys.attention.nn.Blas;
import org.recsys.attention.nn.DropoutRandom;
import org.recsys.attention.nn.FastExp;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.LayerNorm;
import org.recsys.attention.nn.NextItemLoss;
import org.recsys.attention.nn.OutputLoss;
import org.recsys.attention.nn.PassBuffers;
import org.recsys.attention.nn.WindowItems;
import org.recsys.attention.train.PackedSequences;

/**
 * The hand-written forward and backward passes of SASRec over one thread's share of a batch (a contiguous range
 * of {@link PackedSequences}), with every buffer allocated once and reused.
 *
 * <p>Per block, as the reference implementations (Kang and McAuley's TensorFlow code and the public PyTorch
 * port): {@code Qn = LN1(X)}; causal multi-head attention with queries from {@code Qn} and keys and values from
 * {@code X}, dropout on the attention weights, output projection; {@code H = Qn + attention}; {@code F = LN2(H)};
 * {@code X' = F + dropout(W2 relu(dropout(W1 F + b1)) + b2)}. After the blocks, a final layer norm. Inputs are
 * {@code dropout(sqrt(d) * E[item] + P[position])}, positions counted as the weights' {@link PositionOrigin}
 * says. Keys of padding positions are never attended, and padding rows do not exist in the packed layout, so the
 * outputs at real positions equal those of the padded layout with padding masked after every block.
 *
 * <p>Not thread-safe: each thread owns its pass.
 */
final class SasRecPass implements AutoCloseable {
  private static final float LN_EPS = 1e-8f;

  private final SasRecWeights w;
  private final boolean trainable;
  private final int d;
  private final int heads;
  private final int dh;
  private final int blocks;
  private final float sqrtD;
  private final float scale;
  private final float dropout;
  private final float keepScale;
  /** Gradients aligned with the weights' set; {@code null} for an inference-only pass. */
  private final FloatTensor[] grads;
  private final PassBuffers buffers = new PassBuffers();

  private int capRows = -1;
  private int capAttn = -1;
  private int capSeqLen = -1;
  private FloatTensor[] x;
  private FloatTensor embMask;
  private Acts[] acts;
  private FloatTensor xhatF;
  private FloatTensor rstdF;
  private FloatTensor y;
  private FloatTensor g1;
  private FloatTensor g2;
  private FloatTensor gx;
  private FloatTensor gx2;
  private FloatTensor gQ;
  private FloatTensor gK;
  private FloatTensor gV;
  private FloatTensor scratch;
  private OutputLoss outputLoss;

  private PackedSequences batch;
  private int seqFrom;
  private int seqCount;
  private int rowFrom;
  private int rows;
  private int[] localStart = new int[1];
  private int[] attnOff = new int[1];
  private boolean dropoutOn;
  private DropoutRandom[] rng = new DropoutRandom[0];

  /** Activations of one block. In an inference pass all blocks share one set. */
  private static final class Acts {
    FloatTensor xhat1;
    FloatTensor rstd1;
    FloatTensor qn;
    FloatTensor q;
    FloatTensor k;
    FloatTensor v;
    FloatTensor probs;
    FloatTensor probsDrop;
    FloatTensor att;
    FloatTensor xhat2;
    FloatTensor rstd2;
    FloatTensor fn;
    FloatTensor u;
    FloatTensor mask1;
    FloatTensor mask2;
  }

  /**
   * @param grads where the backward pass writes gradients, aligned with {@code weights.set}; {@code null}
   *     makes an inference-only pass that keeps one block's activations
   */
  SasRecPass(SasRecWeights weights, float dropout, FloatTensor[] grads) {
    this.w = weights;
    this.grads = grads;
    this.trainable = grads != null;
    this.d = weights.dim;
    this.heads = weights.heads;
    this.dh = d / heads;
    this.blocks = weights.blocks;
    this.sqrtD = (float) Math.sqrt(d);
    this.scale = (float) (1 / Math.sqrt(dh));
    this.dropout = dropout;
    this.keepScale = dropout > 0 ? 1f / (1f - dropout) : 1f;
    if (grads != null && grads.length != weights.set.size()) {
      throw new IllegalArgumentException(grads.length + " gradients for " + weights.set.size() + " tensors");
    }
  }

  /** Rows of the current forward pass. */
  int rows() {
    return rows;
  }

  // ---------------------------------------------------------------------------------------------- forward

  /**
   * Runs the network on sequences {@code [from, to)} of {@code packed}.
   *
   * @param withDropout apply dropout (training); the masks come from {@code seed} and the sequence index
   */
  void forward(PackedSequences packed, int from, int to, boolean withDropout, long seed) {
    if (withDropout && !trainable) {
      throw new IllegalStateException("an inference pass has no dropout");
    }
    batch = packed;
    seqFrom = from;
    seqCount = to - from;
    rowFrom = packed.start[from];
    rows = packed.start[to] - rowFrom;
    dropoutOn = withDropout && dropout > 0;
    if (localStart.length < seqCount + 1) {
      localStart = new int[seqCount + 1];
      attnOff = new int[seqCount + 1];
    }
    int attn = 0;
    int longest = 0;
    for (int s = 0; s < seqCount; s++) {
      int n = packed.length(from + s);
      localStart[s] = packed.start[from + s] - rowFrom;
      attnOff[s] = attn;
      attn += heads * n * n;
      longest = Math.max(longest, n);
    }
    localStart[seqCount] = rows;
    attnOff[seqCount] = attn;
    ensureCapacity(rows, attn, longest);
    if (dropoutOn) {
      if (rng.length < seqCount) {
        rng = new DropoutRandom[seqCount];
        for (int s = 0; s < seqCount; s++) {
          rng[s] = new DropoutRandom(0, dropout);
        }
      }
      for (int s = 0; s < seqCount; s++) {
        rng[s].reset(DropoutRandom.mix(seed, from + s));
      }
    }
    embed();
    for (int l = 0; l < blocks; l++) {
      blockForward(l);
    }
    LayerNorm.forward(xAt(blocks), xhatF, rstdF, y, w.value(w.finalGain()), w.value(w.finalBias()), rows, d,
        LN_EPS);
  }

  /** Copies the final state of each sequence (its last row) into {@code out[offset + s]}. */
  void lastStates(float[][] out, int offset) {
    FloatBuffer yb = y.buffer();
    FloatBuffer bias = w.value(w.finalBias()).buffer();
    for (int s = 0; s < seqCount; s++) {
      float[] row = new float[d];
      int n = localStart[s + 1] - localStart[s];
      if (n == 0) {
        // An empty history: the final norm of the all-zero padding state is its bias.
        for (int j = 0; j < d; j++) {
          row[j] = bias.get(j);
        }
      } else {
        int o = (localStart[s + 1] - 1) * d;
        for (int j = 0; j < d; j++) {
          row[j] = yb.get(o + j);
        }
      }
      out[offset + s] = row;
    }
  }

  /** The output state of local row {@code r} (test hook). */
  float[] outputRow(int r) {
    float[] row = new float[d];
    for (int j = 0; j < d; j++) {
      row[j] = y.get(r * d + j);
    }
    return row;
  }

  private FloatTensor xAt(int l) {
    return trainable ? x[l] : x[l % 2];
  }

  private Acts actsAt(int l) {
    return trainable ? acts[l] : acts[0];
  }

  private void embed() {
    FloatBuffer e = w.value(ITEM).buffer();
    FloatBuffer p = w.value(POSITION).buffer();
    FloatBuffer out = xAt(0).buffer();
    FloatBuffer mask = dropoutOn ? embMask.buffer() : null;
    for (int s = 0; s < seqCount; s++) {
      DropoutRandom random = dropoutOn ? rng[s] : null;
      for (int r = localStart[s]; r < localStart[s + 1]; r++) {
        int eo = batch.items[rowFrom + r] * d;
        int po = position(s, r) * d;
        int o = r * d;
        for (int j = 0; j < d; j++) {
          float v = e.get(eo + j) * sqrtD + p.get(po + j);
          if (mask != null) {
            float m = random.keep() ? keepScale : 0f;
            mask.put(o + j, m);
            v *= m;
          }
          out.put(o + j, v);
        }
      }
    }
  }

  private void blockForward(int l) {
    Acts a = actsAt(l);
    FloatTensor in = xAt(l);
    FloatTensor out = xAt(l + 1);
    LayerNorm.forward(in, a.xhat1, a.rstd1, a.qn, w.block(l, LN1_GAIN), w.block(l, LN1_BIAS), rows, d, LN_EPS);
    linear(a.qn, w.block(l, WQ), w.block(l, BQ), a.q);
    linear(in, w.block(l, WK), w.block(l, BK), a.k);
    linear(in, w.block(l, WV), w.block(l, BV), a.v);
    FloatTensor pd = dropoutOn ? a.probsDrop : a.probs;
    for (int s = 0; s < seqCount; s++) {
      int n = localStart[s + 1] - localStart[s];
      for (int h = 0; h < heads; h++) {
        attentionForward(a, pd, s, n, h);
      }
    }
    // H = Qn + (att Wo + bo), built in g1, then normalised.
    addRowsBias(g1, a.qn, w.block(l, BO));
    Blas.gemm(false, false, rows, d, d, 1f, a.att, 0, d, w.block(l, WO), 0, d, 1f, g1, 0, d);
    LayerNorm.forward(g1, a.xhat2, a.rstd2, a.fn, w.block(l, LN2_GAIN), w.block(l, LN2_BIAS), rows, d, LN_EPS);
    linear(a.fn, w.block(l, W1), w.block(l, B1), a.u);
    reluDropout(a);
    linear(a.u, w.block(l, W2), w.block(l, B2), g1);
    residualDropout(a, out);
  }

  private void attentionForward(Acts a, FloatTensor pd, int s, int n, int h) {
    if (n == 0) {
      return;
    }
    int off = localStart[s] * d + h * dh;
    int pOff = attnOff[s] + h * n * n;
    Blas.gemm(false, true, n, n, dh, scale, a.q, off, d, a.k, off, d, 0f, a.probs, pOff, n);
    FloatBuffer pb = a.probs.buffer();
    FloatBuffer db = pd.buffer();
    DropoutRandom random = dropoutOn ? rng[s] : null;
    for (int i = 0; i < n; i++) {
      int ro = pOff + i * n;
      float max = Float.NEGATIVE_INFINITY;
      for (int j = 0; j <= i; j++) {
        max = Math.max(max, pb.get(ro + j));
      }
      float sum = 0f;
      for (int j = 0; j <= i; j++) {
        float e = FastExp.exp(pb.get(ro + j) - max);
        pb.put(ro + j, e);
        sum += e;
      }
      float inv = 1f / sum;
      for (int j = 0; j <= i; j++) {
        pb.put(ro + j, pb.get(ro + j) * inv);
      }
      for (int j = i + 1; j < n; j++) {
        pb.put(ro + j, 0f);
      }
      if (random != null) {
        for (int j = 0; j <= i; j++) {
          db.put(ro + j, random.keep() ? pb.get(ro + j) * keepScale : 0f);
        }
        for (int j = i + 1; j < n; j++) {
          db.put(ro + j, 0f);
        }
      }
    }
    Blas.gemm(false, false, n, dh, n, 1f, pd, pOff, n, a.v, off, d, 0f, a.att, off, d);
  }

  private void reluDropout(Acts a) {
    FloatBuffer u = a.u.buffer();
    int len = rows * d;
    if (!dropoutOn) {
      for (int i = 0; i < len; i++) {
        float v = u.get(i);
        u.put(i, v > 0f ? v : 0f);
      }
      return;
    }
    FloatBuffer m = a.mask1.buffer();
    for (int s = 0; s < seqCount; s++) {
      DropoutRandom random = rng[s];
      for (int i = localStart[s] * d; i < localStart[s + 1] * d; i++) {
        float mk = random.keep() ? keepScale : 0f;
        m.put(i, mk);
        float v = u.get(i) * mk;
        u.put(i, v > 0f ? v : 0f);
      }
    }
  }

  /** out = Fn + dropout(g1). */
  private void residualDropout(Acts a, FloatTensor out) {
    FloatBuffer f = a.fn.buffer();
    FloatBuffer z = g1.buffer();
    FloatBuffer o = out.buffer();
    int len = rows * d;
    if (!dropoutOn) {
      for (int i = 0; i < len; i++) {
        o.put(i, f.get(i) + z.get(i));
      }
      return;
    }
    FloatBuffer m = a.mask2.buffer();
    for (int s = 0; s < seqCount; s++) {
      DropoutRandom random = rng[s];
      for (int i = localStart[s] * d; i < localStart[s + 1] * d; i++) {
        float mk = random.keep() ? keepScale : 0f;
        m.put(i, mk);
        o.put(i, f.get(i) + z.get(i) * mk);
      }
    }
  }

  /** out = in W + b over the current rows. */
  private void linear(FloatTensor in, FloatTensor weight, FloatTensor bias, FloatTensor out) {
    fillRows(out, bias);
    Blas.gemm(false, false, rows, d, d, 1f, in, 0, d, weight, 0, d, 1f, out, 0, d);
  }

  private void fillRows(FloatTensor out, FloatTensor bias) {
    FloatBuffer o = out.buffer();
    FloatBuffer b = bias.buffer();
    for (int r = 0; r < rows; r++) {
      int ro = r * d;
      for (int j = 0; j < d; j++) {
        o.put(ro + j, b.get(j));
      }
    }
  }

  private void addRowsBias(FloatTensor out, FloatTensor in, FloatTensor bias) {
    FloatBuffer o = out.buffer();
    FloatBuffer src = in.buffer();
    FloatBuffer b = bias.buffer();
    for (int r = 0; r < rows; r++) {
      int ro = r * d;
      for (int j = 0; j < d; j++) {
        o.put(ro + j, src.get(ro + j) + b.get(j));
      }
    }
  }

  // ------------------------------------------------------------------------------------------------- loss

  /**
   * Computes the loss of the current forward pass and d(loss * invCount)/d(output) into {@code g1}, adding
   * the scoring's share of the item-embedding gradient. Gradients must have been zeroed.
   *
   * @param beta gBCE's positive-score exponent (1 for BCE)
   * @return the summed (not averaged) loss over this pass's target rows
   */
  double loss(NextItemLoss kind, double beta, float invCount, boolean excludeHistory) {
    requireTrainable();
    if (outputLoss == null) {
      int bias = w.scoreBias();
      outputLoss = new OutputLoss(w.value(ITEM), grads[ITEM], bias < 0 ? null : w.value(bias),
          bias < 0 ? null : grads[bias]);
    }
    return outputLoss.compute(kind, beta, y, rows, batch.targets, rowFrom, batch.negatives, batch.negativesPerRow,
        invCount, g1, excludeHistory ? new WindowItems(batch.start, batch.items, batch.targets) : null);
  }

  // --------------------------------------------------------------------------------------------- backward

  /**
   * Back-propagates the output gradient left in {@code g1} by {@link #loss} through the whole network, adding
   * to the gradients.
   */
  void backward() {
    requireTrainable();
    LayerNorm.backward(g1, xhatF, rstdF, w.value(w.finalGain()), grads[w.finalGain()], grads[w.finalBias()], gx,
        false, rows, d);
    for (int l = blocks - 1; l >= 0; l--) {
      blockBackward(l);
    }
    embedBackward();
  }

  private void blockBackward(int l) {
    Acts a = acts[l];
    FloatTensor in = x[l];
    int bw = SasRecWeights.blockIndex(l, 0);
    // gx holds d/dX_out. dZ2 = gx * mask2 -> g1.
    if (dropoutOn) {
      multiply(gx, a.mask2, g1);
    } else {
      g1.copyFrom(gx);
    }
    Blas.gemm(true, false, d, d, rows, 1f, a.u, 0, d, g1, 0, d, 1f, grads[bw + W2], 0, d);
    columnSums(g1, grads[bw + B2]);
    Blas.gemm(false, true, rows, d, d, 1f, g1, 0, d, w.block(l, W2), 0, d, 0f, g2, 0, d);
    reluDropoutBackward(a);
    Blas.gemm(true, false, d, d, rows, 1f, a.fn, 0, d, g2, 0, d, 1f, grads[bw + W1], 0, d);
    columnSums(g2, grads[bw + B1]);
    // dF = dX_out (residual) + dZ1 W1^T, accumulated in gx.
    Blas.gemm(false, true, rows, d, d, 1f, g2, 0, d, w.block(l, W1), 0, d, 1f, gx, 0, d);
    LayerNorm.backward(gx, a.xhat2, a.rstd2, w.block(l, LN2_GAIN), grads[bw + LN2_GAIN], grads[bw + LN2_BIAS], g1,
        false, rows, d);
    // g1 = dH = dQn (residual) = dO.
    Blas.gemm(true, false, d, d, rows, 1f, a.att, 0, d, g1, 0, d, 1f, grads[bw + WO], 0, d);
    columnSums(g1, grads[bw + BO]);
    Blas.gemm(false, true, rows, d, d, 1f, g1, 0, d, w.block(l, WO), 0, d, 0f, g2, 0, d);
    FloatTensor pd = dropoutOn ? a.probsDrop : a.probs;
    for (int s = 0; s < seqCount; s++) {
      int n = localStart[s + 1] - localStart[s];
      for (int h = 0; h < heads; h++) {
        attentionBackward(a, pd, s, n, h);
      }
    }
    Blas.gemm(true, false, d, d, rows, 1f, a.qn, 0, d, gQ, 0, d, 1f, grads[bw + WQ], 0, d);
    columnSums(gQ, grads[bw + BQ]);
    Blas.gemm(false, true, rows, d, d, 1f, gQ, 0, d, w.block(l, WQ), 0, d, 1f, g1, 0, d);
    Blas.gemm(true, false, d, d, rows, 1f, in, 0, d, gK, 0, d, 1f, grads[bw + WK], 0, d);
    columnSums(gK, grads[bw + BK]);
    Blas.gemm(false, true, rows, d, d, 1f, gK, 0, d, w.block(l, WK), 0, d, 0f, gx2, 0, d);
    Blas.gemm(true, false, d, d, rows, 1f, in, 0, d, gV, 0, d, 1f, grads[bw + WV], 0, d);
    columnSums(gV, grads[bw + BV]);
    Blas.gemm(false, true, rows, d, d, 1f, gV, 0, d, w.block(l, WV), 0, d, 1f, gx2, 0, d);
    LayerNorm.backward(g1, a.xhat1, a.rstd1, w.block(l, LN1_GAIN), grads[bw + LN1_GAIN], grads[bw + LN1_BIAS], gx2,
        true, rows, d);
    FloatTensor t = gx;
    gx = gx2;
    gx2 = t;
  }

  /** g2 = dU -> dZ1 = dU * [u > 0] * mask1. */
  private void reluDropoutBackward(Acts a) {
    FloatBuffer g = g2.buffer();
    FloatBuffer u = a.u.buffer();
    FloatBuffer m = dropoutOn ? a.mask1.buffer() : null;
    int len = rows * d;
    for (int i = 0; i < len; i++) {
      if (u.get(i) > 0f) {
        if (m != null) {
          g.put(i, g.get(i) * m.get(i));
        }
      } else {
        g.put(i, 0f);
      }
    }
  }

  private void attentionBackward(Acts a, FloatTensor pd, int s, int n, int h) {
    if (n == 0) {
      return;
    }
    int off = localStart[s] * d + h * dh;
    int pOff = attnOff[s] + h * n * n;
    // dPd = dAtt V^T; dV = Pd^T dAtt.
    Blas.gemm(false, true, n, n, dh, 1f, g2, off, d, a.v, off, d, 0f, scratch, 0, n);
    Blas.gemm(true, false, n, dh, n, 1f, pd, pOff, n, g2, off, d, 0f, gV, off, d);
    FloatBuffer sc = scratch.buffer();
    FloatBuffer pb = a.probs.buffer();
    FloatBuffer db = pd.buffer();
    for (int i = 0; i < n; i++) {
      int ro = i * n;
      int po = pOff + i * n;
      float dot = 0f;
      for (int j = 0; j <= i; j++) {
        float dp = sc.get(ro + j);
        if (dropoutOn) {
          dp = db.get(po + j) != 0f ? dp * keepScale : 0f;
          sc.put(ro + j, dp);
        }
        dot += dp * pb.get(po + j);
      }
      for (int j = 0; j <= i; j++) {
        sc.put(ro + j, pb.get(po + j) * (sc.get(ro + j) - dot));
      }
      for (int j = i + 1; j < n; j++) {
        sc.put(ro + j, 0f);
      }
    }
    // dQ = scale dS K; dK = scale dS^T Q.
    Blas.gemm(false, false, n, dh, n, scale, scratch, 0, n, a.k, off, d, 0f, gQ, off, d);
    Blas.gemm(true, false, n, dh, n, scale, scratch, 0, n, a.q, off, d, 0f, gK, off, d);
  }

  private void embedBackward() {
    FloatBuffer g = gx.buffer();
    FloatBuffer mask = dropoutOn ? embMask.buffer() : null;
    FloatBuffer de = grads[ITEM].buffer();
    FloatBuffer dp = grads[POSITION].buffer();
    for (int s = 0; s < seqCount; s++) {
      for (int r = localStart[s]; r < localStart[s + 1]; r++) {
        int o = r * d;
        int eo = batch.items[rowFrom + r] * d;
        int po = position(s, r) * d;
        for (int j = 0; j < d; j++) {
          float v = g.get(o + j);
          if (mask != null) {
            v *= mask.get(o + j);
          }
          dp.put(po + j, dp.get(po + j) + v);
          de.put(eo + j, de.get(eo + j) + sqrtD * v);
        }
      }
    }
  }

  /** The position embedding row of local row {@code r}, which belongs to sequence {@code s}. */
  private int position(int s, int r) {
    return w.positions == PositionOrigin.START ? r - localStart[s] : batch.positions[rowFrom + r];
  }

  private void multiply(FloatTensor a, FloatTensor b, FloatTensor out) {
    FloatBuffer ab = a.buffer();
    FloatBuffer bb = b.buffer();
    FloatBuffer ob = out.buffer();
    int len = rows * d;
    for (int i = 0; i < len; i++) {
      ob.put(i, ab.get(i) * bb.get(i));
    }
  }

  private void columnSums(FloatTensor g, FloatTensor into) {
    FloatBuffer gb = g.buffer();
    float[] acc = new float[d];
    for (int r = 0; r < rows; r++) {
      int o = r * d;
      for (int j = 0; j < d; j++) {
        acc[j] += gb.get(o + j);
      }
    }
    FloatBuffer ib = into.buffer();
    for (int j = 0; j < d; j++) {
      ib.put(j, ib.get(j) + acc[j]);
    }
  }

  private void requireTrainable() {
    if (!trainable) {
      throw new IllegalStateException("an inference pass cannot compute gradients");
    }
  }

  // ---------------------------------------------------------------------------------------------- buffers

  private void ensureCapacity(int needRows, int needAttn, int needSeqLen) {
    if (needRows <= capRows && needAttn <= capAttn && needSeqLen <= capSeqLen) {
      return;
    }
    int r = Math.max(needRows, capRows < 0 ? needRows : capRows + capRows / 2);
    int at = Math.max(needAttn, capAttn < 0 ? needAttn : capAttn + capAttn / 2);
    int sl = Math.max(needSeqLen, capSeqLen);
    buffers.close();
    capRows = r;
    capAttn = at;
    capSeqLen = sl;
    long rd = Math.max(1L, (long) r * d);
    int xs = trainable ? blocks + 1 : 2;
    x = new FloatTensor[xs];
    for (int i = 0; i < xs; i++) {
      x[i] = buffers.allocate(rd);
    }
    acts = new Acts[trainable ? Math.max(blocks, 1) : 1];
    for (int l = 0; l < acts.length; l++) {
      Acts a = new Acts();
      a.xhat1 = buffers.allocate(rd);
      a.rstd1 = buffers.allocate(Math.max(1, r));
      a.qn = buffers.allocate(rd);
      a.q = buffers.allocate(rd);
      a.k = buffers.allocate(rd);
      a.v = buffers.allocate(rd);
      a.probs = buffers.allocate(Math.max(1, at));
      a.att = buffers.allocate(rd);
      a.xhat2 = buffers.allocate(rd);
      a.rstd2 = buffers.allocate(Math.max(1, r));
      a.fn = buffers.allocate(rd);
      a.u = buffers.allocate(rd);
      if (trainable && dropout > 0) {
        a.probsDrop = buffers.allocate(Math.max(1, at));
        a.mask1 = buffers.allocate(rd);
        a.mask2 = buffers.allocate(rd);
      }
      acts[l] = a;
    }
    xhatF = buffers.allocate(rd);
    rstdF = buffers.allocate(Math.max(1, r));
    y = buffers.allocate(rd);
    g1 = buffers.allocate(rd);
    if (trainable) {
      if (dropout > 0) {
        embMask = buffers.allocate(rd);
      }
      g2 = buffers.allocate(rd);
      gx = buffers.allocate(rd);
      gx2 = buffers.allocate(rd);
      gQ = buffers.allocate(rd);
      gK = buffers.allocate(rd);
      gV = buffers.allocate(rd);
      scratch = buffers.allocate(Math.max(1L, (long) sl * sl));
    }
  }

  @Override
  public void close() {
    buffers.close();
    capRows = -1;
    capAttn = -1;
    capSeqLen = -1;
    if (outputLoss != null) {
      outputLoss.close();
      outputLoss = null;
    }
  }
}
