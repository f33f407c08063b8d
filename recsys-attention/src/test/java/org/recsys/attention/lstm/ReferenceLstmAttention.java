package org.recsys.attention.lstm;

import org.recsys.attention.model.Architecture;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.testing.GradientCheck;
import org.recsys.attention.testing.ReferenceLoss;

/**
 * A deliberately naive, double-precision LSTM-attention network written from the equations on the padded
 * {@code [batch, maxLen]} layout: the LSTM state is held at zero through left padding, the attention masks
 * padding keys and future positions explicitly, {@link Math#tanh} and {@link Math#exp} throughout, no dropout.
 * It shares nothing with the composed network but the weights, which it reads by their names in the composed
 * layout ({@code encoder.embedding.items}, {@code encoder.block<l>.wx/wh/b} per LSTM layer, the pooling block
 * {@code encoder.block<L>.wq/bq/wk/v/combine.w/combine.b}, for a dense output {@code head.items} and
 * {@code head.bias}, and {@code loss.score_bias}), so agreement checks the packed time-major layout, the layers'
 * kernels and their wiring, and finite differences of {@link #loss} check the hand-written backward passes.
 */
final class ReferenceLstmAttention {
  private final int n;
  private final int d;
  private final int h;
  private final int att;
  private final int layers;
  private final boolean dense;
  private final int item;
  private final int[] wx;
  private final int[] wh;
  private final int[] b;
  private final int wq;
  private final int bq;
  private final int wk;
  private final int v;
  private final int wc;
  private final int bc;
  private final int table;
  private final int itemBias;
  private final int scoreBias;
  /** Weights as doubles, indexed like the composed set. */
  final double[][] w;
  /** The last {@link #forward}'s attention-pooling weights of the window's last position, per slot. */
  double[] lastAttention;

  /**
   * Reads {@code weights}, which must hold exactly the LSTM-attention tensors for these sizes: the item table,
   * {@code layers} LSTM layers, the pooling, for {@code dense} the head's table and per-item bias, and when
   * {@code scoreBias} the score bias.
   */
  ReferenceLstmAttention(ParameterSet weights, int numItems, int dim, int hidden, int layers, int attention,
      boolean dense, boolean scoreBias) {
    this.n = numItems;
    this.d = dim;
    this.h = hidden;
    this.att = attention;
    this.layers = layers;
    this.dense = dense;
    int expected = 1 + 3 * layers + 6 + (dense ? 2 : 0) + (scoreBias ? 1 : 0);
    if (weights.size() != expected) {
      throw new IllegalArgumentException(weights.size() + " tensors where LSTM-attention has " + expected + ": "
          + weights.names());
    }
    this.item = index(weights, "encoder.embedding.items", (n + 1) * d);
    this.wx = new int[layers];
    this.wh = new int[layers];
    this.b = new int[layers];
    for (int l = 0; l < layers; l++) {
      String block = "encoder.block" + l;
      wx[l] = index(weights, block + ".wx", (l == 0 ? d : h) * 4 * h);
      wh[l] = index(weights, block + ".wh", h * 4 * h);
      b[l] = index(weights, block + ".b", 4 * h);
    }
    String pooling = "encoder.block" + layers;
    this.wq = index(weights, pooling + ".wq", h * att);
    this.bq = index(weights, pooling + ".bq", att);
    this.wk = index(weights, pooling + ".wk", h * att);
    this.v = index(weights, pooling + ".v", att);
    this.wc = index(weights, pooling + ".combine.w", 2 * h * d);
    this.bc = index(weights, pooling + ".combine.b", d);
    this.table = dense ? index(weights, "head.items", (n + 1) * d) : item;
    this.itemBias = dense ? index(weights, "head.bias", n + 1) : -1;
    this.scoreBias = scoreBias ? index(weights, Architecture.SCORE_BIAS, 1) : -1;
    this.w = GradientCheck.toDoubles(weights);
  }

