package org.recsys.attention.layer;

import java.util.List;
import org.recsys.attention.nn.FloatTensor;

/**
 * One thread's computation through a {@link Layer}. Buffers are the pass's own, grown when a batch needs more
 * rows and reused otherwise, so that a step allocates nothing. Not thread-safe.
 */
public interface LayerPass extends AutoCloseable {
  /**
   * Computes the output of the rows of {@code in} ({@code rows.rows() x inputSize}).
   *
   * @return a buffer of this pass holding {@code rows.rows() x outputSize}; valid until the next forward
   */
  FloatTensor forward(Rows rows, FloatTensor in);

  /**
   * Back-propagates {@code dOut} (which the pass may overwrite) through the last forward: adds the parameters'
   * gradients into {@code grads} (aligned with the weights' set) and returns d(loss)/d(input), in a buffer of
   * this pass.
   */
  FloatTensor backward(Rows rows, FloatTensor dOut, FloatTensor[] grads);

  /**
   * At inference, the output of each sequence's last row only, into {@code into} ({@code last.rows() x
   * outputSize}, in the order of {@code last}, a {@link Rows#resetToLastRows} view of {@code rows}): all an
   * encoder's last layer needs to give the states that are scored. Layers that mix rows override it to skip the
   * other rows' work; by default the whole forward runs and the last rows are copied.
   */
  default void forwardLast(Rows rows, Rows last, FloatTensor in, FloatTensor into, int outputSize) {
    RowKernels.gatherRows(forward(rows, in), rows, last, into, outputSize);
  }

  /**
   * After a {@link #forward} over every row (not {@link #forwardLast}), the attention weights of sequence
   * {@code s}'s last row, one per head: what explanations show. Empty for layers that do not attend.
   *
   * @throws IllegalStateException if the last forward computed only the last rows
   */
  default List<RowAttention> lastRowAttention(Rows rows, int s) {
    return List.of();
  }

  /** Frees the native buffers. */
  @Override
  void close();
}
