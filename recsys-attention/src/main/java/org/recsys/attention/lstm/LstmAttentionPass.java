package org.recsys.attention.lstm;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.recsys.attention.nn.Blas;
import org.recsys.attention.nn.DropoutRandom;
import org.recsys.attention.nn.FastExp;
import org.recsys.attention.nn.FastTanh;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.OutputLoss;
import org.recsys.attention.nn.PassBuffers;
import org.recsys.attention.nn.WindowItems;
import org.recsys.attention.nn.Reductions;
import org.recsys.attention.nn.NextItemLoss;
import org.recsys.attention.train.PackedSequences;

/**
 * The hand-written forward and backward passes of the LSTM-attention network over one thread's share of a batch
 * (a contiguous range of {@link PackedSequences}), every buffer allocated once and reused.
 *
 * <p>The network, per sequence with items {@code x_1..x_n}:
 * <ol>
 *   <li>{@code e_t = dropout(E[x_t])};
 *   <li>stacked LSTM layers (gates input, forget, cell, output; zero initial state; dropout on the input of every
 *       layer above the first), top-layer states {@code h_t};
 *   <li>causal additive attention (Bahdanau): {@code score(t, j) = v . tanh(Wq h_t + bq + Wk h_j)} for
 *       {@code j <= t}, {@code alpha = softmax_j(score)}, {@code c_t = sum_j alpha_tj h_j};
 *   <li>state {@code y_t = dropout([h_t ; c_t]) Wc + bc} (with a constant 1 appended for a dense output layer),
 *       scored against the output table by dot product.
 * </ol>
 * Position {@code t}'s state depends on items {@code x_1..x_t} only, and padding does not exist in the packed
 * layout, so it is never attended.
 *
 * <p>Layouts: the LSTM runs time-major (PyTorch's packed-sequence order: sequences sorted by length, longest
 * first, so that the sequences still running at step {@code t} are a prefix and each step is one GEMM); the
 * attention and the loss run sequence-major. Element-wise kernels run on heap arrays that all start at index 0,
 * because JDK 17's C2 only vectorises loops whose arrays share one offset (measured 0.5 against 3.5 ns per
 * element for the tanh kernel).
 *
 * <p>Not thread-safe: each thread owns its pass.
 */
final class LstmAttentionPass implements AutoCloseable {
  private final LstmAttentionWeights w;
  private final boolean trainable;
  private final int d;
  private final int h;
  private final int att;
  private final int layers;
  private final int dOut;
  private final float dropout;
  private final float keepScale;
  /** Gradients aligned with the weights' set; {@code null} for an inference-only pass. */
  private final FloatTensor[] grads;
  private final OutputLoss outputLoss;
  private final PassBuffers buffers = new PassBuffers();

  // The current range.
  private PackedSequences batch;
  private int seqFrom;
  private int seqCount;
  private int rowFrom;
  private int rows;
  private int longest;
  private boolean dropoutOn;
  private int[] localStart = new int[1];
  private int[] attnOff = new int[1];
  private int[] order = new int[0];
  private int[] rank = new int[0];
  private int[] active = new int[0];
  private int[] stepStart = new int[1];
  private int[] timeToSeq = new int[0];
  private DropoutRandom[] rng = new DropoutRandom[0];

  // Capacities.
  private int capRows = -1;
  private int capAttn = -1;
  private int capSeqs = -1;
  private int capLen = -1;

  // Native buffers (BLAS operands).
  private FloatTensor[] xIn;
  private FloatTensor[] z;
  private FloatTensor[] hOut;
  private FloatTensor u;
  private FloatTensor ud;
  private FloatTensor q;
  private FloatTensor k;
  private FloatTensor p;
  private FloatTensor y;
  private FloatTensor dy;
  private FloatTensor du;
  private FloatTensor dq;
  private FloatTensor dk;
  private FloatTensor dpScratch;
  private FloatTensor dhs;
  private FloatTensor dh;
  private FloatTensor dz;
  private FloatTensor dIn;

  // Heap storage kept from forward to backward.
  private float[][] gateI;
  private float[][] gateF;
  private float[][] gateG;
  private float[][] gateO;
  private float[][] cell;
  private float[][] cellTanh;
  private float[][] inMask;
  private float[] combineMask;
  private float[] qh;
  private float[] kh;
  private float[] ph;
  private float[] dqh;
  private float[] dkh;

