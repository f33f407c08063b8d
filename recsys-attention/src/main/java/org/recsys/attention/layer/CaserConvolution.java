package org.recsys.attention.layer;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.recsys.attention.nn.Blas;
import org.recsys.attention.nn.DropoutRandom;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.ParameterSet;

/**
 * Caser's convolutions (Tang and Wang, WSDM 2018) at every row: the "image" of row {@code t} is the {@code L} rows
 * {@code t - L + 1 .. t} of its sequence, oldest first, zeros before the sequence's first row. Horizontal filters
 * of each height {@code h = 1..L} ({@code n_h} per height, ReLU, max-pooled over the {@code L - h + 1} offsets) and
 * {@code n_v} vertical filters (weighted sums of the {@code L} rows, one value per column) are concatenated,
 * dropped out in training and mapped to {@code d} by a ReLU layer: {@code z_t}. With {@code user}, the output is
 * {@code [z_t ; u_t]}, where {@code u_t = mean(rows 1..t) W_u} stands in for Caser's user embedding: recsys models
 * score histories, not user ids (a new user needs no retraining), so the user term is computed from the history
 * and has the same place in the output layer ({@code [z ; u]} scored by an item table of width {@code 2d}).
 *
 * <p>Parameters, each uniform in {@code +-1/sqrt(fan_in)} as PyTorch starts Caser's layers: {@code h<h>.w [h d,
 * n_h]} (a patch's rows concatenated oldest first) and {@code h<h>.b [n_h]}, {@code v.w [n_v, L]} (weight {@code k}
 * for row {@code t - (L - 1 - k)}) and {@code v.b [n_v]}, {@code fc.w [L n_h + n_v d, d]} and {@code fc.b [d]}
 * (features ordered by height, then the vertical filters' {@code d} columns each), and {@code user.w [d, d]}. The
 * dl4j backend's graph of the block reads the same names and layouts.
 *
 * <p>One GEMM per height: the filter at offset {@code o} of row {@code t} sees exactly what the filter at offset 0
 * of row {@code t - o} sees, so each height's responses are computed once per row and pooled over earlier rows'
 * (a row before the sequence responds with its bias alone). Ties in the pooling go to the lowest offset.
 *
 * @param inputSize the row size {@code d}
 * @param window the rows each row sees, Caser's {@code L}
 * @param horizontal horizontal filters per height, {@code n_h}
 * @param vertical vertical filters, {@code n_v}
 * @param dropout drop rate of the concatenated features in training
 * @param user whether the output adds the user term
 */
