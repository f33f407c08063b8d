package org.recsys.attention.sasrec;

import org.recsys.attention.layer.PositionOrigin;
import org.recsys.attention.model.Architecture;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.testing.GradientCheck;
import org.recsys.attention.testing.ReferenceLoss;

/**
 * A deliberately naive, double-precision SASRec written from the paper's equations on the padded
 * {@code [batch, maxLen]} layout (explicit causal and key-padding masks, padding zeroed after every block), with
 * no dropout. It shares nothing with the composed network but the weights, which it reads by their names in the
 * composed layout, so agreement between the two checks the packed layout, the layers' kernels, their wiring
 * into SASRec and (through finite differences of {@link #loss}) the hand-written backward passes.
 */
final class ReferenceSasRec {
  private static final String ITEMS = "encoder.embedding.items";
  private static final String POSITIONS = "encoder.embedding.positions";
  /** A block's tensors, after {@code encoder.block<l>.}, in layout order. */
  static final String[] BLOCK = {"attention_norm.gain", "attention_norm.bias", "attention.wq", "attention.bq",
      "attention.wk", "attention.bk", "attention.wv", "attention.bv", "attention.wo", "attention.bo",
      "ffn_norm.gain", "ffn_norm.bias", "ffn.w1", "ffn.b1", "ffn.w2", "ffn.b2"};
  private static final int LN1_GAIN = 0;
  private static final int LN1_BIAS = 1;
  private static final int WQ = 2;
  private static final int BQ = 3;
  private static final int WK = 4;
  private static final int BK = 5;
  private static final int WV = 6;
  private static final int BV = 7;
  private static final int WO = 8;
  private static final int BO = 9;
  private static final int LN2_GAIN = 10;
  private static final int LN2_BIAS = 11;
  private static final int W1 = 12;
  private static final int B1 = 13;
  private static final int W2 = 14;
  private static final int B2 = 15;

  private final int n;
  private final int maxLen;
  private final int d;
  private final int blocks;
  private final int heads;
  private final PositionOrigin origin;
  private final int itemIndex;
  private final int positionIndex;
  private final int[][] block;
  private final int finalGain;
  private final int finalBias;
  private final int scoreBias;
  /** Weights as doubles, indexed like the composed set. */
  final double[][] w;
  /** The last {@link #forward}'s attention weights of the window's last position: {@code [block][head][slot]}. */
  double[][][] lastAttention;

  /**
   * Reads {@code weights}, which must hold exactly SASRec's tensors for these sizes: the item and position
   * tables, {@code blocks} transformer blocks, the final norm and, when {@code scoreBias}, the score bias.
   */
  ReferenceSasRec(ParameterSet weights, int numItems, int maxLen, int dim, int blocks, int heads,
      PositionOrigin origin, boolean scoreBias) {
    this.n = numItems;
    this.maxLen = maxLen;
    this.d = dim;
    this.blocks = blocks;
    this.heads = heads;
    this.origin = origin;
    int expected = 2 + BLOCK.length * blocks + 2 + (scoreBias ? 1 : 0);
    if (weights.size() != expected) {
      throw new IllegalArgumentException(weights.size() + " tensors where SASRec has " + expected + ": "
          + weights.names());
    }
    this.itemIndex = index(weights, ITEMS, (numItems + 1) * dim);
    this.positionIndex = index(weights, POSITIONS, maxLen * dim);
    this.block = new int[blocks][BLOCK.length];
    for (int l = 0; l < blocks; l++) {
      for (int k = 0; k < BLOCK.length; k++) {
        block[l][k] = index(weights, "encoder.block" + l + "." + BLOCK[k], BLOCK[k].startsWith("attention.w")
            || BLOCK[k].startsWith("ffn.w") ? dim * dim : dim);
      }
    }
    this.finalGain = index(weights, "encoder.final_norm.gain", dim);
    this.finalBias = index(weights, "encoder.final_norm.bias", dim);
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

  private double[] blk(int l, int which) {
    return w[block[l][which]];
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
          x[p][j] = sqrtD * w[itemIndex][window[p] * d + j] + w[positionIndex][position * d + j];
        }
      }
    }
    int dh = d / heads;
    lastAttention = new double[blocks][heads][t];
    for (int l = 0; l < blocks; l++) {
      double[][] qn = layerNorm(x, blk(l, LN1_GAIN), blk(l, LN1_BIAS));
      double[][] q = linear(qn, blk(l, WQ), blk(l, BQ));
      double[][] k = linear(x, blk(l, WK), blk(l, BK));
      double[][] v = linear(x, blk(l, WV), blk(l, BV));
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
              if (i == t - 1) {
                lastAttention[l][h][j] = s[j] / sum;
              }
              for (int c = h * dh; c < (h + 1) * dh; c++) {
                att[i][c] += s[j] / sum * v[j][c];
              }
            }
          }
        }
      }
      double[][] o = linear(att, blk(l, WO), blk(l, BO));
      double[][] hsum = new double[t][d];
      for (int i = 0; i < t; i++) {
        for (int j = 0; j < d; j++) {
          hsum[i][j] = qn[i][j] + o[i][j];
        }
      }
      double[][] fn = layerNorm(hsum, blk(l, LN2_GAIN), blk(l, LN2_BIAS));
      double[][] z1 = linear(fn, blk(l, W1), blk(l, B1));
      for (double[] row : z1) {
        for (int j = 0; j < d; j++) {
          row[j] = Math.max(0, row[j]);
        }
      }
      double[][] z2 = linear(z1, blk(l, W2), blk(l, B2));
      for (int i = 0; i < t; i++) {
        for (int j = 0; j < d; j++) {
          x[i][j] = real[i] ? fn[i][j] + z2[i][j] : 0;
        }
      }
    }
    return layerNorm(x, w[finalGain], w[finalBias]);
  }

  /**
   * The mean loss over target positions of padded windows, as the composed network's loss averages it; every
   * score includes the score bias, when the weights have one.
   *
   * @param negatives {@code size * maxLen * k}
   */
  double loss(String loss, int size, int[] inputs, int[] targets, int[] negatives, int k, double gbceT) {
    double total = 0;
    int count = 0;
    // gSASRec's beta, from the paper: alpha = k / (n - 1), beta = alpha (t (1 - 1/alpha) + 1/alpha).
    double alpha = k / (double) (n - 1);
    double beta = loss.equals("gbce") ? alpha * (gbceT * (1 - 1 / alpha) + 1 / alpha) : 1;
    double[] e = w[itemIndex];
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
        total += ReferenceLoss.position(loss, beta, sp, sn, item -> dot(yp, e, item) + bias, n);
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