  // Heap scratch, all indexed from 0.
  private float[] s0;
  private float[] s1;
  private float[] s2;
  private float[] s3;
  private float[] s4;
  private float[] s5;
  private float[] s6;
  private float[] carry;
  private float[] row;
  private float[] erow;
  private float[] wtmp;
  private float[][] kT;
  private float[][] dkT;
  private float[][] dvAcc;
  private float[] vh;
  private float[] dv;
  private float[] grow;

  /**
   * @param grads where the backward pass writes gradients, aligned with {@code weights.set}; {@code null} makes
   *     an inference-only pass
   */
  LstmAttentionPass(LstmAttentionWeights weights, float dropout, FloatTensor[] grads) {
    this.w = weights;
    this.grads = grads;
    this.trainable = grads != null;
    this.d = weights.dim;
    this.h = weights.hidden;
    this.att = weights.attention;
    this.layers = weights.layers;
    this.dOut = weights.stateDim();
    this.dropout = dropout;
    this.keepScale = dropout > 0 ? 1f / (1f - dropout) : 1f;
    if (grads != null && grads.length != weights.set.size()) {
      throw new IllegalArgumentException(grads.length + " gradients for " + weights.set.size() + " tensors");
    }
    int bias = weights.scoreBias();
    this.outputLoss = trainable ? new OutputLoss(weights.value(weights.scoreTable()), grads[weights.scoreTable()],
        bias < 0 ? null : weights.value(bias), bias < 0 ? null : grads[bias]) : null;
  }

  // ---------------------------------------------------------------------------------------------- forward

  /**
   * Runs the network on sequences {@code [from, to)} of {@code packed}.
   *
   * @param withDropout apply dropout (training); the masks come from {@code seed} and the sequence index
   * @param allPositions compute the state of every position (training, test hooks); otherwise only the LSTM
   *     runs, and {@link #lastStates} finishes the last positions
   */
  void forward(PackedSequences packed, int from, int to, boolean withDropout, long seed, boolean allPositions) {
    if (withDropout && !trainable) {
      throw new IllegalStateException("an inference pass has no dropout");
    }
    layout(packed, from, to);
    dropoutOn = withDropout && dropout > 0;
    if (dropoutOn) {
      drawMasks(seed);
    }
    embed();
    for (int l = 0; l < layers; l++) {
      if (l > 0) {
        interLayer(l);
      }
      lstmForward(l);
    }
    gatherTop();
    if (allPositions) {
      attentionForward();
      combineForward();
    }
  }

  private void layout(PackedSequences packed, int from, int to) {
    batch = packed;
    seqFrom = from;
    seqCount = to - from;
    rowFrom = packed.start[from];
    rows = packed.start[to] - rowFrom;
    if (localStart.length < seqCount + 1) {
      localStart = new int[seqCount + 1];
      attnOff = new int[seqCount + 1];
    }
    long attn = 0;
    longest = 0;
    for (int s = 0; s < seqCount; s++) {
      int n = packed.length(from + s);
      localStart[s] = packed.start[from + s] - rowFrom;
      attnOff[s] = (int) attn;
      attn += (long) n * n;
      longest = Math.max(longest, n);
    }
    if (attn > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("batch too large: " + attn + " attention weights; use smaller batches");
    }
    localStart[seqCount] = rows;
    attnOff[seqCount] = (int) attn;
    ensureCapacity(rows, (int) attn, seqCount, longest);
    // Longest first (stable), so that the sequences still running at each step are a prefix.
    Integer[] byLength = new Integer[seqCount];
    for (int s = 0; s < seqCount; s++) {
      byLength[s] = s;
    }
    Arrays.sort(byLength, (x, y2) -> Integer.compare(length(y2), length(x)));
    if (order.length < seqCount) {
      order = new int[seqCount];
      rank = new int[seqCount];
    }
    for (int i = 0; i < seqCount; i++) {
      order[i] = byLength[i];
      rank[byLength[i]] = i;
    }
    if (active.length < longest) {
      active = new int[longest];
      stepStart = new int[longest + 1];
    }
    int at = 0;
    for (int t = 0; t < longest; t++) {
      int a = 0;
      while (a < seqCount && length(order[a]) > t) {
        a++;
      }
      active[t] = a;
      stepStart[t] = at;
      for (int i = 0; i < a; i++) {
        timeToSeq[at + i] = localStart[order[i]] + t;
      }
      at += a;
    }
    stepStart[longest] = at;
  }

