package org.recsys.attention.dl4j;

import java.nio.FloatBuffer;
import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.train.TrainingBatch;

/**
 * Rows of a table looked up in Java and fed to the graph as a placeholder, whose gradient is added back into the
 * table's rows in Java: SameDiff's {@code gather} has no working gradient in DL4J 1.0.0-M2.1 (see
 * {@code UpstreamCanaryTest}), and a one-hot product would cost a pass over the whole table per row.
 *
 * <p>A negative id stands for no row: it reads zeros and takes no gradient (padding, positions without a target).
 *
 * @param placeholder the placeholder's name
 * @param table the table's parameter name, or null for a fixed table ({@code fixed})
 * @param fixed a table that is not trained (sinusoids), row-major; null when {@code table} is set
 * @param width the table's row size
 * @param perCell the rows looked up per window cell (1, or a target and its negatives)
 * @param ids each cell's ids ({@code size * maxLen * perCell}) for a step's batch
 */
record RowLookup(String placeholder, String table, float[] fixed, int width, int perCell,
    Function<TrainingBatch, int[]> ids) {
  /** The shape of the placeholder for {@code cells} window cells. */
  long[] shape(long cells) {
    return perCell == 1 ? new long[] {cells, width} : new long[] {cells, perCell, width};
  }

  /** The looked-up rows of {@code ids} ({@code ids.length / perCell} cells). */
  INDArray rows(ParameterSet weights, int[] ids) {
    float[] out = new float[ids.length * width];
    if (fixed != null) {
      for (int r = 0; r < ids.length; r++) {
        if (ids[r] >= 0) {
          System.arraycopy(fixed, ids[r] * width, out, r * width, width);
        }
      }
    } else {
      FloatBuffer t = weights.value(table).buffer();
      for (int r = 0; r < ids.length; r++) {
        if (ids[r] >= 0) {
          t.get(ids[r] * width, out, r * width, width);
        }
      }
    }
    return Nd4j.create(out, shape(ids.length / perCell), 'c');
  }

  /** Adds each looked-up row's gradient into its table row's gradient (trained tables only). */
  void scatter(ParameterSet weights, int[] ids, INDArray gradient) {
    if (table == null || gradient == null) {
      return;
    }
    float[] g = floats(gradient);
    FloatTensor into = weights.get(weights.indexOf(table)).gradient();
    FloatBuffer b = into.buffer();
    for (int r = 0; r < ids.length; r++) {
      int id = ids[r];
      if (id < 0) {
        continue;
      }
      int o = id * width;
      int go = r * width;
      for (int j = 0; j < width; j++) {
        b.put(o + j, b.get(o + j) + g[go + j]);
      }
    }
  }

  /** The elements of {@code a} in row-major order. */
  static float[] floats(INDArray a) {
    if (!a.isView() && a.ordering() == 'c' && a.data().length() == a.length()) {
      return a.data().asFloat();
    }
    try (INDArray c = a.dup('c')) {
      return c.data().asFloat();
    }
  }
}
