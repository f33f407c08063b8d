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
   * Normalises rows {@code [0, rows)} into {@code y} at inference, keeping nothing for a backward pass. The sums
   * run in four interleaved parts, which a row's additions no longer wait on one by one; they round differently
   * from {@link #forward}'s, by float epsilons.
   */
  public static void inference(FloatTensor x, FloatTensor y, FloatTensor gain, FloatTensor bias, int rows, int d,
      float eps) {
    FloatBuffer xb = x.buffer();
    FloatBuffer yb = y.buffer();
    float[] g = new float[d];
    float[] b = new float[d];
    gain.buffer().get(0, g, 0, d);
    bias.buffer().get(0, b, 0, d);
    float[] xr = new float[d];
    float invD = 1f / d;
    int d4 = d & ~3;
    for (int r = 0; r < rows; r++) {
      int o = r * d;
      xb.get(o, xr, 0, d);
      float s0 = 0f;
      float s1 = 0f;
      float s2 = 0f;
      float s3 = 0f;
      for (int j = 0; j < d4; j += 4) {
        s0 += xr[j];
        s1 += xr[j + 1];
        s2 += xr[j + 2];
        s3 += xr[j + 3];
      }
      for (int j = d4; j < d; j++) {
        s0 += xr[j];
      }
      float mean = ((s0 + s1) + (s2 + s3)) * invD;
      float v0 = 0f;
      float v1 = 0f;
      float v2 = 0f;
      float v3 = 0f;
      for (int j = 0; j < d4; j += 4) {
        float c0 = xr[j] - mean;
        float c1 = xr[j + 1] - mean;
        float c2 = xr[j + 2] - mean;
        float c3 = xr[j + 3] - mean;
        v0 += c0 * c0;
        v1 += c1 * c1;
        v2 += c2 * c2;
        v3 += c3 * c3;
      }
      for (int j = d4; j < d; j++) {
        float c = xr[j] - mean;
        v0 += c * c;
      }
      float rs = (float) (1.0 / Math.sqrt(((v0 + v1) + (v2 + v3)) * invD + eps));
      for (int j = 0; j < d; j++) {
        xr[j] = g[j] * ((xr[j] - mean) * rs) + b[j];
      }
      yb.put(o, xr, 0, d);
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
    FloatBuffer dg = dGain.buffer();
    FloatBuffer db = dBias.buffer();
    FloatBuffer dxb = dx.buffer();
    float invD = 1f / d;
    float[] g = new float[d];
    gain.buffer().get(0, g, 0, d);
    float[] dgAcc = new float[d];
    float[] dbAcc = new float[d];
    float[] dh = new float[d];
    float[] dyr = new float[d];
    float[] hr = new float[d];
    float[] dxr = new float[d];
    for (int r = 0; r < rows; r++) {
      int o = r * d;
      dyb.get(o, dyr, 0, d);
      hb.get(o, hr, 0, d);
      float sumDh = 0f;
      float sumDhH = 0f;
      for (int j = 0; j < d; j++) {
        float dyj = dyr[j];
        float h = hr[j];
        dgAcc[j] += dyj * h;
        dbAcc[j] += dyj;
        float v = dyj * g[j];
        dh[j] = v;
        sumDh += v;
        sumDhH += v * h;
      }
      float meanDh = sumDh * invD;
      float meanDhH = sumDhH * invD;
      float rs = sb.get(r);
      if (accumulate) {
        dxb.get(o, dxr, 0, d);
        for (int j = 0; j < d; j++) {
          dxr[j] += rs * (dh[j] - meanDh - hr[j] * meanDhH);
        }
      } else {
        for (int j = 0; j < d; j++) {
          dxr[j] = rs * (dh[j] - meanDh - hr[j] * meanDhH);
        }
      }
      dxb.put(o, dxr, 0, d);
    }
    for (int j = 0; j < d; j++) {
      dg.put(j, dg.get(j) + dgAcc[j]);
      db.put(j, db.get(j) + dbAcc[j]);
    }
  }
}