  private int length(int s) {
    return localStart[s + 1] - localStart[s];
  }

  private int timeRow(int s, int t) {
    return stepStart[t] + rank[s];
  }

  /** Draws every dropout mask of the range up front, sequence by sequence, in a fixed order. */
  private void drawMasks(long seed) {
    if (rng.length < seqCount) {
      rng = new DropoutRandom[seqCount];
      for (int s = 0; s < seqCount; s++) {
        rng[s] = new DropoutRandom(0, dropout);
      }
    }
    for (int s = 0; s < seqCount; s++) {
      DropoutRandom random = rng[s];
      random.reset(DropoutRandom.mix(seed, seqFrom + s));
      int n = length(s);
      for (int l = 0; l < layers; l++) {
        int width = l == 0 ? d : h;
        float[] m = inMask[l];
        for (int t = 0; t < n; t++) {
          int o = timeRow(s, t) * width;
          for (int j = 0; j < width; j++) {
            m[o + j] = random.keep() ? keepScale : 0f;
          }
        }
      }
      for (int r = localStart[s] * 2 * h; r < localStart[s + 1] * 2 * h; r++) {
        combineMask[r] = random.keep() ? keepScale : 0f;
      }
    }
  }

  private void embed() {
    FloatBuffer e = w.value(LstmAttentionWeights.ITEM).buffer();
    FloatBuffer out = xIn[0].buffer();
    float[] m = dropoutOn ? inMask[0] : null;
    float[] r = row;
    for (int tr = 0; tr < rows; tr++) {
      int item = batch.items[rowFrom + timeToSeq[tr]];
      e.get(item * d, r, 0, d);
      if (m != null) {
        int o = tr * d;
        for (int j = 0; j < d; j++) {
          r[j] *= m[o + j];
        }
      }
      out.put(tr * d, r, 0, d);
    }
  }

  /** The input of layer {@code l} (time-major): the embeddings, or the layer below's states (after dropout). */
  private FloatTensor input(int l) {
    return l == 0 || dropoutOn ? xIn[l] : hOut[l - 1];
  }

  private void interLayer(int l) {
    if (!dropoutOn) {
      return;
    }
    FloatBuffer src = hOut[l - 1].buffer();
    FloatBuffer dst = xIn[l].buffer();
    float[] m = inMask[l];
    int n = rows * h;
    for (int c0 = 0; c0 < n; c0 += s0.length) {
      int len = Math.min(s0.length, n - c0);
      src.get(c0, s0, 0, len);
      System.arraycopy(m, c0, s1, 0, len);
      for (int j = 0; j < len; j++) {
        s0[j] *= s1[j];
      }
      dst.put(c0, s0, 0, len);
    }
  }

  private void lstmForward(int l) {
    int g4 = 4 * h;
    int inDim = l == 0 ? d : h;
    FloatTensor zl = z[l];
    fillRows(zl, w.layer(l, LstmAttentionWeights.B), rows, g4);
    Blas.gemm(false, false, rows, g4, inDim, 1f, input(l), 0, inDim, w.layer(l, LstmAttentionWeights.WX), 0, g4, 1f,
        zl, 0, g4);
    FloatBuffer zb = zl.buffer();
    FloatBuffer hb = hOut[l].buffer();
    float[] gi = gateI[l];
    float[] gf = gateF[l];
    float[] gg = gateG[l];
    float[] go = gateO[l];
    float[] cs = cell[l];
    float[] tcs = cellTanh[l];
    for (int t = 0; t < longest; t++) {
      int a = active[t];
      int o = stepStart[t];
      if (t > 0) {
        Blas.gemm(false, false, a, g4, h, 1f, hOut[l], (long) stepStart[t - 1] * h, h,
            w.layer(l, LstmAttentionWeights.WH), 0, g4, 1f, zl, (long) o * g4, g4);
      }
      for (int i = 0; i < a; i++) {
        int zo = (o + i) * g4;
        zb.get(zo, s0, i * h, h);
        zb.get(zo + h, s1, i * h, h);
        zb.get(zo + 2 * h, s2, i * h, h);
        zb.get(zo + 3 * h, s3, i * h, h);
      }
      int n = a * h;
      if (t > 0) {
        System.arraycopy(cs, stepStart[t - 1] * h, s4, 0, n);
      } else {
        Arrays.fill(s4, 0, n, 0f);
      }
      float[] zi = s0;
      float[] zf = s1;
      float[] zg = s2;
      float[] zo = s3;
      float[] cp = s4;
      float[] tc = s5;
      float[] hh = s6;
      // One short loop per operation: C2 unrolls (and so vectorises) only small loop bodies; the fused loop
      // with five inlined tanh ran scalar and took a quarter of a step.
      sigmoidInPlace(zi, n);
      sigmoidInPlace(zf, n);
      tanhInPlace(zg, n);
      sigmoidInPlace(zo, n);
      for (int j = 0; j < n; j++) {
        cp[j] = zf[j] * cp[j] + zi[j] * zg[j];
      }
      for (int j = 0; j < n; j++) {
        tc[j] = FastTanh.tanh(cp[j]);
      }
      for (int j = 0; j < n; j++) {
        hh[j] = zo[j] * tc[j];
      }
      int so = o * h;
      System.arraycopy(zi, 0, gi, so, n);
      System.arraycopy(zf, 0, gf, so, n);
      System.arraycopy(zg, 0, gg, so, n);
      System.arraycopy(zo, 0, go, so, n);
      System.arraycopy(cp, 0, cs, so, n);
      System.arraycopy(tc, 0, tcs, so, n);
      hb.put(so, hh, 0, n);
    }
  }

