package org.recsys.attention.layer;

import java.nio.FloatBuffer;
import org.recsys.attention.nn.FloatTensor;

/** The element-wise kernels on row-major {@code rows x width} blocks that several layers share. */
final class RowKernels {
  private RowKernels() {}

  /**
   * Floats per heap block. The element loops run on heap copies moved in bulk: element-wise access to a direct
   * buffer checks its index and scope at every call and does not vectorise, which made these loops cost more
   * than the GEMMs around them at inference.
   */
  static final int BLOCK = 4096;

  /** Every row of {@code out} set to {@code bias}. */
  static void fillRows(FloatTensor out, FloatTensor bias, int rows, int width) {
    if (rows == 0) {
      return;
    }
    FloatBuffer o = out.buffer();
    int perBlock = Math.max(1, Math.min(rows, BLOCK / Math.max(width, 1)));
    float[] block = new float[perBlock * width];
    bias.buffer().get(0, block, 0, width);
    for (int r = 1; r < perBlock; r++) {
      System.arraycopy(block, 0, block, r * width, width);
    }
    for (int r = 0; r < rows; r += perBlock) {
      o.put(r * width, block, 0, Math.min(perBlock, rows - r) * width);
    }
  }

  /** {@code out = in + bias} per row. */
  static void addRowsBias(FloatTensor out, FloatTensor in, FloatTensor bias, int rows, int width) {
    FloatBuffer o = out.buffer();
    FloatBuffer src = in.buffer();
    float[] b = new float[width];
    bias.buffer().get(0, b, 0, width);
    int perBlock = Math.max(1, Math.min(rows, BLOCK / Math.max(width, 1)));
    float[] block = new float[perBlock * width];
    for (int r0 = 0; r0 < rows; r0 += perBlock) {
      int m = Math.min(perBlock, rows - r0);
      src.get(r0 * width, block, 0, m * width);
      for (int r = 0; r < m; r++) {
        int ro = r * width;
        for (int j = 0; j < width; j++) {
          block[ro + j] += b[j];
        }
      }
      o.put(r0 * width, block, 0, m * width);
    }
  }

  /** Adds the column sums of {@code g} into {@code into}. */
  static void addColumnSums(FloatTensor g, FloatTensor into, int rows, int width) {
    FloatBuffer gb = g.buffer();
    float[] acc = new float[width];
    int perBlock = Math.max(1, Math.min(rows, BLOCK / Math.max(width, 1)));
    float[] block = new float[perBlock * width];
    for (int r0 = 0; r0 < rows; r0 += perBlock) {
      int m = Math.min(perBlock, rows - r0);
      gb.get(r0 * width, block, 0, m * width);
      for (int r = 0; r < m; r++) {
        int o = r * width;
        for (int j = 0; j < width; j++) {
          acc[j] += block[o + j];
        }
      }
    }
    FloatBuffer ib = into.buffer();
    for (int j = 0; j < width; j++) {
      ib.put(j, ib.get(j) + acc[j]);
    }
  }

  /** {@code out = a * b} element-wise over {@code n} floats. */
  static void multiply(FloatTensor a, FloatTensor b, FloatTensor out, int n) {
    FloatBuffer ab = a.buffer();
    FloatBuffer bb = b.buffer();
    FloatBuffer ob = out.buffer();
    float[] x = new float[Math.min(n, BLOCK)];
    float[] y = new float[x.length];
    for (int i0 = 0; i0 < n; i0 += BLOCK) {
      int m = Math.min(BLOCK, n - i0);
      ab.get(i0, x, 0, m);
      bb.get(i0, y, 0, m);
      for (int i = 0; i < m; i++) {
        x[i] *= y[i];
      }
      ob.put(i0, x, 0, m);
    }
  }

  /** {@code out = a + b} element-wise over {@code n} floats. */
  static void add(FloatTensor a, FloatTensor b, FloatTensor out, int n) {
    FloatBuffer ab = a.buffer();
    FloatBuffer bb = b.buffer();
    FloatBuffer ob = out.buffer();
    float[] x = new float[Math.min(n, BLOCK)];
    float[] y = new float[x.length];
    for (int i0 = 0; i0 < n; i0 += BLOCK) {
      int m = Math.min(BLOCK, n - i0);
      ab.get(i0, x, 0, m);
      bb.get(i0, y, 0, m);
      for (int i = 0; i < m; i++) {
        x[i] += y[i];
      }
      ob.put(i0, x, 0, m);
    }
  }

  /** Copies row {@code last.rowIn(rows, r)} of {@code full} into row {@code r} of {@code into}, for every row of {@code last}. */
  static void gatherRows(FloatTensor full, Rows rows, Rows last, FloatTensor into, int width) {
    FloatBuffer f = full.buffer();
    FloatBuffer o = into.buffer();
    float[] row = new float[width];
    for (int r = 0; r < last.rows(); r++) {
      f.get(last.rowIn(rows, r) * width, row, 0, width);
      o.put(r * width, row, 0, width);
    }
  }

  /** {@code into += from} element-wise over {@code n} floats. */
  static void addInto(FloatTensor into, FloatTensor from, int n) {
    add(into, from, into, n);
  }
}
