package org.recsys.attention.dl4j;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.recsys.attention.layer.Gru;

/** {@link Gru} as a graph over its parameters (PyTorch's formulation), unrolled over the window. */
record GruGraph(Gru gru) implements LayerGraph {
  @Override
  public SDVariable forward(GraphContext g, SDVariable x) {
    SameDiff sd = g.sd();
    String n = gru.name();
    int h = gru.hiddenSize();
    SDVariable in = g.dropout(n + ".input_dropout", x, gru.inputDropout(), gru.inputSize());
    SDVariable projected = in.mmul(g.parameter(n + ".wx")).add(g.parameter(n + ".bx"));
    SDVariable wh = g.parameter(n + ".wh");
    SDVariable bh = g.parameter(n + ".bh");
    return RecurrentSteps.run(g, projected, 3 * h, h, 1, (p, state) -> {
      SDVariable recurrent = state[0].mmul(wh).add(bh);
      SDVariable r = sd.nn.sigmoid(RecurrentSteps.columns(p, 0, h).add(RecurrentSteps.columns(recurrent, 0, h)));
      SDVariable z = sd.nn.sigmoid(RecurrentSteps.columns(p, h, 2 * h)
          .add(RecurrentSteps.columns(recurrent, h, 2 * h)));
      SDVariable candidate = sd.math.tanh(RecurrentSteps.columns(p, 2 * h, 3 * h)
          .add(r.mul(RecurrentSteps.columns(recurrent, 2 * h, 3 * h))));
      return new SDVariable[] {z.rsub(1.0).mul(candidate).add(z.mul(state[0]))};
    });
  }
}
