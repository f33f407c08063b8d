package org.recsys.attention.dl4j;

import org.nd4j.autodiff.samediff.SDVariable;
import org.recsys.attention.layer.Linear;

/** {@link Linear} as a graph: {@code x W + b} over its parameters {@code weightName [in, out]} and {@code biasName}. */
record LinearGraph(Linear linear) {
  SDVariable forward(GraphContext g, SDVariable x) {
    return x.mmul(g.parameter(linear.weightName())).add(g.parameter(linear.biasName()));
  }
}