  /** Copies the top layer's states into the first half of {@code u}, sequence-major. */
  private void gatherTop() {
    FloatBuffer src = hOut[layers - 1].buffer();
    FloatBuffer dst = u.buffer();
    for (int tr = 0; tr < rows; tr++) {
      src.get(tr * h, row, 0, h);
      dst.put(timeToSeq[tr] * 2 * h, row, 0, h);
    }
  }

  private void projections() {
    fillRows(q, w.value(w.bq()), rows, att);
    Blas.gemm(false, false, rows, att, h, 1f, u, 0, 2 * h, w.value(w.wq()), 0, att, 1f, q, 0, att);
    Blas.gemm(false, false, rows, att, h, 1f, u, 0, 2 * h, w.value(w.wk()), 0, att, 0f, k, 0, att);
    q.buffer().get(0, qh, 0, rows * att);
    k.buffer().get(0, kh, 0, rows * att);
    w.value(w.v()).buffer().get(0, vh, 0, att);
  }

  /** Loads sequence {@code s}'s keys transposed: {@code kT[a][j]}, each array indexed from 0. */
  private void loadKeys(int r0, int n) {
    for (int j = 0; j < n; j++) {
      int o = (r0 + j) * att;
      for (int a = 0; a < att; a++) {
        kT[a][j] = kh[o + a];
      }
    }
  }

