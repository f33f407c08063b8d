package org.recsys.attention.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * The native buffers of one forward/backward pass, allocated when a batch needs more room and closed together
 * before the next allocation or when the pass closes. Sizes are checked against what one buffer can index.
 */
public final class PassBuffers implements AutoCloseable {
  private final List<FloatTensor> owned = new ArrayList<>();

  /** A zero-filled native buffer of {@code n} floats, owned until {@link #close}. */
  public FloatTensor allocate(long n) {
    FloatTensor t = FloatTensor.zeros(checked(n));
    owned.add(t);
    return t;
  }

  /** A heap array of {@code n} floats, with the same size check. */
  public static float[] heap(long n) {
    return new float[checked(n)];
  }

  private static int checked(long n) {
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("batch too large for one buffer: " + n + " floats; use smaller batches");
    }
    return (int) n;
  }

  /** Closes every buffer handed out so far; the instance can allocate again afterwards. */
  @Override
  public void close() {
    owned.forEach(FloatTensor::close);
    owned.clear();
  }
}
