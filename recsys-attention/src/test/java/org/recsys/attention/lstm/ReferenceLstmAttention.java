package org.recsys.attention.lstm;

import org.recsys.attention.nn.NextItemLoss;
import org.recsys.attention.testing.GradientCheck;
import org.recsys.attention.testing.ReferenceLoss;

/**
 * A deliberately naive, double-precision LSTM-attention network written from the equations on the padded
 * {@code [batch, maxLen]} layout: the LSTM state is held at zero through left padding, the attention masks
 * padding keys and future positions explicitly, {@link Math#tanh} and {@link Math#exp} throughout, no dropout.
 * It shares nothing with {@link LstmAttentionPass} but the weights, so agreement checks the packed time-major
 * layout and the kernels, and finite differences of {@link #loss} check the hand-written backward pass.
 */
final class ReferenceLstmAttention {
  private final int n;
  private final int d;
  private final int h;
  private final int att;
  private final int layers;
  private final boolean dense;
  private final int wq;
  private final int bq;
  private final int wk;
  private final int v;
  private final int wc;
  private final int bc;
  private final int table;
  private final int scoreBias;
  /** Weights as doubles, indexed like {@code LstmAttentionWeights.set}. */
  final double[][] w;

  ReferenceLstmAttention(LstmAttentionWeights weights) {
    this.n = weights.numItems;
    this.d = weights.dim;
    this.h = weights.hidden;
    this.att = weights.attention;
    this.layers = weights.layers;
    this.dense = weights.output == OutputKind.DENSE;
    this.wq = weights.wq();
    this.bq = weights.bq();
    this.wk = weights.wk();
    this.v = weights.v();
    this.wc = weights.combineW();
    this.bc = weights.combineB();
    this.table = weights.scoreTable();
    this.scoreBias = weights.scoreBias();
    this.w = GradientCheck.toDoubles(weights.set);
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
          x[t][j] = w[LstmAttentionWeights.ITEM][window[t] * d + j];
        }
      }
    }
    for (int l = 0; l < layers; l++) {
      int in = l == 0 ? d : h;
      double[] wx = w[LstmAttentionWeights.layerIndex(l, LstmAttentionWeights.WX)];
      double[] wh = w[LstmAttentionWeights.layerIndex(l, LstmAttentionWeights.WH)];
      double[] b = w[LstmAttentionWeights.layerIndex(l, LstmAttentionWeights.B)];
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
          double s = b[c];
          for (int i = 0; i < in; i++) {
            s += x[t][i] * wx[i * 4 * h + c];
          }
          for (int i = 0; i < h; i++) {
            s += hp[i] * wh[i * 4 * h + c];
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
          for (int i = 0; i < h; i++) {
            ctx[i] += alpha * x[j][i];
          }
        }
      }
      double[] state = new double[dense ? d + 1 : d];
      for (int c = 0; c < d; c++) {
        double s = w[bc][c];
        for (int i = 0; i < h; i++) {
          s += x[t][i] * w[wc][i * d + c] + ctx[i] * w[wc][(h + i) * d + c];
        }
        state[c] = s;
      }
      if (dense) {
        state[d] = 1;
      }
      y[t] = state;
    }
    return y;
  }

  /** The item's score, with the score bias when the weights have one. */
  private double score(double[] state, int item) {
    double s = scoreBias < 0 ? 0 : w[scoreBias][0];
    int dim = state.length;
    for (int j = 0; j < dim; j++) {
      s += state[j] * w[table][item * dim + j];
    }
    return s;
  }

  /** The mean loss over the batch's target positions. */
  double loss(NextItemLoss kind, int size, int maxLen, int[] inputs, int[] targets, int[] negatives, int k,
      double gbceT) {
    double total = 0;
    int count = 0;
    double beta = kind == NextItemLoss.GBCE ? NextItemLoss.gbceBeta(k, n, gbceT) : 1;
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
        total += ReferenceLoss.position(kind, beta, sp, sn, item -> score(yp, item), n);
      }
    }
    return count == 0 ? 0 : total / count;
  }
}
