package org.recsys.attention.layer;

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

  /** Frees the native buffers. */
  @Override
  void close();
}
