package org.recsys.attention.layer;

import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.PassBuffers;

/**
 * The row-sized native buffers of one layer pass: each is {@code capacity x width} floats, and all are
 * reallocated together (with 50% headroom) when a batch needs more rows, so that steady-state steps allocate
 * nothing.
 */
public final class RowBuffers implements AutoCloseable {
  private final PassBuffers buffers = new PassBuffers();
  private int capacity = -1;

  /**
   * Whether {@code rows} fit; when they do not, frees every buffer so that the caller allocates anew with
   * {@link #allocate}.
   */
  public boolean fits(int rows) {
    if (rows <= capacity) {
      return true;
    }
    buffers.close();
    capacity = capacity < 0 ? Math.max(rows, 1) : Math.max(rows, capacity + capacity / 2);
    return false;
  }

  /** The row capacity after the last {@link #fits}. */
  public int capacity() {
    return capacity;
  }

  /** A buffer of {@code capacity() x width} floats. */
  public FloatTensor allocate(int width) {
    return buffers.allocate(Math.max(1L, (long) capacity * width));
  }

  /** A buffer of exactly {@code n} floats (at least 1), freed with the others. */
  public FloatTensor allocateFlat(long n) {
    return buffers.allocate(Math.max(1L, n));
  }

  @Override
  public void close() {
    buffers.close();
    capacity = -1;
  }
}
