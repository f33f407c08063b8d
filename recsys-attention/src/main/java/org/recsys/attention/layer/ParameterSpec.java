package org.recsys.attention.layer;

import java.util.Arrays;
import java.util.Objects;

/**
 * A trainable tensor a layer declares: its stable name (e.g. {@code encoder.block0.attention.wq}), shape, how it
 * starts, and whether the optimiser's embedding L2 applies to it. A network's weights are the specs of its
 * layers in order; initialising them in that order from one seeded stream makes a seed give the same weights.
 */
public record ParameterSpec(String name, long[] shape, Initializer init, boolean embedding) {
  public ParameterSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(init, "init");
    shape = shape.clone();
    for (long s : shape) {
      if (s < 1) {
        throw new IllegalArgumentException("parameter " + name + ": bad shape " + Arrays.toString(shape));
      }
    }
  }

  /** A parameter that is not an embedding table. */
  public static ParameterSpec of(String name, Initializer init, long... shape) {
    return new ParameterSpec(name, shape, init, false);
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParameterSpec p && p.name.equals(name) && Arrays.equals(p.shape, shape)
        && p.embedding == embedding;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, Arrays.hashCode(shape), embedding);
  }

  @Override
  public String toString() {
    return name + Arrays.toString(shape);
  }
}
