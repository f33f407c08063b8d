package org.recsys.attention.dl4j;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Caser's convolutions (Tang and Wang, WSDM 2018) as a SameDiff graph over every cell of a window: at cell
 * {@code t} the "image" is the {@code L} rows {@code t - L + 1 .. t} (zeros before the window's first item).
 * Horizontal filters of each height {@code h = 1..L} ({@code n_h} per height, ReLU, max-pooled over the
 * {@code L - h + 1} offsets) and {@code n_v} vertical filters (weighted sums of the {@code L} rows) are
 * concatenated, dropped out and mapped to {@code d} by a ReLU layer: {@code z_t}. With {@code user}, the output
 * is {@code [z_t ; u_t]}, where {@code u_t = mean(rows 1..t) W_u} stands in for Caser's user embedding.
 *
 * <p>Parameters (under the block's name): {@code h<h>.w [h * d, n_h]} and {@code h<h>.b [n_h]}, {@code v.w [n_v,
 * L]} and {@code v.b [n_v]}, {@code fc.w [L n_h + n_v d, d]} and {@code fc.b [d]}, and {@code user.w [d, d]}.
 */
record CaserGraph(String name, int size, int window, int horizontal, int vertical, double dropout, boolean user)
    implements BlockGraph {

  /** The width of the concatenated convolution features. */
  int featureWidth() {
    return window * horizontal + vertical * size;
  }

  @Override
  public SDVariable forward(GraphBuilder g, SDVariable x) {
    SameDiff sd = g.sd();
    int len = g.maxLen();
    int d = size;
    SDVariable cells = x.mul(sd.reshape(g.valid(), -1, 1));
    SDVariable rows = sd.reshape(cells, -1, len, d);
    // shifted[k]: at cell t, the row of cell t - k (zeros where that is before the window).
    SDVariable[] shifted = new SDVariable[window];
    shifted[0] = cells;
    for (int k = 1; k < window; k++) {
      SDVariable zeros = rows.get(SDIndex.all(), SDIndex.interval(0, k), SDIndex.all()).mul(0.0);
      SDVariable earlier = rows.get(SDIndex.all(), SDIndex.interval(0, len - k), SDIndex.all());
      shifted[k] = sd.reshape(sd.concat(1, zeros, earlier), -1, d);
    }
    List<SDVariable> features = new ArrayList<>();
    for (int h = 1; h <= window; h++) {
      SDVariable w = g.parameter(name + ".h" + h + ".w");
      SDVariable b = g.parameter(name + ".h" + h + ".b");
      SDVariable pooled = null;
      for (int o = 0; o + h <= window; o++) {
        // Rows t - o - h + 1 .. t - o, oldest first, as one row of h * d.
        SDVariable[] parts = new SDVariable[h];
        for (int i = 0; i < h; i++) {
          parts[i] = shifted[o + h - 1 - i];
        }
        SDVariable patch = h == 1 ? parts[0] : sd.concat(1, parts);
        SDVariable v = sd.nn.relu(patch.mmul(w).add(b), 0);
        pooled = pooled == null ? v : sd.math.max(pooled, v);
      }
      features.add(pooled);
    }
    SDVariable vw = g.parameter(name + ".v.w");
    SDVariable vb = g.parameter(name + ".v.b");
    for (int f = 0; f < vertical; f++) {
      SDVariable sum = vb.get(SDIndex.point(f));
      SDVariable acc = null;
      for (int k = 0; k < window; k++) {
        // Caser's vertical filter runs over the L rows oldest first: weight k belongs to row t - (L - 1 - k).
        SDVariable term = shifted[window - 1 - k].mul(vw.get(SDIndex.point(f), SDIndex.point(k)));
        acc = acc == null ? term : acc.add(term);
      }
      features.add(acc.add(sum));
    }
    SDVariable all = g.dropout(name + ".dropout", sd.concat(1, features.toArray(SDVariable[]::new)), dropout,
        featureWidth());
    SDVariable z = sd.nn.relu(all.mmul(g.parameter(name + ".fc.w")).add(g.parameter(name + ".fc.b")), 0);
    if (!user) {
      return z;
    }
    // Causal mean of the rows so far: a lower-triangular [len, len] product over each window.
    INDArray lower = Nd4j.zeros(DataType.FLOAT, len, len);
    for (int t = 0; t < len; t++) {
      for (int j = 0; j <= t; j++) {
        lower.putScalar(new long[] {t, j}, 1f);
      }
    }
    SDVariable tri = sd.constant(name + ".causal_sum", lower);
    SDVariable byTime = sd.reshape(sd.permute(rows, 1, 0, 2), len, -1);
    SDVariable sums = sd.reshape(tri.mmul(byTime), len, -1, d);
    // Rows so far at each cell, at least 1 (padding cells have none; their mean is then 0, not NaN).
    SDVariable counts = sd.nn.relu(g.valid().mmul(sd.transpose(tri)).sub(1.0), 0).add(1.0);
    SDVariable means = sd.permute(sums, 1, 0, 2).div(sd.reshape(counts, -1, len, 1));
    SDVariable u = sd.reshape(means, -1, d).mmul(g.parameter(name + ".user.w"));
    return sd.concat(1, z, u);
  }
}
