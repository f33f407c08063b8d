package org.recsys.attention.dl4j;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.recsys.attention.layer.AttentionPooling;

/**
 * {@link AttentionPooling} as a graph: the additive scores of every query against every key of its window
 * ({@code [windows, maxLen, maxLen, a]} before the {@code v} product, so memory grows with the window squared),
 * padding and later keys masked, then the combination of each row with its context.
 */
record AttentionPoolingGraph(AttentionPooling pooling) implements LayerGraph {
  @Override
  public SDVariable forward(GraphContext g, SDVariable x) {
    SameDiff sd = g.sd();
    String n = pooling.name();
    int len = g.maxLen();
    int a = pooling.attentionSize();
    int in = pooling.inputSize();
    SDVariable q = sd.reshape(x.mmul(g.parameter(n + ".wq")).add(g.parameter(n + ".bq")), -1, len, 1, a);
    SDVariable k = sd.reshape(x.mmul(g.parameter(n + ".wk")), -1, 1, len, a);
    SDVariable hidden = sd.reshape(sd.math.tanh(q.add(k)), -1, a);
    SDVariable scores = sd.reshape(hidden.mmul(sd.reshape(g.parameter(n + ".v"), a, 1)), -1, len, len);
    SDVariable masked = scores.add(sd.reshape(g.attentionBias(true), -1, len, len));
    SDVariable weights = sd.nn.softmax(masked, 2);
    SDVariable context = sd.reshape(sd.mmul(weights, sd.reshape(x, -1, len, in)), -1, in);
    SDVariable both = g.dropout(n + ".dropout", sd.concat(1, x, context), pooling.dropout(), 2 * in);
    return both.mmul(g.parameter(pooling.combineWeight())).add(g.parameter(pooling.combineBias()));
  }
}
