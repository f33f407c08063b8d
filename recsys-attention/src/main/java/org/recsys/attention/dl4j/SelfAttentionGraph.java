package org.recsys.attention.dl4j;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.recsys.attention.layer.SelfAttention;

/**
 * {@link SelfAttention} as a graph: multi-head scaled dot-product attention within each window on rank-4 tensors
 * {@code [windows, heads, maxLen, size / heads]}, padding keys (and, causal, later keys) masked by an additive bias,
 * dropout on the attention weights by a fed mask (named {@code <name>.dropout}).
 */
record SelfAttentionGraph(SelfAttention attention) {
  /** Attends from {@code queries} over {@code keysValues} (both {@code [cells, size]}); returns {@code [cells, size]}. */
  SDVariable forward(GraphContext g, SDVariable queries, SDVariable keysValues) {
    SameDiff sd = g.sd();
    int heads = attention.heads();
    int size = attention.size();
    SDVariable q = split(g, new LinearGraph(attention.query()).forward(g, queries));
    SDVariable k = split(g, new LinearGraph(attention.key()).forward(g, keysValues));
    SDVariable v = split(g, new LinearGraph(attention.value()).forward(g, keysValues));
    double scale = 1 / Math.sqrt(size / (double) heads);
    SDVariable scores = sd.mmul(q, k, false, true, false).mul(scale).add(g.attentionBias(attention.causal()));
    SDVariable weights = g.attentionDropout(attention.name() + ".dropout", sd.nn.softmax(scores, 3),
        attention.dropout(), heads);
    SDVariable mixed = sd.reshape(sd.permute(sd.mmul(weights, v), 0, 2, 1, 3), -1, size);
    return new LinearGraph(attention.output()).forward(g, mixed);
  }

  private SDVariable split(GraphContext g, SDVariable x) {
    int heads = attention.heads();
    return g.sd().permute(g.sd().reshape(x, -1, g.maxLen(), heads, attention.size() / heads), 0, 2, 1, 3);
  }
}
