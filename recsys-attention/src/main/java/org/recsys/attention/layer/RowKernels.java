package org.recsys.attention.layer;

import java.nio.FloatBuffer;
import org.recsys.attention.nn.FloatTensor;

/** The element-wise kernels on row-major {@code rows x width} blocks that several layers share. */
final class RowKernels {
  private RowKernels() {}

  /** Every row of {@code out} set to {@code bias}. */
  static void fillRows(FloatTensor out, FloatTensor bias, int rows, int width) {
    FloatBuffer o = out.buffer();
    FloatBuffer b = bias.buffer();
    for (int r = 0; r < rows; r++) {
      int ro = r * width;
      for (int j = 0; j < width; j++) {
        o.put(ro + j, b.get(j));
      }
    }
  }

  /** {@code out = in + bias} per row. */
  static void addRowsBias(FloatTensor out, FloatTensor in, FloatTensor bias, int rows, int width) {
    FloatBuffer o = out.buffer();
    FloatBuffer src = in.buffer();
    FloatBuffer b = bias.buffer();
    for (int r = 0; r < rows; r++) {
      int ro = r * width;
      for (int j = 0; j < width; j++) {
        o.put(ro + j, src.get(ro + j) + b.get(j));
      }
    }
  }

  /** Adds the column sums of {@code g} into {@code into}. */
  static void addColumnSums(FloatTensor g, FloatTensor into, int rows, int width) {
    FloatBuffer gb = g.buffer();
    float[] acc = new float[width];
    for (int r = 0; r < rows; r++) {
      int o = r * width;
      for (int j = 0; j < width; j++) {
        acc[j] += gb.get(o + j);
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
    for (int i = 0; i < n; i++) {
      ob.put(i, ab.get(i) * bb.get(i));
    }
  }

  /** {@code out = a + b} element-wise over {@code n} floats. */
  static void add(FloatTensor a, FloatTensor b, FloatTensor out, int n) {
    FloatBuffer ab = a.buffer();
    FloatBuffer bb = b.buffer();
    FloatBuffer ob = out.buffer();
    for (int i = 0; i < n; i++) {
      ob.put(i, ab.get(i) + bb.get(i));
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