  /** {@code erow[j] = v . tanh(q_t + k_j)} for {@code j < len}; {@code vv} holds {@code v}. */
  private void scores(int qRow, int len, float[] vv) {
    float[] e = erow;
    Arrays.fill(e, 0, len, 0f);
    int qo = qRow * att;
    for (int a = 0; a < att; a++) {
      float qa = qh[qo + a];
      float va = vv[a];
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

  private void attentionForward() {
    projections();
    float[] vv = vh;
    FloatBuffer pb = p.buffer();
    for (int s = 0; s < seqCount; s++) {
      int n = length(s);
      if (n == 0) {
        continue;
      }
      int r0 = localStart[s];
      int po = attnOff[s];
      loadKeys(r0, n);
      for (int t = 0; t < n; t++) {
        scores(r0 + t, t + 1, vv);
        softmax(t + 1);
        int ro = po + t * n;
        System.arraycopy(erow, 0, ph, ro, t + 1);
        Arrays.fill(ph, ro + t + 1, ro + n, 0f);
      }
      pb.put(po, ph, po, n * n);
      Blas.gemm(false, false, n, h, n, 1f, p, po, n, u, (long) r0 * 2 * h, 2 * h, 0f, u, (long) r0 * 2 * h + h, 2 * h);
    }
  }

  private void combineForward() {
    FloatTensor src = u;
    if (dropoutOn) {
      FloatBuffer ub = u.buffer();
      FloatBuffer db = ud.buffer();
      int n = rows * 2 * h;
      for (int c0 = 0; c0 < n; c0 += s0.length) {
        int len = Math.min(s0.length, n - c0);
        ub.get(c0, s0, 0, len);
        System.arraycopy(combineMask, c0, s1, 0, len);
        for (int j = 0; j < len; j++) {
          s0[j] *= s1[j];
        }
        db.put(c0, s0, 0, len);
      }
      src = ud;
    }
    FloatBuffer yb = y.buffer();
    FloatBuffer bias = w.value(w.combineB()).buffer();
    for (int r = 0; r < rows; r++) {
      int o = r * dOut;
      for (int j = 0; j < d; j++) {
        yb.put(o + j, bias.get(j));
      }
      if (dOut > d) {
        yb.put(o + d, 1f);
      }
    }
    Blas.gemm(false, false, rows, d, 2 * h, 1f, src, 0, 2 * h, w.value(w.combineW()), 0, d, 1f, y, 0, dOut);
  }

  /**
   * After a forward pass without all positions: the state of each sequence's last position into
   * {@code out[offset + s]}. An empty history has no evidence: its state is the combination's bias.
   */
  void lastStates(float[][] out, int offset) {
    projections();
    float[] vv = vh;
    FloatBuffer ub = u.buffer();
    FloatBuffer wc = w.value(w.combineW()).buffer();
    FloatBuffer bc = w.value(w.combineB()).buffer();
    float[] hc = new float[2 * h];
    for (int s = 0; s < seqCount; s++) {
      float[] state = new float[dOut];
      for (int j = 0; j < d; j++) {
        state[j] = bc.get(j);
      }
      if (dOut > d) {
        state[d] = 1f;
      }
      int n = length(s);
      if (n > 0) {
        int r0 = localStart[s];
        loadKeys(r0, n);
        scores(r0 + n - 1, n, vv);
        softmax(n);
        ub.get((r0 + n - 1) * 2 * h, hc, 0, h);
        Arrays.fill(hc, h, 2 * h, 0f);
        for (int j = 0; j < n; j++) {
          ub.get((r0 + j) * 2 * h, row, 0, h);
          float pj = erow[j];
          for (int c = 0; c < h; c++) {
            hc[h + c] += pj * row[c];
          }
        }
        for (int i = 0; i < 2 * h; i++) {
          float x = hc[i];
          int o = i * d;
          for (int j = 0; j < d; j++) {
            state[j] += x * wc.get(o + j);
          }
        }
      }
      out[offset + s] = state;
    }
  }

  /** The state of local (sequence-major) row {@code r} after a forward pass over all positions (test hook). */
  float[] outputRow(int r) {
    float[] out = new float[dOut];
    y.buffer().get(r * dOut, out, 0, dOut);
    return out;
  }

  // ------------------------------------------------------------------------------------------------- loss

  /**
   * Computes the loss of the current forward pass and d(loss * invCount)/d(state) into {@code dy}, adding the
   * scoring's share of the output table's gradient. Gradients must have been zeroed.
   *
   * @param beta gBCE's positive-score exponent (1 for BCE)
   * @return the summed (not averaged) loss over this pass's target rows
   */
  double loss(NextItemLoss kind, double beta, float invCount, boolean excludeHistory) {
    requireTrainable();
    return outputLoss.compute(kind, beta, y, rows, batch.targets, rowFrom, batch.negatives, batch.negativesPerRow,
        invCount, dy, excludeHistory ? new WindowItems(batch.start, batch.items, batch.targets) : null);
  }

  // --------------------------------------------------------------------------------------------- backward

  /** Back-propagates the state gradient that {@link #loss} left in {@code dy} through the whole network, adding to the gradients. */
  void backward() {
    requireTrainable();
    combineBackward();
    attentionBackward();
    scatterTop();
    for (int l = layers - 1; l >= 0; l--) {
      lstmBackward(l);
      if (l > 0) {
        interLayerBackward(l);
      }
    }
    embedBackward();
  }

  private void combineBackward() {
    FloatTensor src = dropoutOn ? ud : u;
    int wc = w.combineW();
    Blas.gemm(true, false, 2 * h, d, rows, 1f, src, 0, 2 * h, dy, 0, dOut, 1f, grads[wc], 0, d);
    columnSums(dy, rows, d, dOut, grads[w.combineB()]);
    Blas.gemm(false, true, rows, 2 * h, d, 1f, dy, 0, dOut, w.value(wc), 0, d, 0f, du, 0, 2 * h);
    if (dropoutOn) {
      FloatBuffer b = du.buffer();
      int n = rows * 2 * h;
      for (int c0 = 0; c0 < n; c0 += s0.length) {
        int len = Math.min(s0.length, n - c0);
        b.get(c0, s0, 0, len);
        System.arraycopy(combineMask, c0, s1, 0, len);
        for (int j = 0; j < len; j++) {
          s0[j] *= s1[j];
        }
        b.put(c0, s0, 0, len);
      }
    }
    // The direct path: dHs = dU[:, :h].
    FloatBuffer src2 = du.buffer();
    FloatBuffer dst = dhs.buffer();
    for (int r = 0; r < rows; r++) {
      src2.get(r * 2 * h, row, 0, h);
      dst.put(r * h, row, 0, h);
    }
  }

  private void attentionBackward() {
    float[] vv = vh;
    Arrays.fill(dv, 0f);
    FloatBuffer dpb = dpScratch.buffer();
    float[] g = grow;
    for (int s = 0; s < seqCount; s++) {
      int n = length(s);
      if (n == 0) {
        continue;
      }
      int r0 = localStart[s];
      int po = attnOff[s];
      long uo = (long) r0 * 2 * h;
      // dP = dC Hs^T; dHs += P^T dC.
      Blas.gemm(false, true, n, n, h, 1f, du, uo + h, 2 * h, u, uo, 2 * h, 0f, dpScratch, 0, n);
      Blas.gemm(true, false, n, h, n, 1f, p, po, n, du, uo + h, 2 * h, 1f, dhs, (long) r0 * h, h);
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
          float va = vv[a];
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
    FloatBuffer gv = grads[w.v()].buffer();
    for (int a = 0; a < att; a++) {
      gv.put(a, gv.get(a) + dv[a]);
    }
    dq.buffer().put(0, dqh, 0, rows * att);
    dk.buffer().put(0, dkh, 0, rows * att);
    Blas.gemm(true, false, h, att, rows, 1f, u, 0, 2 * h, dq, 0, att, 1f, grads[w.wq()], 0, att);
    columnSums(dq, rows, att, att, grads[w.bq()]);
    Blas.gemm(true, false, h, att, rows, 1f, u, 0, 2 * h, dk, 0, att, 1f, grads[w.wk()], 0, att);
    Blas.gemm(false, true, rows, h, att, 1f, dq, 0, att, w.value(w.wq()), 0, att, 1f, dhs, 0, h);
    Blas.gemm(false, true, rows, h, att, 1f, dk, 0, att, w.value(w.wk()), 0, att, 1f, dhs, 0, h);
  }

  private static void sigmoidInPlace(float[] x, int n) {
    for (int j = 0; j < n; j++) {
      x[j] = FastTanh.sigmoid(x[j]);
    }
  }

  private static void tanhInPlace(float[] x, int n) {
    for (int j = 0; j < n; j++) {
      x[j] = FastTanh.tanh(x[j]);
    }
  }

  /** dHs (sequence-major) to the top layer's state gradient (time-major). */
  private void scatterTop() {
    FloatBuffer src = dhs.buffer();
    FloatBuffer dst = dh.buffer();
    for (int tr = 0; tr < rows; tr++) {
      src.get(timeToSeq[tr] * h, row, 0, h);
      dst.put(tr * h, row, 0, h);
    }
  }

  private void lstmBackward(int l) {
    int g4 = 4 * h;
    FloatBuffer dhb = dh.buffer();
    FloatBuffer dzb = dz.buffer();
    float[] gi = gateI[l];
    float[] gf = gateF[l];
    float[] gg = gateG[l];
    float[] go = gateO[l];
    float[] cs = cell[l];
    float[] tcs = cellTanh[l];
    float[] dhv = s6;
    float[] cp = s4;
    float[] ig = s0;
    float[] fg = s1;
    float[] cg = s2;
    float[] og = s3;
    float[] tc = s5;
    for (int t = longest - 1; t >= 0; t--) {
      int a = active[t];
      int o = stepStart[t];
      int n = a * h;
      int aNext = t + 1 < longest ? active[t + 1] : 0;
      int so = o * h;
      dhb.get(so, dhv, 0, n);
      System.arraycopy(gi, so, ig, 0, n);
      System.arraycopy(gf, so, fg, 0, n);
      System.arraycopy(gg, so, cg, 0, n);
      System.arraycopy(go, so, og, 0, n);
      System.arraycopy(tcs, so, tc, 0, n);
      if (t > 0) {
        System.arraycopy(cs, stepStart[t - 1] * h, cp, 0, n);
      } else {
        Arrays.fill(cp, 0, n, 0f);
      }
      Arrays.fill(carry, aNext * h, n, 0f);
      float[] cr = carry;
      for (int j = 0; j < n; j++) {
        float o1 = og[j];
        float th = tc[j];
        float i1 = ig[j];
        float f1 = fg[j];
        float g1 = cg[j];
        float dho = dhv[j];
        float dc = dho * o1 * (1f - th * th) + cr[j];
        og[j] = dho * th * o1 * (1f - o1);
        ig[j] = dc * g1 * i1 * (1f - i1);
        cg[j] = dc * i1 * (1f - g1 * g1);
        fg[j] = dc * cp[j] * f1 * (1f - f1);
        cr[j] = dc * f1;
      }
      for (int i = 0; i < a; i++) {
        int zo = (o + i) * g4;
        dzb.put(zo, ig, i * h, h);
        dzb.put(zo + h, fg, i * h, h);
        dzb.put(zo + 2 * h, cg, i * h, h);
        dzb.put(zo + 3 * h, og, i * h, h);
      }
      if (t > 0) {
        long prev = (long) stepStart[t - 1] * h;
        Blas.gemm(false, true, a, h, g4, 1f, dz, (long) o * g4, g4, w.layer(l, LstmAttentionWeights.WH), 0, g4, 1f,
            dh, prev, h);
        Blas.gemm(true, false, h, g4, a, 1f, hOut[l], prev, h, dz, (long) o * g4, g4, 1f,
            grads[LstmAttentionWeights.layerIndex(l, LstmAttentionWeights.WH)], 0, g4);
      }
    }
    int inDim = l == 0 ? d : h;
    Blas.gemm(true, false, inDim, g4, rows, 1f, input(l), 0, inDim, dz, 0, g4, 1f,
        grads[LstmAttentionWeights.layerIndex(l, LstmAttentionWeights.WX)], 0, g4);
    columnSums(dz, rows, g4, g4, grads[LstmAttentionWeights.layerIndex(l, LstmAttentionWeights.B)]);
    Blas.gemm(false, true, rows, inDim, g4, 1f, dz, 0, g4, w.layer(l, LstmAttentionWeights.WX), 0, g4, 0f, dIn, 0,
        inDim);
  }

  /** The gradient of layer {@code l}'s input becomes the gradient of layer {@code l - 1}'s states. */
  private void interLayerBackward(int l) {
    FloatBuffer src = dIn.buffer();
    FloatBuffer dst = dh.buffer();
    float[] m = dropoutOn ? inMask[l] : null;
    int n = rows * h;
    for (int c0 = 0; c0 < n; c0 += s0.length) {
      int len = Math.min(s0.length, n - c0);
      src.get(c0, s0, 0, len);
      if (m != null) {
        System.arraycopy(m, c0, s1, 0, len);
        for (int j = 0; j < len; j++) {
          s0[j] *= s1[j];
        }
      }
      dst.put(c0, s0, 0, len);
    }
  }

  private void embedBackward() {
    FloatBuffer src = dIn.buffer();
    FloatBuffer de = grads[LstmAttentionWeights.ITEM].buffer();
    float[] m = dropoutOn ? inMask[0] : null;
    for (int tr = 0; tr < rows; tr++) {
      int eo = batch.items[rowFrom + timeToSeq[tr]] * d;
      src.get(tr * d, row, 0, d);
      int o = tr * d;
      for (int j = 0; j < d; j++) {
        float v = m == null ? row[j] : row[j] * m[o + j];
        de.put(eo + j, de.get(eo + j) + v);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------- helpers

  private static void fillRows(FloatTensor out, FloatTensor bias, int n, int width) {
    FloatBuffer o = out.buffer();
    float[] b = bias.toArray();
    for (int r = 0; r < n; r++) {
      o.put(r * width, b, 0, width);
    }
  }

  /** Adds the sums of the first {@code width} columns of {@code g} ({@code n} rows, leading dimension ld). */
  private static void columnSums(FloatTensor g, int n, int width, int ld, FloatTensor into) {
    FloatBuffer gb = g.buffer();
    float[] acc = new float[width];
    float[] r = new float[width];
    for (int i = 0; i < n; i++) {
      gb.get(i * ld, r, 0, width);
      for (int j = 0; j < width; j++) {
        acc[j] += r[j];
      }
    }
    FloatBuffer ib = into.buffer();
    for (int j = 0; j < width; j++) {
      ib.put(j, ib.get(j) + acc[j]);
    }
  }

  private void requireTrainable() {
    if (!trainable) {
      throw new IllegalStateException("an inference pass cannot compute gradients");
    }
  }

  // ---------------------------------------------------------------------------------------------- buffers

  private void ensureCapacity(int needRows, int needAttn, int needSeqs, int needLen) {
    if (needRows <= capRows && needAttn <= capAttn && needSeqs <= capSeqs && needLen <= capLen) {
      return;
    }
    int r = Math.max(needRows, capRows < 0 ? needRows : capRows + capRows / 2);
    int at = Math.max(needAttn, capAttn < 0 ? needAttn : capAttn + capAttn / 2);
    int sq = Math.max(needSeqs, capSeqs);
    int ln = Math.max(needLen, capLen);
    buffers.close();
    capRows = r;
    capAttn = at;
    capSeqs = sq;
    capLen = ln;
    int r1 = Math.max(1, r);
    int g4 = 4 * h;
    boolean masks = trainable && dropout > 0;
    xIn = new FloatTensor[layers];
    z = new FloatTensor[layers];
    hOut = new FloatTensor[layers];
    gateI = new float[layers][];
    gateF = new float[layers][];
    gateG = new float[layers][];
    gateO = new float[layers][];
    cell = new float[layers][];
    cellTanh = new float[layers][];
    inMask = new float[layers][];
    for (int l = 0; l < layers; l++) {
      int width = l == 0 ? d : h;
      if (l == 0 || masks) {
        xIn[l] = buffers.allocate((long) r1 * width);
      }
      z[l] = buffers.allocate((long) r1 * g4);
      hOut[l] = buffers.allocate((long) r1 * h);
      gateI[l] = PassBuffers.heap((long) r1 * h);
      gateF[l] = PassBuffers.heap((long) r1 * h);
      gateG[l] = PassBuffers.heap((long) r1 * h);
      gateO[l] = PassBuffers.heap((long) r1 * h);
      cell[l] = PassBuffers.heap((long) r1 * h);
      cellTanh[l] = PassBuffers.heap((long) r1 * h);
      if (masks) {
        inMask[l] = PassBuffers.heap((long) r1 * width);
      }
    }
    u = buffers.allocate((long) r1 * 2 * h);
    q = buffers.allocate((long) r1 * att);
    k = buffers.allocate((long) r1 * att);
    qh = PassBuffers.heap((long) r1 * att);
    kh = PassBuffers.heap((long) r1 * att);
    p = buffers.allocate(Math.max(1, at));
    ph = PassBuffers.heap(Math.max(1, at));
    y = buffers.allocate((long) r1 * dOut);
    if (masks) {
      ud = buffers.allocate((long) r1 * 2 * h);
      combineMask = PassBuffers.heap((long) r1 * 2 * h);
    }
    if (trainable) {
      dy = buffers.allocate((long) r1 * dOut);
      du = buffers.allocate((long) r1 * 2 * h);
      dq = buffers.allocate((long) r1 * att);
      dk = buffers.allocate((long) r1 * att);
      dqh = PassBuffers.heap((long) r1 * att);
      dkh = PassBuffers.heap((long) r1 * att);
      dpScratch = buffers.allocate(Math.max(1L, (long) ln * ln));
      dhs = buffers.allocate((long) r1 * h);
      dh = buffers.allocate((long) r1 * h);
      dz = buffers.allocate((long) r1 * g4);
      dIn = buffers.allocate((long) r1 * Math.max(d, h));
    }
    int block = Math.max(1, sq) * h;
    int chunk = Math.max(block, 4096);
    s0 = new float[chunk];
    s1 = new float[chunk];
    s2 = new float[block];
    s3 = new float[block];
    s4 = new float[block];
    s5 = new float[block];
    s6 = new float[block];
    carry = new float[block];
    int len1 = Math.max(1, ln);
    row = new float[Math.max(Math.max(d, 2 * h), len1)];
    erow = new float[len1];
    wtmp = new float[len1];
    kT = new float[att][len1];
    dkT = new float[att][len1];
    dvAcc = new float[att][len1];
    vh = new float[att];
    dv = new float[att];
    grow = new float[len1];
    timeToSeq = new int[r1];
  }

  @Override
  public void close() {
    buffers.close();
    capRows = -1;
    capAttn = -1;
    capSeqs = -1;
    capLen = -1;
    if (outputLoss != null) {
      outputLoss.close();
    }
  }
}
