package org.recsys.attention.nn;

import java.util.Arrays;
import java.util.Objects;

/**
 * One trainable weight tensor with its gradient, of the same shape.
 *
 * @param name unique within its {@link ParameterSet}, e.g. {@code block0.attention.wq}
 * @param value the weights
 * @param gradient d(loss)/d(value), written by the network's backward pass
 * @param embedding whether the optimiser's optional embedding L2 applies to it
 */
public record Parameter(String name, FloatTensor value, FloatTensor gradient, boolean embedding) {
  public Parameter {
    Objects.requireNonNull(name, "name");
    if (!Arrays.equals(value.shape(), gradient.shape())) {
      throw new IllegalArgumentException("parameter " + name + ": value shape " + Arrays.toString(value.shape())
          + " differs from gradient shape " + Arrays.toString(gradient.shape()));
    }
  }

  /** A zero-initialised parameter of the given shape with its zero gradient. */
  public static Parameter zeros(String name, boolean embedding, long... shape) {
    return new Parameter(name, FloatTensor.zeros(shape), FloatTensor.zeros(shape), embedding);
  }

  public long[] shape() {
    return value.shape();
  }

  public int length() {
    return value.length();
  }
}
