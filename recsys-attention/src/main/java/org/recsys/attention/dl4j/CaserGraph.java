package org.recsys.attention.dl4j;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.recsys.attention.layer.CaserConvolution;

/**
 * {@link CaserConvolution} as a SameDiff graph over every cell of a window, on the same parameters: the layer's
 * definition on padded windows (padding cells are zero rows, as the rows before a sequence are natively), each
 * pooling offset a shifted copy of the window rather than an earlier row's response.
 */
record CaserGraph(CaserConvolution block) implements LayerGraph {
  @Override
  public SDVariable forward(GraphContext g, SDVariable x) {
    SameDiff sd = g.sd();
    int len = g.maxLen();
    String name = block.name();
    int d = block.inputSize();
    int window = block.window();
    int horizontal = block.horizontal();
    int vertical = block.vertical();
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
        // max(pooled, v) as pooled + relu(v - pooled): a tie's gradient goes to the lower offset alone, as natively
        // (sd.math.max gives it to both: UpstreamCanaryTest.maxOfEqualValuesPassesTheGradientToBoth).
        pooled = pooled == null ? v : pooled.add(sd.nn.relu(v.sub(pooled), 0));
      }
      features.add(pooled);
    }
    // The vertical filters as one product of the L rows (oldest first) with v.w: reading v.w element by element
    // loses gradients in DL4J 1.0.0-M2.1 (UpstreamCanaryTest.pointReadsOfOneMatrixLoseTheirGradients).
    SDVariable[] oldestFirst = new SDVariable[window];
    for (int k = 0; k < window; k++) {
      oldestFirst[k] = shifted[window - 1 - k];
    }
    SDVariable stacked = window == 1 ? oldestFirst[0] : sd.concat(1, oldestFirst);
    SDVariable byColumn = sd.reshape(sd.permute(sd.reshape(stacked, -1, window, d), 0, 2, 1), -1, window);
    SDVariable responses = byColumn.mmul(sd.transpose(g.parameter(name + ".v.w"))).add(g.parameter(name + ".v.b"));
    features.add(sd.reshape(sd.permute(sd.reshape(responses, -1, d, vertical), 0, 2, 1), -1, vertical * d));
    SDVariable all = g.dropout(name + ".dropout", sd.concat(1, features.toArray(SDVariable[]::new)),
        block.dropout(), block.featureWidth());
    SDVariable z = sd.nn.relu(all.mmul(g.parameter(name + ".fc.w")).add(g.parameter(name + ".fc.b")), 0);
    if (!block.user()) {
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