  private static int index(ParameterSet weights, String name, int length) {
    int i = weights.indexOf(name);
    if (weights.get(i).length() != length) {
      throw new IllegalArgumentException(name + " holds " + weights.get(i).length() + " values, not " + length);
    }
    return i;
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** States {@code [len][stateDim]} of one left-padded window; padding rows are null. */
  double[][] forward(int[] window) {
    int len = window.length;
    double[][] x = new double[len][];
    for (int t = 0; t < len; t++) {
      if (window[t] != 0) {
        x[t] = new double[d];
        for (int j = 0; j < d; j++) {
          x[t][j] = w[item][window[t] * d + j];
        }
      }
    }
    for (int l = 0; l < layers; l++) {
      int in = l == 0 ? d : h;
      double[] wxl = w[wx[l]];
      double[] whl = w[wh[l]];
      double[] bl = w[b[l]];
      double[] hp = new double[h];
      double[] cp = new double[h];
      double[][] out = new double[len][];
      for (int t = 0; t < len; t++) {
        if (x[t] == null) {
          // Padding: the state stays at its initial zero.
          continue;
        }
        double[] z = new double[4 * h];
        for (int c = 0; c < 4 * h; c++) {
          double s = bl[c];
          for (int i = 0; i < in; i++) {
            s += x[t][i] * wxl[i * 4 * h + c];
          }
          for (int i = 0; i < h; i++) {
            s += hp[i] * whl[i * 4 * h + c];
          }
          z[c] = s;
        }
        double[] hn = new double[h];
        double[] cn = new double[h];
        for (int i = 0; i < h; i++) {
          double ig = sigmoid(z[i]);
          double fg = sigmoid(z[h + i]);
          double gg = Math.tanh(z[2 * h + i]);
          double og = sigmoid(z[3 * h + i]);
          cn[i] = fg * cp[i] + ig * gg;
          hn[i] = og * Math.tanh(cn[i]);
        }
        hp = hn;
        cp = cn;
        out[t] = hn;
      }
      x = out;
    }
    double[][] y = new double[len][];
    lastAttention = new double[len];
    for (int t = 0; t < len; t++) {
      if (x[t] == null) {
        continue;
      }
      double[] q = new double[att];
      for (int a = 0; a < att; a++) {
        q[a] = w[bq][a];
        for (int i = 0; i < h; i++) {
          q[a] += x[t][i] * w[wq][i * att + a];
        }
      }
      double[] score = new double[len];
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < len; j++) {
        if (j > t || x[j] == null) {
          score[j] = Double.NEGATIVE_INFINITY;
          continue;
        }
        double s = 0;
        for (int a = 0; a < att; a++) {
          double k = 0;
          for (int i = 0; i < h; i++) {
            k += x[j][i] * w[wk][i * att + a];
          }
          s += w[v][a] * Math.tanh(q[a] + k);
        }
        score[j] = s;
        max = Math.max(max, s);
      }
      double sum = 0;
      for (int j = 0; j < len; j++) {
        sum += score[j] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(score[j] - max);
      }
      double[] ctx = new double[h];
      for (int j = 0; j < len; j++) {
        if (score[j] != Double.NEGATIVE_INFINITY) {
          double alpha = Math.exp(score[j] - max) / sum;
          if (t == len - 1) {
            lastAttention[j] = alpha;
          }
          for (int i = 0; i < h; i++) {
            ctx[i] += alpha * x[j][i];
          }
        }
      }
      double[] state = new double[d];
      for (int c = 0; c < d; c++) {
        double s = w[bc][c];
        for (int i = 0; i < h; i++) {
          s += x[t][i] * w[wc][i * d + c] + ctx[i] * w[wc][(h + i) * d + c];
        }
        state[c] = s;
      }
      y[t] = state;
    }
    return y;
  }

  /** The item's score: with the dense head's per-item bias, and the score bias when the weights have them. */
  private double score(double[] state, int i) {
    double s = scoreBias < 0 ? 0 : w[scoreBias][0];
    if (itemBias >= 0) {
      s += w[itemBias][i];
    }
    for (int j = 0; j < d; j++) {
      s += state[j] * w[table][i * d + j];
    }
    return s;
  }

  /** The mean loss over the batch's target positions. */
  double loss(String kind, int size, int maxLen, int[] inputs, int[] targets, int[] negatives, int k,
      double gbceT) {
    double total = 0;
    int count = 0;
    // gSASRec's beta, from the paper: alpha = k / (n - 1), beta = alpha (t (1 - 1/alpha) + 1/alpha).
    double alpha = k / (double) (n - 1);
    double beta = kind.equals("gbce") ? alpha * (gbceT * (1 - 1 / alpha) + 1 / alpha) : 1;
    for (int b = 0; b < size; b++) {
      int[] window = new int[maxLen];
      System.arraycopy(inputs, b * maxLen, window, 0, maxLen);
      double[][] y = forward(window);
      for (int p = 0; p < maxLen; p++) {
        int target = targets[b * maxLen + p];
        if (target == 0 || window[p] == 0) {
          continue;
        }
        count++;
        double sp = score(y[p], target);
        double[] sn = new double[k];
        for (int q = 0; q < k; q++) {
          sn[q] = score(y[p], negatives[(b * maxLen + p) * k + q]);
        }
        double[] yp = y[p];
        total += ReferenceLoss.position(kind, beta, sp, sn, i -> score(yp, i), n);
      }
    }
    return count == 0 ? 0 : total / count;
  }
}
