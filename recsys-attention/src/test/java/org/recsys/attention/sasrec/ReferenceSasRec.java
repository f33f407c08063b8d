package org.recsys.attention.sasrec;

import org.recsys.attention.nn.NextItemLoss;
import org.recsys.attention.testing.GradientCheck;
import org.recsys.attention.testing.ReferenceLoss;

/**
 * A deliberately naive, double-precision SASRec written from the paper's equations on the padded
 * {@code [batch, maxLen]} layout (explicit causal and key-padding masks, padding zeroed after every block), with
 * no dropout. It shares nothing with {@link SasRecPass} but the weights, so agreement between the two checks
 * the packed layout, the kernels and (through finite differences of {@link #loss}) the hand-written backward.
 */
final class ReferenceSasRec {
  private final int n;
  private final int maxLen;
  private final int d;
  private final int blocks;
  private final int heads;
  private final PositionOrigin origin;
  private final int finalGain;
  private final int scoreBias;
  /** Weights as doubles, indexed like {@code SasRecWeights.set}. */
  final double[][] w;

  ReferenceSasRec(SasRecWeights weights) {
    this.n = weights.numItems;
    this.maxLen = weights.maxLen;
    this.d = weights.dim;
    this.blocks = weights.blocks;
    this.heads = weights.heads;
    this.origin = weights.positions;
    this.finalGain = weights.finalGain();
    this.scoreBias = weights.scoreBias();
    this.w = GradientCheck.toDoubles(weights.set);
  }

  private double[] blk(int l, int which) {
    return w[SasRecWeights.blockIndex(l, which)];
  }

  /** Outputs {@code [maxLen][d]} of one left-padded window. */
  double[][] forward(int[] window) {
    int t = maxLen;
    boolean[] real = new boolean[t];
    double[][] x = new double[t][d];
    double sqrtD = Math.sqrt(d);
    int first = 0;
    while (first < t && window[first] == 0) {
      first++;
    }
    for (int p = 0; p < t; p++) {
      real[p] = window[p] != 0;
      if (real[p]) {
        int position = origin == PositionOrigin.START ? p - first : p;
        for (int j = 0; j < d; j++) {
          x[p][j] = sqrtD * w[SasRecWeights.ITEM][window[p] * d + j] + w[SasRecWeights.POSITION][position * d + j];
        }
      }
    }
    int dh = d / heads;
    for (int l = 0; l < blocks; l++) {
      double[][] qn = layerNorm(x, blk(l, SasRecWeights.LN1_GAIN), blk(l, SasRecWeights.LN1_BIAS));
      double[][] q = linear(qn, blk(l, SasRecWeights.WQ), blk(l, SasRecWeights.BQ));
      double[][] k = linear(x, blk(l, SasRecWeights.WK), blk(l, SasRecWeights.BK));
      double[][] v = linear(x, blk(l, SasRecWeights.WV), blk(l, SasRecWeights.BV));
      double[][] att = new double[t][d];
      for (int h = 0; h < heads; h++) {
        for (int i = 0; i < t; i++) {
          double[] s = new double[t];
          double max = Double.NEGATIVE_INFINITY;
          boolean any = false;
          for (int j = 0; j <= i; j++) {
            if (!real[j]) {
              continue;
            }
            double dot = 0;
            for (int c = h * dh; c < (h + 1) * dh; c++) {
              dot += q[i][c] * k[j][c];
            }
            s[j] = dot / Math.sqrt(dh);
            max = Math.max(max, s[j]);
            any = true;
          }
          if (!any) {
            continue;
          }
          double sum = 0;
          for (int j = 0; j <= i; j++) {
            if (real[j]) {
              s[j] = Math.exp(s[j] - max);
              sum += s[j];
            }
          }
          for (int j = 0; j <= i; j++) {
            if (real[j]) {
              for (int c = h * dh; c < (h + 1) * dh; c++) {
                att[i][c] += s[j] / sum * v[j][c];
              }
            }
          }
        }
      }
      double[][] o = linear(att, blk(l, SasRecWeights.WO), blk(l, SasRecWeights.BO));
      double[][] hsum = new double[t][d];
      for (int i = 0; i < t; i++) {
        for (int j = 0; j < d; j++) {
          hsum[i][j] = qn[i][j] + o[i][j];
        }
      }
      double[][] fn = layerNorm(hsum, blk(l, SasRecWeights.LN2_GAIN), blk(l, SasRecWeights.LN2_BIAS));
      double[][] z1 = linear(fn, blk(l, SasRecWeights.W1), blk(l, SasRecWeights.B1));
      for (double[] row : z1) {
        for (int j = 0; j < d; j++) {
          row[j] = Math.max(0, row[j]);
        }
      }
      double[][] z2 = linear(z1, blk(l, SasRecWeights.W2), blk(l, SasRecWeights.B2));
      for (int i = 0; i < t; i++) {
        for (int j = 0; j < d; j++) {
          x[i][j] = real[i] ? fn[i][j] + z2[i][j] : 0;
        }
      }
    }
    return layerNorm(x, w[finalGain], w[finalGain + 1]);
  }

  /**
   * The mean loss over target positions of padded windows, as {@link SasRecPass#loss} defines it; every score
   * includes the score bias, when the weights have one.
   *
   * @param negatives {@code size * maxLen * k}
   */
  double loss(NextItemLoss kind, int size, int[] inputs, int[] targets, int[] negatives, int k, double gbceT) {
    double total = 0;
    int count = 0;
    double beta = kind == NextItemLoss.GBCE ? NextItemLoss.gbceBeta(k, n, gbceT) : 1;
    double[] e = w[SasRecWeights.ITEM];
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
        double bias = scoreBias < 0 ? 0 : w[scoreBias][0];
        double sp = dot(y[p], e, target) + bias;
        double[] sn = new double[k];
        for (int q = 0; q < k; q++) {
          sn[q] = dot(y[p], e, negatives[(b * maxLen + p) * k + q]) + bias;
        }
        double[] yp = y[p];
        total += ReferenceLoss.position(kind, beta, sp, sn, item -> dot(yp, e, item) + bias, n);
      }
    }
    return count == 0 ? 0 : total / count;
  }

  private double dot(double[] y, double[] e, int item) {
    double s = 0;
    for (int j = 0; j < d; j++) {
      s += y[j] * e[item * d + j];
    }
    return s;
  }

  private double[][] linear(double[][] in, double[] weight, double[] bias) {
    double[][] out = new double[in.length][d];
    for (int i = 0; i < in.length; i++) {
      for (int o = 0; o < d; o++) {
        double s = bias[o];
        for (int c = 0; c < d; c++) {
          s += in[i][c] * weight[c * d + o];
        }
        out[i][o] = s;
      }
    }
    return out;
  }

  private double[][] layerNorm(double[][] in, double[] gain, double[] bias) {
    double[][] out = new double[in.length][d];
    for (int i = 0; i < in.length; i++) {
      double mean = 0;
      for (double v : in[i]) {
        mean += v;
      }
      mean /= d;
      double var = 0;
      for (double v : in[i]) {
        var += (v - mean) * (v - mean);
      }
      var /= d;
      double rs = 1 / Math.sqrt(var + 1e-8);
      for (int j = 0; j < d; j++) {
        out[i][j] = gain[j] * (in[i][j] - mean) * rs + bias[j];
      }
    }
    return out;
  }
}
