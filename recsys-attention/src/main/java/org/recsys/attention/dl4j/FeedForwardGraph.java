package org.recsys.attention.dl4j;

import org.nd4j.autodiff.samediff.SDVariable;
import org.recsys.attention.layer.Activation;
import org.recsys.attention.layer.FeedForward;

/**
 * {@link FeedForward} as a graph: {@code dropout(act(x W1 + b1)) W2 + b2}, the mask named {@code <name>.dropout}.
 * GELU is written from primitive ops with the native layer's tanh approximation, not ND4J's {@code gelu}, whose
 * approximation differs.
 */
record FeedForwardGraph(FeedForward ffn) {
  private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

  SDVariable forward(GraphContext g, SDVariable x) {
    SDVariable z = new LinearGraph(ffn.first()).forward(g, x);
    SDVariable active = ffn.activation() == Activation.RELU ? g.sd().nn.relu(z, 0) : gelu(g, z);
    SDVariable hidden = g.dropout(ffn.name() + ".dropout", active, ffn.dropout(), ffn.inner());
    return new LinearGraph(ffn.second()).forward(g, hidden);
  }

  private static SDVariable gelu(GraphContext g, SDVariable z) {
    SDVariable cubic = z.mul(z).mul(z).mul(0.044715);
    SDVariable t = g.sd().math.tanh(z.add(cubic).mul(SQRT_2_OVER_PI));
    return z.mul(t.add(1.0)).mul(0.5);
  }
}
