package org.recsys.attention.dl4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The time loop the recurrent graphs share, unrolled over the window: each step reads the input projection of
 * column {@code t} and the previous state, and a padding cell keeps the state, so that a right-aligned window
 * starts its first item from the zero state as the native layers do.
 */
final class RecurrentSteps {
  /** One step: the new states from the column's input projection and the previous states. */
  interface Step {
    SDVariable[] next(SDVariable projected, SDVariable[] previous);
  }

  private RecurrentSteps() {}

  /**
   * The first state's outputs for every cell, {@code [windows * maxLen, size]}.
   *
   * @param projected the input projection {@code [windows * maxLen, width]}
   * @param states how many states the step carries (h; or h and c), each {@code [windows, size]}
   */
  static SDVariable run(GraphContext g, SDVariable projected, int width, int size, int states, Step step) {
    SameDiff sd = g.sd();
    int len = g.maxLen();
    SDVariable columns = sd.reshape(projected, -1, len, width);
    SDVariable valid = g.valid();
    SDVariable zero = valid.get(SDIndex.all(), SDIndex.interval(0, 1))
        .mmul(sd.constant(Nd4j.zeros(DataType.FLOAT, 1, size)));
    SDVariable[] state = new SDVariable[states];
    Arrays.fill(state, zero);
    List<SDVariable> outputs = new ArrayList<>(len);
    for (int t = 0; t < len; t++) {
      SDVariable x = columns.get(SDIndex.all(), SDIndex.point(t), SDIndex.all());
      SDVariable[] next = step.next(x, state);
      SDVariable keep = valid.get(SDIndex.all(), SDIndex.interval(t, t + 1));
      for (int i = 0; i < states; i++) {
        state[i] = state[i].add(keep.mul(next[i].sub(state[i])));
      }
      outputs.add(state[0]);
    }
    return sd.reshape(sd.stack(1, outputs.toArray(SDVariable[]::new)), -1, size);
  }

  /** Columns {@code [from, to)} of {@code x [rows, width]}. */
  static SDVariable columns(SDVariable x, int from, int to) {
    return x.get(SDIndex.all(), SDIndex.interval(from, to));
  }
}