public record CaserConvolution(String name, int inputSize, int window, int horizontal, int vertical, double dropout,
    boolean user) implements Layer {
  public CaserConvolution {
    if (inputSize < 1 || window < 1 || horizontal < 1 || vertical < 1) {
      throw new IllegalArgumentException(name + ": sizes must be positive, got d " + inputSize + ", window "
          + window + ", " + horizontal + " horizontal and " + vertical + " vertical filters");
    }
    DropoutRandom.threshold(dropout);
  }

  /** The width of the concatenated convolution features, {@code L n_h + n_v d}. */
  public int featureWidth() {
    return window * horizontal + vertical * inputSize;
  }

  @Override
  public int outputSize() {
    return user ? 2 * inputSize : inputSize;
  }

  @Override
  public List<ParameterSpec> parameters() {
    int d = inputSize;
    List<ParameterSpec> p = new ArrayList<>();
    for (int h = 1; h <= window; h++) {
      Initializer init = Initializer.uniform(1 / Math.sqrt(h * d));
      p.add(ParameterSpec.of(name + ".h" + h + ".w", init, (long) h * d, horizontal));
      p.add(ParameterSpec.of(name + ".h" + h + ".b", init, horizontal));
    }
    Initializer v = Initializer.uniform(1 / Math.sqrt(window));
    p.add(ParameterSpec.of(name + ".v.w", v, vertical, window));
    p.add(ParameterSpec.of(name + ".v.b", v, vertical));
    Initializer fc = Initializer.uniform(1 / Math.sqrt(featureWidth()));
    p.add(ParameterSpec.of(name + ".fc.w", fc, featureWidth(), d));
    p.add(ParameterSpec.of(name + ".fc.b", fc, d));
    if (user) {
      p.add(ParameterSpec.of(name + ".user.w", Initializer.uniform(1 / Math.sqrt(d)), d, d));
    }
    return p;
  }

  @Override
  public double cost(int length) {
    double d = inputSize;
    double perRow = d * horizontal * window * (window + 1) / 2.0 + (double) vertical * window * d
        + featureWidth() * d + (user ? d * d : 0);
    return 6.0 * length * perRow;
  }

  /** A zero row alone: every horizontal filter answers its bias, every vertical one too; the user term is 0. */
  @Override
  public float[] emptyOutput(ParameterSet weights) {
    int d = inputSize;
    float[] features = new float[featureWidth()];
    for (int h = 1; h <= window; h++) {
      float[] b = weights.value(name + ".h" + h + ".b").toArray();
      for (int j = 0; j < horizontal; j++) {
        features[(h - 1) * horizontal + j] = Math.max(0f, b[j]);
      }
    }
    float[] vb = weights.value(name + ".v.b").toArray();
    for (int f = 0; f < vertical; f++) {
      Arrays.fill(features, window * horizontal + f * d, window * horizontal + (f + 1) * d, vb[f]);
    }
    float[] w = weights.value(name + ".fc.w").toArray();
    float[] out = weights.value(name + ".fc.b").toArray();
    out = Arrays.copyOf(out, outputSize());
    for (int i = 0; i < features.length; i++) {
      for (int j = 0; j < d; j++) {
        out[j] += features[i] * w[i * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      out[j] = Math.max(0f, out[j]);
    }
    return out;
  }

  @Override
  public LayerPass pass(ParameterSet weights, boolean trainable) {
    return new Pass(weights, trainable);
  }

  private final class Pass implements LayerPass {
    private final int d = inputSize;
    private final int len = window;
    private final int nh = horizontal;
    private final int nv = vertical;
    private final int patch = window * inputSize;
    private final int conv = window * horizontal;
    private final int width = featureWidth();
    private final int outW = outputSize();
    private final int[] wIndex = new int[window + 1];
    private final int[] bIndex = new int[window + 1];
    private final int vwIndex;
    private final int vbIndex;
    private final int fcwIndex;
    private final int fcbIndex;
    private final int userIndex;
    private final FloatTensor[] hw = new FloatTensor[window + 1];
    private final FloatTensor fcw;
    private final FloatTensor userW;
    private final boolean trainable;
    private final Dropout.Pass featureDropout;
    private final RowBuffers buffers = new RowBuffers();
    private final ParameterSet weights;
    // Heap copies of the small weights, read at every forward: the trainer updates the weights in place.
    private final float[] hb;
    private final float[] vw;
    private final float[] vb;
    private final float[] fcb;
    // Per-step accumulators, cleared before use: a step allocates nothing.
    private final float[] rowSum;
    private final float[] gradVw;
    private final float[] gradVb;
    private final float[] gradHb;
    // Native: the patches [n, L d], the filters' responses [n, L n_h], the features [n, width], the output
    // [n, outW], the running means [n, d]; in backward their gradients.
    private FloatTensor patches;
    private FloatTensor responses;
    private FloatTensor features;
    private FloatTensor out;
    private FloatTensor means;
    private FloatTensor dz;
    private FloatTensor dFeatures;
    private FloatTensor dResponses;
    private FloatTensor dPatches;
    private FloatTensor dMeans;
    private FloatTensor dIn;
    // Heap copies, each from index 0, kept from forward to backward.
    private float[] x = new float[0];
    private float[] p;
    private float[] c;
    private float[] f;
    private int[] argmax;
    private float[] o;
    private float[] g;
    private float[] gp;

    Pass(ParameterSet weights, boolean trainable) {
      this.trainable = trainable;
      for (int h = 1; h <= len; h++) {
        wIndex[h] = weights.indexOf(name + ".h" + h + ".w");
        bIndex[h] = weights.indexOf(name + ".h" + h + ".b");
        hw[h] = weights.get(wIndex[h]).value();
      }
      vwIndex = weights.indexOf(name + ".v.w");
      vbIndex = weights.indexOf(name + ".v.b");
      fcwIndex = weights.indexOf(name + ".fc.w");
      fcbIndex = weights.indexOf(name + ".fc.b");
      userIndex = user ? weights.indexOf(name + ".user.w") : -1;
      fcw = weights.get(fcwIndex).value();
      userW = user ? weights.get(userIndex).value() : null;
      hb = new float[conv];
      vw = new float[nv * len];
      vb = new float[nv];
      fcb = new float[d];
      rowSum = new float[d];
      gradVw = new float[nv * len];
      gradVb = new float[nv];
      gradHb = new float[conv];
      this.weights = weights;
      featureDropout = new Dropout(name + ".dropout", width, dropout).pass(weights, trainable);
    }

    private void readSmallWeights() {
      for (int h = 1; h <= len; h++) {
        weights.get(bIndex[h]).value().buffer().get(0, hb, (h - 1) * nh, nh);
      }
      weights.get(vwIndex).value().buffer().get(0, vw, 0, nv * len);
      weights.get(vbIndex).value().buffer().get(0, vb, 0, nv);
      weights.get(fcbIndex).value().buffer().get(0, fcb, 0, d);
    }

    @Override
    public FloatTensor forward(Rows rows, FloatTensor in) {
      int n = rows.rows();
      ensure(n);
      readSmallWeights();
      in.buffer().get(0, x, 0, n * d);
      buildPatches(rows);
      patches.buffer().put(0, p, 0, n * patch);
      for (int h = 1; h <= len; h++) {
        Blas.gemm(false, false, n, nh, h * d, 1f, patches, (long) (len - h) * d, patch, hw[h], 0, nh, 0f,
            responses, (long) (h - 1) * nh, conv);
      }
      responses.buffer().get(0, c, 0, n * conv);
      for (int r = 0; r < n; r++) {
        int ro = r * conv;
        for (int j = 0; j < conv; j++) {
          c[ro + j] += hb[j];
        }
      }
      pool(rows);
      verticals(n);
      features.buffer().put(0, f, 0, n * width);
      featureDropout.forward(rows, features, null, features);
      Blas.gemm(false, false, n, d, width, 1f, features, 0, width, fcw, 0, d, 0f, out, 0, outW);
      if (user) {
        runningMeans(rows);
        Blas.gemm(false, false, n, d, d, 1f, means, 0, d, userW, 0, d, 0f, out, d, outW);
      }
      FloatBuffer ob = out.buffer();
      ob.get(0, o, 0, n * outW);
      for (int r = 0; r < n; r++) {
        int ro = r * outW;
        for (int j = 0; j < d; j++) {
          o[ro + j] = Math.max(0f, o[ro + j] + fcb[j]);
        }
      }
      ob.put(0, o, 0, n * outW);
      return out;
    }

    /** Row {@code r}'s block {@code k} is row {@code r - (L - 1 - k)} of its sequence, or zeros before it. */
    private void buildPatches(Rows rows) {
      for (int s = 0; s < rows.count(); s++) {
        int first = rows.start(s);
        for (int r = first; r < rows.start(s + 1); r++) {
          for (int k = 0; k < len; k++) {
            int src = r - (len - 1 - k);
            int at = r * patch + k * d;
            if (src >= first) {
              System.arraycopy(x, src * d, p, at, d);
            } else {
              Arrays.fill(p, at, at + d, 0f);
            }
          }
        }
      }
    }

    /** Features {@code [0, L n_h)}: each filter's ReLU response, max-pooled over its offsets; the offset kept. */
    private void pool(Rows rows) {
      for (int s = 0; s < rows.count(); s++) {
        int first = rows.start(s);
        for (int r = first; r < rows.start(s + 1); r++) {
          int fo = r * width;
          int co = r * conv;
          for (int h = 1; h <= len; h++) {
            int base = (h - 1) * nh;
            for (int j = base; j < base + nh; j++) {
              float best = Math.max(0f, c[co + j]);
              int at = 0;
              for (int off = 1; off <= len - h; off++) {
                int src = r - off;
                float v = Math.max(0f, src >= first ? c[src * conv + j] : hb[j]);
                if (v > best) {
                  best = v;
                  at = off;
                }
              }
              f[fo + j] = best;
              argmax[co + j] = at;
            }
          }
        }
      }
    }

    /** Features {@code [L n_h, width)}: vertical filter {@code q}'s {@code d} columns, from the patches. */
    private void verticals(int n) {
      for (int r = 0; r < n; r++) {
        int po = r * patch;
        for (int q = 0; q < nv; q++) {
          int fo = r * width + conv + q * d;
          Arrays.fill(f, fo, fo + d, vb[q]);
          for (int k = 0; k < len; k++) {
            float w = vw[q * len + k];
            int pk = po + k * d;
            for (int j = 0; j < d; j++) {
              f[fo + j] += w * p[pk + j];
            }
          }
        }
      }
    }

    /** The mean of each sequence's rows so far, at every row (heap {@code g} is free in forward). */
    private void runningMeans(Rows rows) {
      for (int s = 0; s < rows.count(); s++) {
        int first = rows.start(s);
        float[] sum = rowSum;
        Arrays.fill(sum, 0f);
        for (int r = first; r < rows.start(s + 1); r++) {
          float inv = 1f / (r - first + 1);
          for (int j = 0; j < d; j++) {
            sum[j] += x[r * d + j];
            g[r * d + j] = sum[j] * inv;
          }
        }
      }
      means.buffer().put(0, g, 0, rows.rows() * d);
    }

    @Override
    public FloatTensor backward(Rows rows, FloatTensor dOut, FloatTensor[] grads) {
      int n = rows.rows();
      // dz through the output ReLU (heap o still holds the forward's output), into g [n, d].
      dOut.buffer().get(0, gp, 0, n * outW);
      for (int r = 0; r < n; r++) {
        for (int j = 0; j < d; j++) {
          g[r * d + j] = o[r * outW + j] > 0 ? gp[r * outW + j] : 0f;
        }
      }
      dz.buffer().put(0, g, 0, n * d);
      RowKernels.addColumnSums(dz, grads[fcbIndex], n, d);
      Blas.gemm(true, false, width, d, n, 1f, features, 0, width, dz, 0, d, 1f, grads[fcwIndex], 0, d);
      Blas.gemm(false, true, n, width, d, 1f, dz, 0, d, fcw, 0, d, 0f, dFeatures, 0, width);
      if (user) {
        Blas.gemm(true, false, d, d, n, 1f, means, 0, d, dOut, d, outW, 1f, grads[userIndex], 0, d);
        Blas.gemm(false, true, n, d, d, 1f, dOut, d, outW, userW, 0, d, 0f, dMeans, 0, d);
      }
      featureDropout.backward(rows, dFeatures, dFeatures);
      float[] df = f;
      dFeatures.buffer().get(0, df, 0, n * width);
      float[] dp = gp;
      verticalsBackward(n, df, dp, grads);
      float[] dc = o;
      poolBackward(rows, df, dc, grads);
      dResponses.buffer().put(0, dc, 0, n * conv);
      dPatches.buffer().put(0, dp, 0, n * patch);
      for (int h = 1; h <= len; h++) {
        long po = (long) (len - h) * d;
        long co = (long) (h - 1) * nh;
        Blas.gemm(true, false, h * d, nh, n, 1f, patches, po, patch, dResponses, co, conv, 1f, grads[wIndex[h]], 0,
            nh);
        Blas.gemm(false, true, n, h * d, nh, 1f, dResponses, co, conv, hw[h], 0, nh, 1f, dPatches, po, patch);
      }
      dPatches.buffer().get(0, dp, 0, n * patch);
      float[] dx = x;
      Arrays.fill(dx, 0, n * d, 0f);
      for (int s = 0; s < rows.count(); s++) {
        int first = rows.start(s);
        for (int r = first; r < rows.start(s + 1); r++) {
          for (int k = 0; k < len; k++) {
            int src = r - (len - 1 - k);
            if (src >= first) {
              int from = r * patch + k * d;
              int to = src * d;
              for (int j = 0; j < d; j++) {
                dx[to + j] += dp[from + j];
              }
            }
          }
        }
      }
      if (user) {
        meansBackward(rows, dx);
      }
      dIn.buffer().put(0, dx, 0, n * d);
      return dIn;
    }

    private void verticalsBackward(int n, float[] df, float[] dp, FloatTensor[] grads) {
      float[] gvw = gradVw;
      float[] gvb = gradVb;
      Arrays.fill(gvw, 0f);
      Arrays.fill(gvb, 0f);
      Arrays.fill(dp, 0, n * patch, 0f);
      for (int r = 0; r < n; r++) {
        int po = r * patch;
        for (int q = 0; q < nv; q++) {
          int fo = r * width + conv + q * d;
          float sum = 0;
          for (int j = 0; j < d; j++) {
            sum += df[fo + j];
          }
          gvb[q] += sum;
          for (int k = 0; k < len; k++) {
            float w = vw[q * len + k];
            int pk = po + k * d;
            float acc = 0;
            for (int j = 0; j < d; j++) {
              acc += df[fo + j] * p[pk + j];
              dp[pk + j] += w * df[fo + j];
            }
            gvw[q * len + k] += acc;
          }
        }
      }
      addInto(grads[vwIndex], gvw);
      addInto(grads[vbIndex], gvb);
    }

    /** Each pooled feature's gradient to the response it took, or to the bias for a row before the sequence. */
    private void poolBackward(Rows rows, float[] df, float[] dc, FloatTensor[] grads) {
      int n = rows.rows();
      Arrays.fill(dc, 0, n * conv, 0f);
      float[] gb = gradHb;
      Arrays.fill(gb, 0f);
      for (int s = 0; s < rows.count(); s++) {
        int first = rows.start(s);
        for (int r = first; r < rows.start(s + 1); r++) {
          int fo = r * width;
          int co = r * conv;
          for (int j = 0; j < conv; j++) {
            float gr = df[fo + j];
            if (gr == 0f) {
              continue;
            }
            int src = r - argmax[co + j];
            if (src >= first) {
              if (c[src * conv + j] > 0) {
                dc[src * conv + j] += gr;
              }
            } else if (hb[j] > 0) {
              gb[j] += gr;
            }
          }
        }
      }
      for (int r = 0; r < n; r++) {
        for (int j = 0; j < conv; j++) {
          gb[j] += dc[r * conv + j];
        }
      }
      for (int h = 1; h <= len; h++) {
        FloatBuffer b = grads[bIndex[h]].buffer();
        for (int j = 0; j < nh; j++) {
          b.put(j, b.get(j) + gb[(h - 1) * nh + j]);
        }
      }
    }

    /** The running means' gradient: row {@code r}'s reaches every earlier row of its sequence, over its count. */
    private void meansBackward(Rows rows, float[] dx) {
      int n = rows.rows();
      float[] dm = g;
      dMeans.buffer().get(0, dm, 0, n * d);
      for (int s = 0; s < rows.count(); s++) {
        int first = rows.start(s);
        float[] carry = rowSum;
        Arrays.fill(carry, 0f);
        for (int r = rows.start(s + 1) - 1; r >= first; r--) {
          float inv = 1f / (r - first + 1);
          for (int j = 0; j < d; j++) {
            carry[j] += dm[r * d + j] * inv;
            dx[r * d + j] += carry[j];
          }
        }
      }
    }

    private void addInto(FloatTensor grad, float[] values) {
      FloatBuffer b = grad.buffer();
      for (int j = 0; j < values.length; j++) {
        b.put(j, b.get(j) + values[j]);
      }
    }

    private void ensure(int n) {
      if (!buffers.fits(n)) {
        patches = buffers.allocate(patch);
        responses = buffers.allocate(conv);
        features = buffers.allocate(width);
        out = buffers.allocate(outW);
        if (user) {
          means = buffers.allocate(d);
        }
        if (trainable) {
          dz = buffers.allocate(d);
          dFeatures = buffers.allocate(width);
          dResponses = buffers.allocate(conv);
          dPatches = buffers.allocate(patch);
          dIn = buffers.allocate(d);
          if (user) {
            dMeans = buffers.allocate(d);
          }
        }
        int cap = buffers.capacity();
        x = new float[cap * d];
        p = new float[cap * patch];
        c = new float[cap * conv];
        f = new float[cap * width];
        argmax = new int[cap * conv];
        o = new float[cap * Math.max(outW, conv)];
        g = new float[cap * d];
        gp = new float[cap * Math.max(outW, patch)];
      }
    }

    @Override
    public void close() {
      buffers.close();
      featureDropout.close();
    }
  }
}
