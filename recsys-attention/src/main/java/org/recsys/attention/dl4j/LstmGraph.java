package org.recsys.attention.dl4j;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.recsys.attention.layer.Lstm;

/** {@link Lstm} as a graph over its parameters, unrolled over the window ({@link RecurrentSteps}). */
record LstmGraph(Lstm lstm) implements LayerGraph {
  @Override
  public SDVariable forward(GraphContext g, SDVariable x) {
    SameDiff sd = g.sd();
    String n = lstm.name();
    int h = lstm.hiddenSize();
    SDVariable in = g.dropout(n + ".input_dropout", x, lstm.inputDropout(), lstm.inputSize());
    SDVariable projected = in.mmul(g.parameter(n + ".wx")).add(g.parameter(n + ".b"));
    SDVariable wh = g.parameter(n + ".wh");
    return RecurrentSteps.run(g, projected, 4 * h, h, 2, (p, state) -> {
      SDVariable gates = p.add(state[0].mmul(wh));
      SDVariable i = sd.nn.sigmoid(RecurrentSteps.columns(gates, 0, h));
      SDVariable f = sd.nn.sigmoid(RecurrentSteps.columns(gates, h, 2 * h));
      SDVariable cell = sd.math.tanh(RecurrentSteps.columns(gates, 2 * h, 3 * h));
      SDVariable o = sd.nn.sigmoid(RecurrentSteps.columns(gates, 3 * h, 4 * h));
      SDVariable c = f.mul(state[1]).add(i.mul(cell));
      return new SDVariable[] {o.mul(sd.math.tanh(c)), c};
    });
  }
}
