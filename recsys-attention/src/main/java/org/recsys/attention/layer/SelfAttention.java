package org.recsys.attention.layer;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.recsys.attention.nn.Blas;
import org.recsys.attention.nn.DropoutRandom;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.nn.Reductions;
import org.recsys.attention.nn.VectorExp;

/**
 * Multi-head scaled dot-product self-attention within each sequence: {@code Q = xq Wq + bq}, {@code K = xkv Wk
 * + bk}, {@code V = xkv Wv + bv}; per head {@code softmax(Q K^T / sqrt(d / heads))}, causal (row {@code i}
 * attends to {@code j <= i}) or bidirectional (to every row of its sequence), dropout on the attention weights,
 * times {@code V}; then {@code Wo, bo}. Parameters {@code <name>.wq, .bq, .wk, .bk, .wv, .bv, .wo, .bo}.
 *
 * <p>Queries and keys may come from different inputs (SASRec takes queries from the normalised input and keys
 * and values from the input itself); as a plain {@link Layer} both come from the one input.
 *
 * @param causal whether a row attends only to itself and earlier rows
 * @param dropout drop rate of the attention weights in training
 */
public record SelfAttention(String name, int size, int heads, boolean causal, double dropout,
    Initialisation init) implements Layer {
  public SelfAttention {
    if (heads < 1 || size % heads != 0) {
      throw new IllegalArgumentException(name + ": heads (" + heads + ") must divide the size (" + size + ")");
    }
    DropoutRandom.threshold(dropout);
  }

  /** Rows per causal score block at inference: smaller skips more of the masked triangle, at more GEMM calls. */
  private static final int CAUSAL_ROW_BLOCK = 64;

  private Linear projection(String which, boolean input) {
    return new Linear(name + "." + which, name + ".w" + which, name + ".b" + which, size, size,
        input ? init.attentionInput(size) : init.square(size), Initializer.zeros());
  }

  /** The query projection {@code <name>.wq, .bq}. */
  public Linear query() {
    return projection("q", true);
  }

  /** The key projection {@code <name>.wk, .bk}. */
  public Linear key() {
    return projection("k", true);
  }

  /** The value projection {@code <name>.wv, .bv}. */
  public Linear value() {
    return projection("v", true);
  }

  /** The output projection {@code <name>.wo, .bo}. */
  public Linear output() {
    return projection("o", false);
  }

  @Override
  public boolean causal() {
    return causal;
  }

  /** A causal one: its rows' keys may lie in another sequence of the pass, the rest of its work is row by row. */
  @Override
  public boolean sharesPrefixes() {
    return causal;
  }

  @Override
  public int inputSize() {
    return size;
  }

  @Override
  public int outputSize() {
    return size;
  }

  @Override
  public double cost(int length) {
    return length * 24.0 * size * size + 8.0 * length * length * size;
  }

  @Override
  public List<ParameterSpec> parameters() {
    List<ParameterSpec> p = new ArrayList<>();
    // The order of the reference implementations' in-projection: q, k, v, then the output projection.
    p.addAll(projection("q", true).parameters());
    p.addAll(projection("k", true).parameters());
    p.addAll(projection("v", true).parameters());
    p.addAll(projection("o", false).parameters());
    return p;
  }

  @Override
  public Pass pass(ParameterSet weights, boolean trainable) {
    return new Pass(weights, trainable);
  }

  /** One thread's attention, with separate query and key/value inputs. */
  public final class Pass implements LayerPass {
    private final Linear.Pass wq;
    private final Linear.Pass wk;
    private final Linear.Pass wv;
    private final Linear.Pass wo;
    private final boolean trainable;
    private final int dh = size / heads;
    private final float scale = (float) (1 / Math.sqrt(size / (double) heads));
    private final int threshold = DropoutRandom.threshold(dropout);
    private final float keepScale = dropout > 0 ? (float) (1 / (1 - dropout)) : 1f;
    private final RowBuffers buffers = new RowBuffers();
    private final RowBuffers attnBuffers = new RowBuffers();
    private FloatTensor q;
    private FloatTensor k;
    private FloatTensor v;
    private FloatTensor att;
    private FloatTensor out;
    private FloatTensor dAtt;
    private FloatTensor gQ;
    private FloatTensor gK;
    private FloatTensor gV;
    private FloatTensor dIn;
    private FloatTensor probs;
    private FloatTensor probsDrop;
    private FloatTensor scratch;
    private int scratchCapacity;
    private int[] attnOff = new int[1];
    private boolean dropoutOn;
    /** Whether {@code probs} holds every row's weights (a full forward) rather than scratch of the last rows. */
    private boolean allRows;
    private float[] rowScratch = new float[0];
    private float[] droppedScratch = new float[0];
    private float[] probsScratch = new float[0];
    private float[] expScratch = new float[0];

    Pass(ParameterSet weights, boolean trainable) {
      this.trainable = trainable;
      wq = projection("q", true).pass(weights, trainable);
      wk = projection("k", true).pass(weights, trainable);
      wv = projection("v", true).pass(weights, trainable);
      wo = projection("o", false).pass(weights, trainable);
    }

    @Override
    public FloatTensor forward(Rows rows, FloatTensor in) {
      ensure(rows);
      forward(rows, in, in, null, out);
      return out;
    }

    /**
     * Attends from {@code qIn} over {@code kvIn} and writes {@code residual + bo + attention Wo} (or, with a null
     * residual, {@code attention Wo + bo}) into {@code into}.
     */
    public void forward(Rows rows, FloatTensor qIn, FloatTensor kvIn, FloatTensor residual, FloatTensor into) {
      ensure(rows);
      allRows = true;
      dropoutOn = rows.training() && trainable && dropout > 0;
      wq.forward(rows, qIn, q);
      wk.forward(rows, kvIn, k);
      wv.forward(rows, kvIn, v);
      FloatTensor pd = dropoutOn ? probsDrop : probs;
      for (int s = 0; s < rows.count(); s++) {
        int n = rows.length(s);
        for (int h = 0; h < heads; h++) {
          headForward(rows, pd, s, n, h);
        }
      }
      if (residual != null) {
        wo.forwardOnto(rows, att, residual, into);
      } else {
        wo.forward(rows, att, into);
      }
    }

    /**
     * At inference, attends from each sequence's last row only: {@code qLast} holds those rows' query inputs
     * ({@code last.rows() x size}), {@code kvIn} every row's key/value input; writes {@code residualLast + bo +
     * attention Wo} (or without a residual) for the last rows into {@code intoLast}.
     */
    public void forwardLast(Rows rows, Rows last, FloatTensor qLast, FloatTensor kvIn, FloatTensor residualLast,
        FloatTensor intoLast) {
      ensure(rows);
      allRows = false;
      wk.forward(rows, kvIn, k);
      wv.forward(rows, kvIn, v);
      wq.forward(last, qLast, q);
      FloatBuffer pb = probs.buffer();
      for (int s = 0; s < rows.count(); s++) {
        int m = rows.length(s);
        if (m == 0) {
          continue;
        }
        int shared = rows.shared(s);
        int n = shared + m;
        int c = last.start(s);
        for (int h = 0; h < heads; h++) {
          int kOff = rows.start(s) * size + h * dh;
          int qOff = c * size + h * dh;
          // The last row attends to every row of its sequence, causal or not: the shared rows (held by another
          // sequence), then its own.
          int sharedOff = shared > 0 ? rows.sharedStart(s) * size + h * dh : 0;
          if (shared > 0) {
            Blas.gemm(false, true, 1, shared, dh, scale, q, qOff, size, k, sharedOff, size, 0f, probs, 0, n);
          }
          Blas.gemm(false, true, 1, m, dh, scale, q, qOff, size, k, kOff, size, 0f, probs, shared, n);
          float[] row = row(n);
          pb.get(0, row, 0, n);
          softmax(row, n);
          pb.put(0, row, 0, n);
          if (shared > 0) {
            Blas.gemm(false, false, 1, dh, shared, 1f, probs, 0, n, v, sharedOff, size, 0f, att, qOff, size);
          }
          Blas.gemm(false, false, 1, dh, m, 1f, probs, shared, n, v, kOff, size, shared > 0 ? 1f : 0f, att, qOff,
              size);
        }
      }
      if (residualLast != null) {
        wo.forwardOnto(last, att, residualLast, intoLast);
      } else {
        wo.forward(last, att, intoLast);
      }
    }

    /**
     * In-place softmax of {@code x[0..len)} on the heap, in loops C2 vectorises (a scalar exp per element was
     * 43% of scoring's time; BENCHMARKS.md).
     */
    private void softmax(float[] x, int len) {
      float max = Reductions.max(x, len);
      if (expScratch.length < len) {
        expScratch = new float[len];
      }
      VectorExp.expInPlace(x, max, expScratch, len);
      float inv = 1f / Reductions.sum(x, len);
      for (int j = 0; j < len; j++) {
        x[j] *= inv;
      }
    }

    private float[] row(int n) {
      if (rowScratch.length < n) {
        rowScratch = new float[n];
      }
      return rowScratch;
    }

    private float[] probsRow(int n) {
      if (probsScratch.length < n) {
        probsScratch = new float[n];
      }
      return probsScratch;
    }

    private float[] droppedRow(int n) {
      if (droppedScratch.length < n) {
        droppedScratch = new float[n];
      }
      return droppedScratch;
    }

    /** The softmax weights before dropout, which the scored state is a mix of at inference. */
    @Override
    public List<RowAttention> lastRowAttention(Rows rows, int s) {
      if (!allRows) {
        throw new IllegalStateException(name + ": the last forward computed only the last rows");
      }
      int m = rows.length(s);
      int n = rows.shared(s) + m;
      List<RowAttention> out = new ArrayList<>(heads);
      for (int h = 0; h < heads; h++) {
        float[] w = new float[n];
        if (m > 0) {
          probs.buffer().get(attnOff[s] + h * m * n + (m - 1) * n, w, 0, n);
        }
        out.add(new RowAttention(name, "self-attention", h, w));
      }
      return out;
    }

    /**
     * One head of sequence {@code s}'s own {@code m} rows. Its keys are its {@link Rows#shared} rows (another
     * sequence's, only at inference in a causal layer), then its own: the weights are {@code m x n} with {@code n}
     * all of them, and the products run in two parts, one per range of keys.
     */
    private void headForward(Rows rows, FloatTensor pd, int s, int m, int h) {
      if (m == 0) {
        return;
      }
      int shared = rows.shared(s);
      int n = shared + m;
      int off = rows.start(s) * size + h * dh;
      int sharedOff = shared > 0 ? rows.sharedStart(s) * size + h * dh : 0;
      int pOff = attnOff[s] + h * m * n;
      // At inference, causal rows take only the keys up to their block's last row, which skips most of the masked
      // triangle (the softmax below writes its zeros). Training keeps whole products, so its arithmetic stays as
      // it was: the blocks change the rounding of the weighted sums.
      boolean blocked = causal && !trainable;
      int step = blocked ? CAUSAL_ROW_BLOCK : m;
      // Every own row attends to all the shared keys: one product, which no mask cuts into blocks.
      if (shared > 0) {
        Blas.gemm(false, true, m, shared, dh, scale, q, off, size, k, sharedOff, size, 0f, probs, pOff, n);
      }
      for (int r0 = 0; r0 < m; r0 += step) {
        int r1 = Math.min(m, r0 + step);
        Blas.gemm(false, true, r1 - r0, blocked ? r1 : m, dh, scale, q, off + r0 * size, size, k, off, size, 0f,
            probs, pOff + r0 * n + shared, n);
      }
      FloatBuffer pb = probs.buffer();
      FloatBuffer db = pd.buffer();
      DropoutRandom random = dropoutOn ? rows.random(s) : null;
      float[] row = row(n);
      float[] dropped = random == null ? null : droppedRow(n);
      for (int i = 0; i < m; i++) {
        int ro = pOff + i * n;
        int limit = causal ? shared + i + 1 : n;
        // The weighted sums below read a blocked row only up to its block's last key.
        int width = blocked ? shared + Math.min(m, (i / step + 1) * step) : n;
        pb.get(ro, row, 0, limit);
        softmax(row, limit);
        Arrays.fill(row, limit, width, 0f);
        pb.put(ro, row, 0, width);
        if (random != null) {
          random.fill(dropped, 0, limit, threshold, keepScale);
          for (int j = 0; j < limit; j++) {
            dropped[j] *= row[j];
          }
          Arrays.fill(dropped, limit, n, 0f);
          db.put(ro, dropped, 0, n);
        }
      }
      if (shared > 0) {
        Blas.gemm(false, false, m, dh, shared, 1f, pd, pOff, n, v, sharedOff, size, 0f, att, off, size);
      }
      for (int r0 = 0; r0 < m; r0 += step) {
        int r1 = Math.min(m, r0 + step);
        Blas.gemm(false, false, r1 - r0, dh, blocked ? r1 : m, 1f, pd, pOff + r0 * n + shared, n, v, off, size,
            shared > 0 ? 1f : 0f, att, off + r0 * size, size);
      }
    }

    @Override
    public FloatTensor backward(Rows rows, FloatTensor dOut, FloatTensor[] grads) {
      backward(rows, dOut, grads, dIn, false, dIn, true);
      return dIn;
    }

    /**
     * Back-propagates {@code dOut}: writes (or adds) the query input's gradient into {@code dQ} and the key/value
     * input's into {@code dKv} (they may be one buffer, with {@code accumulateKv} true).
     */
    public void backward(Rows rows, FloatTensor dOut, FloatTensor[] grads, FloatTensor dQ, boolean accumulateQ,
        FloatTensor dKv, boolean accumulateKv) {
      wo.backwardWeights(rows, dOut, grads);
      wo.backwardInput(rows, dOut, dAtt, false);
      FloatTensor pd = dropoutOn ? probsDrop : probs;
      for (int s = 0; s < rows.count(); s++) {
        int n = rows.length(s);
        for (int h = 0; h < heads; h++) {
          headBackward(rows, pd, s, n, h);
        }
      }
      wq.backwardWeights(rows, gQ, grads);
      wq.backwardInput(rows, gQ, dQ, accumulateQ);
      wk.backwardWeights(rows, gK, grads);
      wk.backwardInput(rows, gK, dKv, accumulateKv);
      wv.backwardWeights(rows, gV, grads);
      wv.backwardInput(rows, gV, dKv, true);
    }

    private void headBackward(Rows rows, FloatTensor pd, int s, int n, int h) {
      if (n == 0) {
        return;
      }
      int off = rows.start(s) * size + h * dh;
      int pOff = attnOff[s] + h * n * n;
      // dPd = dAtt V^T; dV = Pd^T dAtt.
      Blas.gemm(false, true, n, n, dh, 1f, dAtt, off, size, v, off, size, 0f, scratch, 0, n);
      Blas.gemm(true, false, n, dh, n, 1f, pd, pOff, n, dAtt, off, size, 0f, gV, off, size);
      FloatBuffer sc = scratch.buffer();
      FloatBuffer pb = probs.buffer();
      FloatBuffer db = pd.buffer();
      float[] dRow = row(n);
      float[] pRow = probsRow(n);
      float[] kept = dropoutOn ? droppedRow(n) : null;
      for (int i = 0; i < n; i++) {
        int ro = i * n;
        int po = pOff + i * n;
        int limit = causal ? i + 1 : n;
        sc.get(ro, dRow, 0, limit);
        pb.get(po, pRow, 0, limit);
        if (dropoutOn) {
          db.get(po, kept, 0, limit);
        }
        float dot = 0f;
        for (int j = 0; j < limit; j++) {
          float dp = dRow[j];
          if (dropoutOn) {
            dp = kept[j] != 0f ? dp * keepScale : 0f;
            dRow[j] = dp;
          }
          dot += dp * pRow[j];
        }
        for (int j = 0; j < limit; j++) {
          dRow[j] = pRow[j] * (dRow[j] - dot);
        }
        for (int j = limit; j < n; j++) {
          dRow[j] = 0f;
        }
        sc.put(ro, dRow, 0, n);
      }
      // dQ = scale dS K; dK = scale dS^T Q.
      Blas.gemm(false, false, n, dh, n, scale, scratch, 0, n, k, off, size, 0f, gQ, off, size);
      Blas.gemm(true, false, n, dh, n, scale, scratch, 0, n, q, off, size, 0f, gK, off, size);
    }

    private void ensure(Rows rows) {
      if (!buffers.fits(rows.rows())) {
        q = buffers.allocate(size);
        k = buffers.allocate(size);
        v = buffers.allocate(size);
        att = buffers.allocate(size);
        out = buffers.allocate(size);
        if (trainable) {
          dAtt = buffers.allocate(size);
          gQ = buffers.allocate(size);
          gK = buffers.allocate(size);
          gV = buffers.allocate(size);
          dIn = buffers.allocate(size);
        }
      }
      if (attnOff.length < rows.count() + 1) {
        attnOff = new int[rows.count() + 1];
      }
      int total = 0;
      for (int s = 0; s < rows.count(); s++) {
        attnOff[s] = total;
        total += heads * rows.length(s) * (rows.shared(s) + rows.length(s));
      }
      attnOff[rows.count()] = total;
      if (!attnBuffers.fits(total)) {
        probs = attnBuffers.allocate(1);
        if (trainable && dropout > 0) {
          probsDrop = attnBuffers.allocate(1);
        }
        scratchCapacity = 0;
      }
      int longest = rows.longest();
      if (trainable && longest * longest > scratchCapacity) {
        scratchCapacity = Math.max(longest * longest, scratchCapacity + scratchCapacity / 2);
        scratch = attnBuffers.allocateFlat(scratchCapacity);
      }
    }

    @Override
    public void close() {
      wq.close();
      wk.close();
      wv.close();
      wo.close();
      buffers.close();
      attnBuffers.close();
    }
  }
}
