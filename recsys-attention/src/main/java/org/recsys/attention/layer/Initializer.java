package org.recsys.attention.layer;

import java.util.SplittableRandom;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.WeightInit;

/** How a parameter starts: fills its tensor, drawing from the network's seeded stream in storage order. */
@FunctionalInterface
public interface Initializer {
  void fill(FloatTensor t, SplittableRandom random);

  /** A constant (draws nothing). */
  static Initializer constant(float value) {
    return (t, r) -> t.fill(value);
  }

  /** Zeros (draws nothing). */
  static Initializer zeros() {
    return constant(0f);
  }

  /** Normal with mean 0 and standard deviation {@code std}. */
  static Initializer normal(double std) {
    return (t, r) -> WeightInit.normal(t, std, r);
  }

  /** Uniform in {@code [-bound, bound)}. */
  static Initializer uniform(double bound) {
    return (t, r) -> WeightInit.uniform(t, (float) bound, r);
  }

  /** This, then row 0 set to zero (a padding row that is never looked up). */
  default Initializer withZeroRow(int width) {
    return (t, r) -> {
      fill(t, r);
      t.fill(0, width, 0f);
    };
  }
}
