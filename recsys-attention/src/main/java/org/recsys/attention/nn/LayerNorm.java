package org.recsys.attention.nn;

import java.nio.FloatBuffer;

/**
 * Layer normalisation over the last dimension of row-major {@code rows x d} blocks, as
 * {@code torch.nn.LayerNorm(d, eps)}: {@code y = gain * (x - mean) / sqrt(var + eps) + bias} with the biased
 * variance. The forward pass keeps the normalised input and the reciprocal standard deviation per row for the
 * backward pass.
 */
public final class LayerNorm {
  private LayerNorm() {}

  /**
   * Normalises rows {@code [0, rows)}.
   *
   * @param xhat receives the normalised input
   * @param rstd receives {@code 1 / sqrt(var + eps)} per row
   * @param y receives the output (may be {@code null} when only {@code xhat} is wanted)
   */
  public static void forward(FloatTensor x, FloatTensor xhat, FloatTensor rstd, FloatTensor y, FloatTensor gain,
      FloatTensor bias, int rows, int d, float eps) {
    FloatBuffer xb = x.buffer();
    FloatBuffer hb = xhat.buffer();
    FloatBuffer sb = rstd.buffer();
    FloatBuffer yb = y == null ? null : y.buffer();
    // Row by row on heap copies: element access to the direct buffers neither vectorises nor skips its checks.
    float[] g = new float[d];
    float[] b = new float[d];
    gain.buffer().get(0, g, 0, d);
    bias.buffer().get(0, b, 0, d);
    float[] xr = new float[d];
    float[] hr = new float[d];
    float[] yr = new float[d];
    float invD = 1f / d;
    for (int r = 0; r < rows; r++) {
      int o = r * d;
      xb.get(o, xr, 0, d);
      float sum = 0f;
      for (int j = 0; j < d; j++) {
        sum += xr[j];
      }
      float mean = sum * invD;
      float var = 0f;
      for (int j = 0; j < d; j++) {
        float c = xr[j] - mean;
        var += c * c;
      }
      float rs = (float) (1.0 / Math.sqrt(var * invD + eps));
      sb.put(r, rs);
      for (int j = 0; j < d; j++) {
        float h = (xr[j] - mean) * rs;
        hr[j] = h;
        yr[j] = g[j] * h + b[j];
      }
      hb.put(o, hr, 0, d);
      if (yb != null) {
        yb.put(o, yr, 0, d);
      }
    }
  }

  /**
   * Back-propagates {@code dy} through rows {@code [0, rows)}: adds to {@code dGain} and {@code dBias}, and
   * writes (or, with {@code accumulate}, adds) {@code dx}. {@code dx} may be {@code dy} itself when not
   * accumulating.
   */
  public static void backward(FloatTensor dy, FloatTensor xhat, FloatTensor rstd, FloatTensor gain,
      FloatTensor dGain, FloatTensor dBias, FloatTensor dx, boolean accumulate, int rows, int d) {
    FloatBuffer dyb = dy.buffer();
    FloatBuffer hb = xhat.buffer();
    FloatBuffer sb = rstd.buffer();
    FloatBuffer g = gain.buffer();
    FloatBuffer dg = dGain.buffer();
    FloatBuffer db = dBias.buffer();
    FloatBuffer dxb = dx.buffer();
    float invD = 1f / d;
    float[] dgAcc = new float[d];
    float[] dbAcc = new float[d];
    float[] dh = new float[d];
    for (int r = 0; r < rows; r++) {
      int o = r * d;
      float sumDh = 0f;
      float sumDhH = 0f;
      for (int j = 0; j < d; j++) {
        float dyj = dyb.get(o + j);
        float h = hb.get(o + j);
        dgAcc[j] += dyj * h;
        dbAcc[j] += dyj;
        float v = dyj * g.get(j);
        dh[j] = v;
        sumDh += v;
        sumDhH += v * h;
      }
      float meanDh = sumDh * invD;
      float meanDhH = sumDhH * invD;
      float rs = sb.get(r);
      for (int j = 0; j < d; j++) {
        float v = rs * (dh[j] - meanDh - hb.get(o + j) * meanDhH);
        dxb.put(o + j, accumulate ? dxb.get(o + j) + v : v);
      }
    }
    for (int j = 0; j < d; j++) {
      dg.put(j, dg.get(j) + dgAcc[j]);
      db.put(j, db.get(j) + dbAcc[j]);
    }
  }
}
